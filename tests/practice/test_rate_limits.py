"""Rate limits: past practice.limits.RATE_LIMITS a POST gets a 429 saying what to do; a reader never meets them.

Counters are per signed-in reader, per address and, where mail is sent, per e-mail address typed.
"""

from datetime import timedelta

import django_ratelimit.core
import pytest
import time_machine
from django.core.cache.backends.redis import RedisCache
from django.utils import timezone

from practice import limits
from practice.mocks import services as mocks
from tests.factories import QuestionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def still_clock():
    """The windows are fixed (each ends at its own moment): on a slow machine a loop of 120 requests could
    cross an end and see its counter start again, so the clock stands still unless a test moves it."""
    with time_machine.travel(timezone.now(), tick=False):
        yield


def _preview(client, address="10.0.0.1", **headers):
    return client.post("/practice/preview/", {"answer": "**hi**"}, REMOTE_ADDR=address, headers=headers)


def test_previews_stop_after_the_readers_limit_with_a_json_message(owner_client, client, other_user):
    assert limits.RATE_LIMITS["preview"]["reader"] == "120/m"
    for _ in range(120):
        assert _preview(owner_client).status_code == 200
    refused = _preview(owner_client)
    assert refused.status_code == 429
    assert refused.json()["error"].startswith("Too many previews in a short time. Please wait")
    assert 1 <= int(refused["Retry-After"]) <= 60
    # Another reader, even from the same address, is not slowed down.
    client.force_login(other_user)
    assert _preview(client).status_code == 200


def test_previews_work_again_a_minute_later(owner_client):
    for _ in range(121):
        _preview(owner_client)
    with time_machine.travel(timezone.now() + timedelta(seconds=61)):
        assert _preview(owner_client).status_code == 200


def test_many_readers_from_one_address_share_the_address_limit(client, monkeypatch):
    monkeypatch.setitem(limits.RATE_LIMITS["preview"], "address", "3/m")
    for reader in ["ana", "ben", "cy"]:
        client.force_login(UserFactory(username=reader))
        assert _preview(client, "10.0.0.9").status_code == 200
    client.force_login(UserFactory(username="dee"))
    assert _preview(client, "10.0.0.9").status_code == 429
    assert _preview(client, "10.0.0.10").status_code == 200


def test_behind_a_proxy_each_readers_own_address_is_counted(client, settings, monkeypatch):
    settings.TRUSTED_PROXY_COUNT = 1
    monkeypatch.setitem(limits.RATE_LIMITS["preview"], "address", "2/m")
    client.force_login(UserFactory(username="ana"))
    proxy = "127.0.0.1"
    for _ in range(2):
        assert _preview(client, proxy, **{"X-Forwarded-For": "203.0.113.5"}).status_code == 200
    # A forged entry on the left is the client's own claim: the proxy's last entry is what counts.
    assert _preview(client, proxy, **{"X-Forwarded-For": "1.2.3.4, 203.0.113.5"}).status_code == 429
    assert _preview(client, proxy, **{"X-Forwarded-For": "198.51.100.7"}).status_code == 200


def test_a_cache_outage_lets_previews_through(owner_client, monkeypatch):
    """Redis going away must not refuse readers: the counters are skipped (and the outage logged)."""
    down = RedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.2}})
    monkeypatch.setattr(django_ratelimit.core, "caches", {"default": down})
    for _ in range(3):
        assert _preview(owner_client).status_code == 200


@pytest.fixture
def running_mock(owner):
    question = QuestionFactory(kind="concept")
    return mocks.mock_start(user=owner, title="One", questions=[question], time_limit_seconds=3600)


def test_autosave_stops_after_the_readers_limit_and_keeps_the_last_stored_text(owner_client, running_mock):
    url = f"/mock/{running_mock.pk}/q/1/save/"
    for revision in range(1, 121):
        response = owner_client.post(url, {"answer": f"draft {revision}", "revision": revision})
        assert response.status_code == 200
    refused = owner_client.post(url, {"answer": "draft 121", "revision": 121})
    assert refused.status_code == 429
    assert "Too many saves in a short time" in refused.json()["error"]
    assert "kept in this browser" in refused.json()["error"]
    assert running_mock.slots.get().answer == "draft 120"


def _sign_up(client, email, address="10.0.0.1"):
    return client.post(
        "/accounts/signup/", {"email": email, "password": "a-long-Passphrase-42"}, REMOTE_ADDR=address
    )


def test_sign_ups_for_one_email_address_are_limited(client):
    for _ in range(5):
        assert _sign_up(client, "Maya@Example.com ").status_code != 429
    refused = _sign_up(client, "maya@example.com", address="10.0.0.2")
    assert refused.status_code == 429
    assert "Too many sign-up attempts in a short time" in refused.content.decode()
    assert _sign_up(client, "someone-else@example.com", address="10.0.0.2").status_code != 429


def test_sign_ups_from_one_address_are_limited_but_the_page_still_opens(client):
    for index in range(30):
        assert _sign_up(client, f"reader{index}@example.com").status_code != 429
    assert _sign_up(client, "reader30@example.com").status_code == 429
    assert client.get("/accounts/signup/", REMOTE_ADDR="10.0.0.1").status_code == 200
    assert _sign_up(client, "reader30@example.com", address="10.0.0.2").status_code != 429


def _reset(client, email, address="10.0.0.1"):
    return client.post("/accounts/password_reset/", {"email": email}, REMOTE_ADDR=address)


def test_password_resets_for_one_email_address_are_limited(client, owner):
    for _ in range(5):
        assert _reset(client, "owner@example.com").status_code == 302
    refused = _reset(client, "OWNER@example.com", address="10.0.0.2")
    assert refused.status_code == 429
    assert "Too many password reset requests" in refused.content.decode()
    assert refused["Retry-After"]


def test_password_resets_from_one_address_are_limited(client):
    for index in range(30):
        assert _reset(client, f"nobody{index}@example.com").status_code == 302
    assert _reset(client, "nobody30@example.com").status_code == 429
    assert _reset(client, "nobody30@example.com", address="10.0.0.2").status_code == 302
