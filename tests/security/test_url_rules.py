"""Every URL of the site declares who may open it (access/), and the rule holds for each kind of visitor.

For each URL pattern, the admin's included, built with real objects: a public page answers a visitor,
another reader and staff; an owner page sends a visitor to log in, answers the owner, and answers
another reader (and staff) 404 for the owner's attempt, quiz or mock, or with their own data and none
of the owner's; a staff page sends a visitor to log in and refuses a reader. POST-only views (405 to a
GET) are checked with a POST.
"""

from urllib.parse import urlsplit

import pytest

from access import OWNER, PUBLIC, STAFF
from tests.security.urlmap import all_entries
from tests.security.world import CANARY

pytestmark = pytest.mark.django_db

ENTRIES = all_entries()
LOGIN_PATHS = {"/accounts/login/", "/admin/login/"}
# URL arguments that name an object of the owner's: anyone else gets a 404.
OWNED_KWARGS = {"attempt_id", "quiz_id", "mock_id"}
# Staff pages that refuse even staff, and why.
# Public views whose POST body is not a form: the walk's form post is answered 400, which is still an
# answer to anyone (not a log-in page, not a 403).
ANSWERS_400_TO_A_FORM_POST = {"csp_report": "takes a JSON CSP report from a browser"}
REFUSES_STAFF_TOO = {
    "admin:autocomplete": "no ModelAdmin declares autocomplete_fields, so it answers 403 to every request",
    **{
        f"admin:axes_{model}_add": "django-axes records log-in attempts itself; its admin refuses to add one"
        for model in ("accessattempt", "accesslog", "accessfailurelog")
    },
    **{
        f"admin:practice_{model}_add": "readers write suggestions and reports; curators only decide on them"
        for model in ("suggestion", "askedreport")
    },
}


def _is_login_redirect(response):
    return response.status_code == 302 and urlsplit(response["Location"]).path in LOGIN_PATHS


def _refused(client, response, hops=3):
    """403, or redirects that end on a log-in page (the admin's log-out sends a reader to its index first)."""
    if response.status_code == 403 or _is_login_redirect(response):
        return True
    if response.status_code == 302 and hops:
        return _refused(client, client.get(response["Location"]), hops - 1)
    return False


def _answers(response):
    """Let in: not refused, not sent to log in, no server error (a missing object may still be a 404)."""
    return response.status_code < 500 and response.status_code != 403 and not _is_login_redirect(response)


def _open(client, method, url):
    return client.post(url) if method == "post" else client.get(url)


def test_every_url_declares_a_rule():
    missing = [str(entry) for entry in ENTRIES if entry.rule is None]
    assert not missing, "Views with no access rule (decorate them from access/):\n" + "\n".join(missing)


def test_the_walk_reaches_every_part_of_the_site():
    names = {entry.name for entry in ENTRIES}
    assert {"home", "practice:attempt", "mock:autosave", "login", "export_csv", "readyz"} <= names
    assert {"admin:index", "admin:bank_question_change", "admin:login"} <= names
    assert len(ENTRIES) > 150


@pytest.mark.parametrize("entry", ENTRIES, ids=str)
def test_the_declared_rule_holds(entry, url_of, clients):
    assert entry.rule is not None, f"{entry} declares no access rule"
    url = url_of(entry)
    allowed = clients[{PUBLIC: "visitor", OWNER: "owner", STAFF: "staff"}[entry.rule]]
    method = "post" if allowed.get(url).status_code == 405 else "get"
    visitor, other, staff, own = (clients[k] for k in ("visitor", "other reader", "staff", "owner"))

    if entry.rule == PUBLIC:
        for label in ("visitor", "other reader", "staff"):
            response = _open(clients[label], method, url)
            answered = response.status_code < 400 or (
                entry.name in ANSWERS_400_TO_A_FORM_POST and response.status_code == 400
            )
            assert answered and not _is_login_redirect(response), (label, response)

    elif entry.rule == OWNER:
        response = _open(visitor, method, url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=")
        for label in ("other reader", "staff"):
            response = _open(clients[label], method, url)
            if OWNED_KWARGS & set(entry.kwarg_names):
                assert response.status_code == 404, (label, response)
            else:
                assert _answers(response) and response.status_code != 404, (label, response)
                assert CANARY not in response.content.decode(errors="replace"), label
        response = _open(own, method, url)
        assert _answers(response) and response.status_code not in (404, 405), response

    else:
        assert entry.rule == STAFF
        response = _open(visitor, method, url)
        assert response.status_code != 403 and _refused(visitor, response), response
        assert _refused(other, _open(other, method, url))
        response = _open(staff, method, url)
        assert response.status_code == 403 if entry.name in REFUSES_STAFF_TOO else _answers(response)
