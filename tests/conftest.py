import pytest


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    """Tests do not run collectstatic, so serve static files without the manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user(
        "curator", "curator@example.com", "pw-curator-1", is_staff=True
    )
