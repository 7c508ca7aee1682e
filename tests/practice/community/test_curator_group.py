"""The "curator" group (practice migration 0005): edits content and moderates readers' suggestions and
reports; cannot manage users or groups."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import AskedReportFactory, QuestionFactory, SampleAnswerFactory, SuggestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator(django_user_model):
    user = django_user_model.objects.create_user("cora", "cora@example.com", "pw-cora-1", is_staff=True)
    user.groups.add(Group.objects.get(name="curator"))
    return user


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


def test_the_migration_creates_the_group_with_content_and_moderation_rights_only():
    codenames = set(Group.objects.get(name="curator").permissions.values_list("codename", flat=True))
    assert {"change_question", "add_sampleanswer", "delete_choice", "change_company"} <= codenames
    assert {"change_suggestion", "change_askedreport", "view_historicalquestion"} <= codenames
    assert not {c for c in codenames if c.endswith(("_user", "_group", "_permission"))}


def test_a_curator_edits_questions_and_sees_their_history(curator_client):
    answer = SampleAnswerFactory()
    question = answer.question
    assert curator_client.get("/admin/bank/question/").status_code == 200
    assert curator_client.get(f"/admin/bank/question/{question.pk}/change/").status_code == 200
    assert curator_client.get(f"/admin/bank/question/{question.pk}/history/").status_code == 200
    assert (
        curator_client.post("/admin/bank/question/preview/", {"text": "*hi*"}).json()["html"]
        == "<p><em>hi</em></p>"
    )


def test_a_curator_moderates_suggestions_and_reports(curator_client):
    suggestion = SuggestionFactory()
    report = AskedReportFactory(state="pending")
    assert curator_client.get("/admin/practice/suggestion/").status_code == 200
    assert curator_client.get(f"/admin/practice/suggestion/{suggestion.pk}/change/").status_code == 200
    assert curator_client.get("/admin/practice/askedreport/").status_code == 200
    assert curator_client.get(f"/admin/practice/askedreport/{report.pk}/change/").status_code == 200


def test_a_curator_cannot_manage_users_or_groups(curator_client, curator):
    for url in ["/admin/auth/user/", "/admin/auth/group/", f"/admin/auth/user/{curator.pk}/change/"]:
        assert curator_client.get(url).status_code == 403, url
    assert (
        curator_client.post(
            "/admin/auth/user/add/", {"username": "mallory", "password1": "x" * 12, "password2": "x" * 12}
        ).status_code
        == 403
    )
    assert "Users" not in curator_client.get("/admin/").content.decode()


def test_a_curator_cannot_make_themselves_a_superuser(curator_client, curator):
    curator_client.post(f"/admin/auth/user/{curator.pk}/change/", {"is_superuser": "on"})
    curator.refresh_from_db()
    assert not curator.is_superuser


def test_a_curator_cannot_touch_readers_practice_data(curator_client):
    QuestionFactory()
    assert curator_client.get("/admin/practice/attempt/").status_code == 403
