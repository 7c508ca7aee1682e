"""The hostile corpus through the curation surfaces: a reader's suggestion and report, the curator's live
preview. Never a 500; what is stored or previewed renders inert, in the queue and on the dashboard."""

import pytest

from practice.community.models import AskedReport, Suggestion
from tests.factories import QuestionFactory, SampleAnswerFactory
from tests.security.corpus import ALL, inert_problems

pytestmark = pytest.mark.django_db
CASES = pytest.mark.parametrize("text", ALL, ids=lambda text: repr(text[:30]))


@pytest.fixture
def answer():
    return SampleAnswerFactory(question=QuestionFactory(slug="target"))


@CASES
def test_a_suggestion_in_the_queue_and_on_the_dashboard(owner_client, answer, text, django_user_model):
    response = owner_client.post(
        "/contribute/q/target/suggest/", {"answer": answer.pk, "kind": "unclear", "text": text}
    )
    assert response.status_code in (302, 400)
    if response.status_code == 302:
        suggestion = Suggestion.objects.get()
        assert inert_problems(suggestion.text_html) == []
        assert owner_client.get("/practice/").status_code == 200
        owner_client.force_login(
            django_user_model.objects.create_superuser("boss", "b@example.com", "pw-b-1")
        )
        assert owner_client.get(f"/admin/practice/suggestion/{suggestion.pk}/change/").status_code == 200


@CASES
def test_a_report_naming_a_new_company(owner_client, answer, text):
    response = owner_client.post(
        "/contribute/q/target/asked/",
        {"company": "", "new_company": text, "round": "onsite", "month": "1", "year": "2026"},
    )
    assert response.status_code in (302, 400)
    assert owner_client.get("/practice/").status_code == 200
    assert AskedReport.objects.count() <= 1


@CASES
def test_the_curators_live_preview(client, staff_user, text):
    staff_user.is_superuser = True
    staff_user.save()
    client.force_login(staff_user)
    for mode in ("markdown", "lines", "follow-ups"):
        response = client.post("/admin/bank/question/preview/", {"mode": mode, "text": text})
        assert response.status_code in (200, 400)
        if response.status_code == 200:
            assert inert_problems(response.json()["html"]) == []
