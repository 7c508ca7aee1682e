"""The curators' queues in the admin: a decision is a radio choice; refusing needs a reason; accepting
a suggestion needs an edit to the answer and then links to it."""

import pytest

from practice.community.models import AskedReport, Suggestion
from tests.factories import AskedReportFactory, SuggestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.com", "pw-boss-1"))
    return client


def _decide(client, obj, decision, reason=""):
    model = obj._meta.model_name
    return client.post(
        f"/admin/practice/{model}/{obj.pk}/change/", {"decision": decision, "decision_reason": reason}
    )


def test_the_queue_lists_open_suggestions_with_their_question(admin_client):
    suggestion = SuggestionFactory(answer__question__title="Canary question")
    body = admin_client.get("/admin/practice/suggestion/?state__exact=open").content.decode()
    assert "Canary question" in body
    page = admin_client.get(f"/admin/practice/suggestion/{suggestion.pk}/change/").content.decode()
    assert "<strong>2025</strong>" in page  # the suggestion, rendered
    assert "Edit the answer" in page


def test_accepting_before_editing_is_refused_with_a_message(admin_client):
    suggestion = SuggestionFactory()
    response = _decide(admin_client, suggestion, "accept")
    assert response.status_code == 200 and "Edit the answer first" in response.content.decode()
    assert Suggestion.objects.get().state == "open"


def test_accepting_after_an_edit_links_the_suggestion_to_the_change(admin_client):
    suggestion = SuggestionFactory()
    suggestion.answer.body = "Fixed, as suggested."
    suggestion.answer.save()
    assert _decide(admin_client, suggestion, "accept").status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.state == "accepted" and suggestion.accepted_change.body == "Fixed, as suggested."
    page = admin_client.get(f"/admin/practice/suggestion/{suggestion.pk}/change/").content.decode()
    change = suggestion.accepted_change
    assert f"/admin/bank/sampleanswer/{change.id}/history/{change.history_id}/" in page


def test_turning_down_without_a_reason_is_a_form_error(admin_client):
    suggestion = SuggestionFactory()
    response = _decide(admin_client, suggestion, "reject")
    assert response.status_code == 200 and "Say why" in response.content.decode()
    assert _decide(admin_client, suggestion, "reject", "Covered by key point 2.").status_code == 302
    suggestion.refresh_from_db()
    assert (suggestion.state, suggestion.reason) == ("rejected", "Covered by key point 2.")


def test_reports_are_approved_from_the_list_or_turned_down_with_a_reason(admin_client):
    first, second = AskedReportFactory(state="pending"), AskedReportFactory(state="pending")
    admin_client.post("/admin/practice/askedreport/", {"action": "approve", "_selected_action": [first.pk]})
    assert AskedReport.objects.get(pk=first.pk).state == "approved"
    assert _decide(admin_client, second, "reject", "Not a real round.").status_code == 302
    assert AskedReport.objects.get(pk=second.pk).state == "rejected"


def test_nobody_adds_a_suggestion_or_report_in_the_admin(admin_client):
    assert admin_client.get("/admin/practice/suggestion/add/").status_code == 403
    assert admin_client.get("/admin/practice/askedreport/add/").status_code == 403
