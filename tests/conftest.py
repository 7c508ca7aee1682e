import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _test_settings(settings):
    """Tests do not run collectstatic, so serve static files without the manifest."""
    # Fast hashing: the tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


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
