"""The access decorators: each lets in whom its rule names and records the rule on the view."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory

from access import OWNER, PUBLIC, STAFF, public, reader_owned, rule_of, staff_only


def _view(request):
    return HttpResponse("in")


def _get(user):
    request = RequestFactory().get("/somewhere/")
    request.user = user
    return request


def test_a_view_without_a_decorator_declares_no_rule():
    assert rule_of(_view) is None


def test_public_lets_a_visitor_in():
    view = public(_view)
    assert rule_of(view) == PUBLIC
    assert view(_get(AnonymousUser())).status_code == 200


@pytest.mark.django_db
def test_reader_owned_sends_a_visitor_to_log_in_and_lets_a_reader_in(owner):
    view = reader_owned(_view)
    assert rule_of(view) == OWNER
    response = view(_get(AnonymousUser()))
    assert response.status_code == 302 and response["Location"] == "/accounts/login/?next=/somewhere/"
    assert view(_get(owner)).status_code == 200


@pytest.mark.django_db
def test_staff_only_refuses_a_reader_and_lets_staff_in(owner, staff_user):
    view = staff_only(_view)
    assert rule_of(view) == STAFF
    assert view(_get(AnonymousUser()))["Location"] == "/accounts/login/?next=/somewhere/"
    with pytest.raises(PermissionDenied):
        view(_get(owner))
    assert view(_get(staff_user)).content == b"in"
