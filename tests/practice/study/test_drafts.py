"""The practise page's draft: saved as typed, private to its reader, restored on reload, cleared on submit."""

import json
import uuid

import pytest

from bank.models import Kind
from practice import limits
from practice.models import Draft
from practice.study import services
from practice.study.forms import sign_start
from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def question():
    return QuestionFactory(slug="feature-store")


def _save(client, text, revision, slug="feature-store"):
    return client.post(f"/practice/q/{slug}/draft/", {"answer": text, "revision": str(revision)})


def test_it_saves_the_draft_and_the_page_gives_it_back(owner_client, owner, question):
    response = _save(owner_client, "Point-in-time joins first", 5)
    assert response.status_code == 200 and response.json() == {"stored": True, "revision": 5}
    page = owner_client.get("/practice/q/feature-store/").content.decode()
    assert "Point-in-time joins first</textarea>" in page
    assert 'data-draft-revision="5"' in page and "is back in the box" in page


def test_a_stale_revision_is_refused_and_the_newer_text_kept(owner_client, owner, question):
    _save(owner_client, "newer text", 9)
    response = _save(owner_client, "older text", 8)
    assert response.status_code == 409 and response.json()["stored"] is False
    assert _save(owner_client, "same revision", 9).status_code == 409
    assert Draft.objects.get(user=owner).text == "newer text"
    assert _save(owner_client, "newest", 10).status_code == 200
    assert Draft.objects.get(user=owner).text == "newest"


def test_another_reader_neither_sees_nor_overwrites_my_draft(client, owner, other_user, question):
    client.force_login(owner)
    _save(client, "my private words", 3)
    client.force_login(other_user)
    page = client.get("/practice/q/feature-store/").content.decode()
    assert "my private words" not in page and "is back in the box" not in page
    assert _save(client, "their words", 1).status_code == 200  # their own draft, revision 1 is fine
    assert dict(Draft.objects.values_list("user__username", "text")) == {
        owner.username: "my private words",
        other_user.username: "their words",
    }


def _submit(client, **extra):
    body = {"answer": "done", "token": str(uuid.uuid4()), "started": sign_start(), "done": "1", **extra}
    return client.post("/practice/q/feature-store/", body)


def test_submitting_the_answer_clears_the_draft(owner_client, owner, question):
    _save(owner_client, "almost done", 2)
    assert _submit(owner_client).status_code == 302
    assert not Draft.objects.exclude(text="").exists()
    page = owner_client.get("/practice/q/feature-store/").content.decode()
    assert "almost done" not in page and "is back in the box" not in page


def test_a_save_sent_before_the_submit_but_arriving_after_it_is_refused(owner_client, owner, question):
    # Leaving the box to click "I'm done" sends a save (revision 6); the form carries revision 7.
    _save(owner_client, "almost", 5)
    assert _submit(owner_client, draft_revision="7").status_code == 302
    assert _save(owner_client, "almost done", 6).status_code == 409
    assert Draft.objects.get().text == ""
    # Practising the question again later starts above the emptied draft's revision, and saves.
    page = owner_client.get("/practice/q/feature-store/").content.decode()
    stored = Draft.objects.get().revision
    assert f'data-draft-revision="{stored}"' in page
    assert _save(owner_client, "a second go", stored + 1).status_code == 200


def test_a_late_save_is_refused_even_when_no_draft_was_stored_yet(owner_client, owner, question):
    assert _submit(owner_client, draft_revision="3").status_code == 302
    assert _save(owner_client, "late", 2).status_code == 409
    assert Draft.objects.get().text == ""


@pytest.mark.parametrize("junk", ["", "abc", "-4", "9" * 40])
def test_a_junk_draft_revision_does_not_stop_the_submit(owner_client, question, junk):
    assert _submit(owner_client, draft_revision=junk).status_code == 302


def test_the_export_leaves_out_emptied_drafts(owner_client, owner, question):
    _save(owner_client, "words", 1)
    _submit(owner_client, draft_revision="2")
    assert json.loads(owner_client.get("/accounts/export.json").content)["drafts"] == []


def test_a_quiz_or_mock_answer_does_not_clear_the_practise_draft(owner, question):
    services.draft_save(user=owner, question=question, text="keep me", revision=1)
    services.attempt_submit(user=owner, question=question, token=uuid.uuid4(), source="mock")
    assert Draft.objects.get().text == "keep me"


def test_a_draft_over_the_limit_is_a_clear_400(owner_client, question):
    response = _save(owner_client, "x" * (limits.MAX_DRAFT_LENGTH + 1), 1)
    assert response.status_code == 400 and "Nothing was stored" in response.json()["error"]
    assert not Draft.objects.exists()


@pytest.mark.parametrize("revision", ["", "abc", "-1", "0", str(2**70)])
def test_a_bad_revision_is_a_400(owner_client, question, revision):
    assert _save(owner_client, "text", revision).status_code == 400


def test_a_visitor_cannot_save_a_draft(client, question):
    assert _save(client, "text", 1).status_code == 302
    assert not Draft.objects.exists()


def test_the_draft_is_in_my_export_and_goes_with_my_account(owner_client, owner, question):
    _save(owner_client, "exported words", 1)
    data = json.loads(owner_client.get("/accounts/export.json").content)
    assert data["drafts"][0]["question"] == "feature-store" and data["drafts"][0]["text"] == "exported words"
    assert "exported words" in owner_client.get("/accounts/export.csv").content.decode()
    owner.delete()
    assert not Draft.objects.exists()


def test_a_multiple_choice_question_has_no_draft_box(owner_client):
    from tests.factories import ChoiceFactory

    mc = QuestionFactory(slug="mc", kind=Kind.MULTIPLE_CHOICE)
    ChoiceFactory(question=mc, is_correct=True)
    assert "data-draft-url" not in owner_client.get("/practice/q/mc/").content.decode()


def test_a_save_runs_a_fixed_number_of_queries(owner_client, question, django_assert_num_queries):
    _save(owner_client, "first", 1)
    # 1 session, 2 user, 3 the question, 4 the UPDATE that checks the revision.
    with django_assert_num_queries(4):
        assert _save(owner_client, "second", 2).status_code == 200
    # A stale save: the same three, the UPDATE that matches nothing, 5 the look that the draft exists.
    with django_assert_num_queries(5):
        assert _save(owner_client, "stale", 1).status_code == 409


def test_the_practise_page_reads_the_draft_in_one_query(owner_client, question, django_assert_num_queries):
    _save(owner_client, "kept", 1)
    # 1 session, 2 user, 3 the question, 4-7 its roles, companies, choices and answers, 8 the draft,
    # 9 the reader's earlier attempts, 10 the due count.
    with django_assert_num_queries(10):
        assert owner_client.get("/practice/q/feature-store/").status_code == 200
