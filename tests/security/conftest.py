"""Fixtures of the security tests: a world of real objects, clients for each kind of visitor."""

import pytest
from django.test import Client

from tests.security.urlmap import build_url
from tests.security.world import build_world, url_kwargs


@pytest.fixture
def curator(django_user_model):
    """Staff with every permission: the admin lets them in everywhere."""
    return django_user_model.objects.create_superuser("boss", "boss@example.com", "pw-boss-1")


@pytest.fixture
def world(owner):
    """One of everything a URL can name, the reader's things owned by `owner`."""
    return build_world(owner)


@pytest.fixture
def clients(owner, other_user, curator):
    """A visitor, the owner, another signed-in reader and staff, each with their own cookies."""
    signed_in = {"owner": owner, "other reader": other_user, "staff": curator}
    result = {"visitor": Client()}
    for label, user in signed_in.items():
        result[label] = Client()
        result[label].force_login(user)
    return result


@pytest.fixture
def url_of(world, owner):
    """The URL of a pattern (tests.security.urlmap.Entry), naming `world`'s objects, the owner's own."""
    kwargs = url_kwargs(world, owner)
    return lambda entry: build_url(entry, kwargs)
