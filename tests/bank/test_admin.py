import pytest

from bank.models import Question
from tests.factories import ChoiceFactory, QuestionFactory, SampleAnswerFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw-admin-1")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "model", ["topic", "role", "company", "question", "sampleanswer", "choice", "studypath"]
)
def test_every_model_has_a_working_admin(admin_client, model):
    QuestionFactory()
    assert admin_client.get(f"/admin/bank/{model}/").status_code == 200
    assert admin_client.get(f"/admin/bank/{model}/add/").status_code == 200


def test_the_question_admin_filters_and_searches(admin_client):
    QuestionFactory(title="Canary rollouts")
    QuestionFactory(title="Feature stores")
    response = admin_client.get("/admin/bank/question/?q=canary&status__exact=published")
    assert "Canary rollouts" in response.content.decode()
    assert "Feature stores" not in response.content.decode()


def _question_form(question, **changes):
    data = {
        "title": question.title,
        "slug": question.slug,
        "status": "published",
        "topic": question.topic_id,
        "kind": "concept",
        "difficulty": "medium",
        "prompt": question.prompt,
        "why_asked": "Why.",
        "trap": "Trap.",
        "key_points": "First point\n\nSecond point\n",
        "follow_ups": "## Then what?\n\nRoll back first.",
        "tools": "MLflow\nFeast",
        "links": "MLflow docs | https://mlflow.org/docs/latest/",
        "answers-TOTAL_FORMS": "2",
        "answers-INITIAL_FORMS": "0",
        "answers-0-body": "One.",
        "answers-0-is_featured": "on",
        "answers-0-position": "0",
        "answers-1-body": "Two.",
        "answers-1-position": "1",
        "choices-TOTAL_FORMS": "0",
        "choices-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def test_staff_edit_lists_one_item_per_line(admin_client):
    question = QuestionFactory()
    response = admin_client.post(f"/admin/bank/question/{question.pk}/change/", _question_form(question))
    assert response.status_code == 302, response.content.decode()[:2000]
    question.refresh_from_db()
    assert question.key_points == ["First point", "Second point"]
    assert question.tools == ["MLflow", "Feast"]
    assert question.links == [{"title": "MLflow docs", "url": "https://mlflow.org/docs/latest/"}]
    assert question.answers.get(is_featured=True).body == "One."


def test_two_featured_answers_are_a_form_error_not_a_crash(admin_client):
    question = QuestionFactory()
    response = admin_client.post(
        f"/admin/bank/question/{question.pk}/change/",
        _question_form(question, **{"answers-1-is_featured": "on"}),
    )
    assert response.status_code == 200
    assert "Only one answer can be featured." in response.content.decode()


def test_a_bad_link_line_is_a_form_error(admin_client):
    question = QuestionFactory()
    response = admin_client.post(
        f"/admin/bank/question/{question.pk}/change/", _question_form(question, links="just a title")
    )
    assert response.status_code == 200
    assert "Title | https://" in response.content.decode()


def test_publish_and_hide_actions_follow_the_workflow(admin_client):
    question = QuestionFactory(status="draft", topic=TopicFactory())
    act = lambda action: admin_client.post(  # noqa: E731
        "/admin/bank/question/", {"action": action, "_selected_action": [question.pk]}, follow=True
    )
    body = act("publish").content.decode()
    assert Question.objects.get().status == "draft"
    assert "a draft goes to review before it is published" in body
    act("send_to_review")
    assert Question.objects.get().status == "in-review"
    act("publish")
    assert Question.objects.get().status == "published"
    act("unpublish")
    assert Question.objects.get().status == "draft"


def test_the_change_page_shows_answer_and_choice_inlines(admin_client):
    answer = SampleAnswerFactory()
    ChoiceFactory(question=answer.question)
    body = admin_client.get(f"/admin/bank/question/{answer.question.pk}/change/").content.decode()
    assert "answers-0-body" in body and "choices-0-text" in body


@pytest.mark.parametrize(
    "model", ["attempt", "reviewcard", "bookmark", "note", "readerprofile", "quiz", "mockinterview"]
)
def test_practice_models_have_an_admin(admin_client, model):
    assert admin_client.get(f"/admin/practice/{model}/").status_code == 200


def test_an_admin_edit_stores_lf_line_ends_so_dumpbank_writes_no_carriage_returns(admin_client):
    answer = SampleAnswerFactory()
    question = answer.question
    data = _question_form(
        question,
        prompt="First line.\r\n\r\nSecond line.",
        follow_ups="## Then what?\r\n\r\nRoll back first.\r\nThen look.",
        **{
            "answers-TOTAL_FORMS": "1",
            "answers-INITIAL_FORMS": "1",
            "answers-0-id": str(answer.pk),
            "answers-0-question": str(question.pk),
            "answers-0-body": "One.\r\n\r\nTwo.",
        },
    )
    assert admin_client.post(f"/admin/bank/question/{question.pk}/change/", data).status_code == 302
    question.refresh_from_db()
    assert question.prompt == "First line.\n\nSecond line."
    assert question.follow_ups == [{"question": "Then what?", "answer": "Roll back first.\nThen look."}]
    assert question.answers.get().body == "One.\n\nTwo."
