"""Fixtures of the fuzz tests: the security tests' world of real objects, and a signed-in owner."""

import pytest

from tests.security.world import build_world


@pytest.fixture
def world(owner):
    return build_world(owner)


@pytest.fixture
def reader(client, owner):
    """The owner's client, signed in once (examples that may sign out sign in again)."""
    client.force_login(owner)
    return client
