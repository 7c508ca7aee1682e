"""A POST without a CSRF token is refused (403) at every URL of the site, for whoever may use the URL.

The client enforces CSRF checks as a browser would be made to (Django's test client skips them unless
told). The same POST with a token gets past the check, so the 403 is the token's doing.
"""

import pytest
from django.test import Client
from django.utils.crypto import get_random_string

from access import OWNER, PUBLIC, STAFF
from tests.security.urlmap import all_entries

pytestmark = pytest.mark.django_db

ENTRIES = all_entries()
CSRF_REFUSAL = b"CSRF verification failed"


@pytest.fixture
def strict_clients(owner, curator):
    """Per rule, a client allowed through it, with CSRF checks on."""
    result = {PUBLIC: Client(enforce_csrf_checks=True)}
    for rule, user in ((OWNER, owner), (STAFF, curator)):
        result[rule] = Client(enforce_csrf_checks=True)
        result[rule].force_login(user)
    return result


@pytest.mark.parametrize("entry", ENTRIES, ids=str)
def test_a_post_without_a_token_is_refused(entry, url_of, strict_clients):
    url = url_of(entry)
    client = strict_clients[entry.rule]
    data = {"answer": "text", "revision": "1", "grade": "3", "text": "a note", "password": "x"}

    response = client.post(url, data)
    assert response.status_code == 403 and CSRF_REFUSAL in response.content, response

    token = get_random_string(32)
    client.cookies["csrftoken"] = token
    response = client.post(url, {**data, "csrfmiddlewaretoken": token})
    assert CSRF_REFUSAL not in response.content, "a POST with a token must get past the check"
