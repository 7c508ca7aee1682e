import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from playwright.sync_api import expect

from practice.models import Attempt, ReviewCard
from tests.factories import QuestionFactory, SampleAnswerFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def question():
    question = QuestionFactory(
        title="Shadow or canary for a new ranking model?",
        slug="shadow-or-canary",
        topic=TopicFactory(name="Serving and inference", slug="serving-and-inference"),
        key_points=[
            "Shadow traffic never reaches users",
            "Canary a small slice first",
            "Roll back automatically",
        ],
    )
    SampleAnswerFactory(question=question, body="Shadow first, then a **1%** canary with automatic rollback.")
    return question


def test_sign_up_practise_grade_and_meet_the_question_again_when_due(desktop_page, live_server, question):
    page = desktop_page
    page.goto(question.get_absolute_url())
    page.get_by_role("link", name="Practise this question").click()

    # A visitor is sent to sign up (log in is one click away there), gives an address and a password,
    # opens the link mailed to them, and lands back on the same question.
    expect(page.get_by_role("heading", name="Create your account")).to_be_visible()
    expect(page.get_by_role("main").get_by_role("link", name="Log in")).to_be_visible()
    page.get_by_label("Email").fill("maya@example.com")
    page.get_by_label("Password").fill("a-long-Passphrase-42")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    [message] = mail.outbox
    page.goto(re.search(r"http://\S+/accounts/signup/confirm/\S+/", message.body).group(0))
    expect(page.get_by_text("maya@example.com")).to_be_visible()
    page.get_by_role("button", name="Confirm and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(question.title)

    # Write an answer; the live preview renders it.
    page.get_by_label("Your answer").fill("I would **shadow** the model first, then canary 1% of traffic.")
    expect(page.locator("#answer-preview strong")).to_have_text("shadow")
    page.get_by_role("button", name="I'm done: show the sample answer").click()

    # The sample answer sits beside the reader's; tick key points and grade.
    expect(page.get_by_text("Shadow first, then a")).to_be_visible()
    page.get_by_label("Shadow traffic never reaches users").check()
    page.get_by_label("Canary a small slice first").check()
    page.get_by_label("Solid: A good answer with small gaps.").check()
    page.get_by_role("button", name="Save my grade").click()
    expect(page.get_by_text("2 of 3")).to_be_visible()
    expect(page.locator(".result-card .grade")).to_have_text("Solid")

    # History on the question page.
    page.goto(question.get_absolute_url())
    history = page.get_by_role("region", name="Your attempts")
    expect(history.locator(".grade")).to_have_text("Solid")

    # Nothing is due today; on the due day the question is in the queue and the navigation counts it.
    page.goto("/practice/review/")
    expect(page.get_by_role("heading", name="Nothing is due")).to_be_visible()
    attempt = Attempt.objects.get(user__username="maya@example.com")
    due = ReviewCard.objects.get(user=attempt.user).due
    with time_machine.travel(due + timedelta(minutes=5), tick=True):
        page.goto("/practice/review/")
        expect(page.get_by_role("link", name=question.title)).to_be_visible()
        expect(page.locator(".nav-count")).to_have_text("1")


def test_practice_pages_fit_a_phone(phone_page, live_server, question, django_user_model):
    from tests.conftest import PASSWORD

    django_user_model.objects.create_user("pat", "pat@example.com", PASSWORD)
    page = phone_page
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("pat@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"/practice/q/{question.slug}/")
    page.get_by_label("Your answer").fill("Shadow, then canary.")
    page.get_by_role("button", name="I'm done: show the sample answer").click()
    page.get_by_label("Partial: Right direction, but important parts were missing.").check()
    page.get_by_role("button", name="Save my grade").click()
    for path in [
        "/practice/",
        "/practice/attempts/",
        "/practice/review/",
        "/practice/saved/",
        "/practice/quiz/",
        f"/practice/q/{question.slug}/",
        question.get_absolute_url(),
        "/",
    ]:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
