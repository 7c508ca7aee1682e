import uuid

import pytest

from bank.models import Kind
from practice.models import Attempt, Quiz
from practice.study import services
from practice.study.forms import sign_start
from tests.factories import AttemptFactory, ChoiceFactory, QuestionFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_my_attempts_filter_like_the_bank(owner_client, owner, other_user):
    drift = TopicFactory(slug="drift")
    AttemptFactory(user=owner, question=QuestionFactory(title="About drift", topic=drift))
    AttemptFactory(user=owner, question=QuestionFactory(title="About serving"))
    AttemptFactory(user=other_user, question=QuestionFactory(title="Someone else", topic=drift))
    response = owner_client.get("/practice/attempts/?topic=drift")
    assert [a.question.title for a in response.context["page"].object_list] == ["About drift"]
    assert owner_client.get("/practice/attempts/?topic=nope").status_code == 400


def test_my_attempts_has_an_empty_state(owner_client):
    assert "No attempts yet" in owner_client.get("/practice/attempts/").content.decode()


def test_saved_lists_bookmarks_and_notes_with_filters(owner_client, owner):
    easy = QuestionFactory(title="Easy saved", difficulty="easy")
    hard = QuestionFactory(title="Hard noted", difficulty="hard")
    services.bookmark_toggle(user=owner, question=easy)
    services.note_save(user=owner, question=hard, text="Remember the p99")
    body = owner_client.get("/practice/saved/").content.decode()
    assert "Easy saved" in body and "Hard noted" in body and "Remember the p99" in body
    filtered = owner_client.get("/practice/saved/?difficulty=hard").content.decode()
    assert "Easy saved" not in filtered and "Hard noted" in filtered


def test_bookmark_and_note_from_the_question_page(owner_client, owner):
    question = QuestionFactory(slug="canary")
    owner_client.post("/practice/q/canary/bookmark/", {"next": "/questions/canary/"})
    owner_client.post("/practice/q/canary/note/", {"text": "Shadow first", "next": "https://evil.example/"})
    body = owner_client.get("/questions/canary/").content.decode()
    assert "★ Saved" in body and "Shadow first</textarea>" in body
    assert question.bookmarks.filter(user=owner).exists()


@pytest.fixture
def quiz_bank():
    serving = TopicFactory(slug="serving", name="Serving")
    questions = []
    for index in range(3):
        question = QuestionFactory(
            title=f"MC {index}", kind=Kind.MULTIPLE_CHOICE, topic=serving, key_points=[]
        )
        ChoiceFactory(question=question, text="Right", is_correct=True)
        ChoiceFactory(question=question, text="Wrong")
        questions.append(question)
    return questions


def test_a_quiz_with_fewer_questions_than_asked_says_so(owner_client, quiz_bank):
    response = owner_client.post("/practice/quiz/", {"topic": "serving", "count": "5"}, follow=True)
    assert "Only 3 questions matched, so your quiz has 3." in response.content.decode()
    assert len(Quiz.objects.get().question_ids) == 3


def test_a_quiz_with_no_matching_questions_explains(owner_client, quiz_bank):
    response = owner_client.post("/practice/quiz/", {"difficulty": "hard", "count": "5"})
    assert response.status_code == 400
    assert "No multiple-choice questions match" in response.content.decode()


def test_a_quiz_runs_to_a_score_and_what_to_study(owner_client, owner, quiz_bank):
    owner_client.post("/practice/quiz/", {"count": "3"})
    quiz = Quiz.objects.get()
    for number in range(3):
        page = owner_client.get(f"/practice/quiz/{quiz.pk}/")
        question = page.context["question"]
        pick = question.choices.get(is_correct=number != 0)
        owner_client.post(
            f"/practice/quiz/{quiz.pk}/",
            {"choice": str(pick.pk), "token": str(uuid.uuid4()), "started": sign_start()},
        )
    result = owner_client.get(f"/practice/quiz/{quiz.pk}/", follow=True)
    body = result.content.decode()
    assert "You scored 2 of 3" in body
    assert "/practice/next/?topic=serving" in body
    assert Attempt.objects.filter(user=owner, source="quiz").count() == 3
    assert Quiz.objects.get().finished_at is not None


def test_the_saved_page_runs_a_fixed_number_of_queries(owner_client, owner, django_assert_num_queries):
    from practice.study import services

    for index in range(4):
        question = QuestionFactory(title=f"Saved {index}")
        services.bookmark_toggle(user=owner, question=question)
        services.note_save(user=owner, question=question, text=f"note {index}")
    services.note_save(user=owner, question=QuestionFactory(title="Noted only"), text="just a note")
    # 1 session, 2 user, 3 bookmarks with their questions, 4 the notes, 5 noted-only questions,
    # 6-10 one count per facet (topic, role, company, difficulty, kind), 11 the due count.
    with django_assert_num_queries(11):
        response = owner_client.get("/practice/saved/")
    assert response.status_code == 200 and "Noted only" in response.content.decode()
