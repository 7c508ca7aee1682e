"""The objects every URL of the site can name, the reader's own things owned by one reader."""

import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from bank.models import Question, StudyPath, StudyPathStep
from practice.accounts.tokens import confirmation_token
from practice.mocks import services as mock_services
from practice.models import Grade
from practice.study import services
from tests.factories import (
    ChoiceFactory,
    CompanyFactory,
    QuestionFactory,
    RoleFactory,
    SampleAnswerFactory,
    TopicFactory,
)

# Which object of `world` a <slug> names, per URL name.
SLUG_OF = {
    "question_detail": "question",
    "api_question_detail": "question",
    "practice:practise": "question",
    "practice:bookmark": "question",
    "practice:note": "question",
    "practice:draft": "question",
    "topic_detail": "topic",
    "role_detail": "role",
    "company_detail": "company",
    "path_detail": "path",
    "community:suggest": "question",
    "community:report": "question",
}


def _slug(world):
    def slug(entry):
        if entry.name not in SLUG_OF:
            raise LookupError(f"Add {entry.name!r} to SLUG_OF in tests/security/world.py.")
        return world[SLUG_OF[entry.name]].slug

    return slug


def model_admin_of(callback):
    """The ModelAdmin behind an admin view, through any decorators (simple-history's views too)."""
    while callback is not None:
        found = getattr(callback, "model_admin", None) or getattr(callback, "__self__", None)
        if found is not None and hasattr(found, "model"):
            return found
        callback = getattr(callback, "__wrapped__", None)
    return None


def _admin_object_id(world):
    def object_id(entry):
        model_admin = model_admin_of(entry.callback)
        if model_admin is None:  # "view on site": the question
            return world["question"].pk
        return model_admin.model._default_manager.order_by("pk").values_list("pk", flat=True).first()

    return object_id


def _admin_version_id(world):
    """A recorded version (django-simple-history) of the object the admin URL names."""

    def version_id(entry):
        model = model_admin_of(entry.callback).model
        object_id = _admin_object_id(world)(entry)
        return (
            model.history.filter(**{model._meta.pk.attname: object_id})
            .values_list("history_id", flat=True)
            .first()
        )

    return version_id


def url_kwargs(world, owner):
    """A value for every URL argument of the site."""
    return {
        "slug": _slug(world),
        "attempt_id": world["fresh_attempt"].pk,
        "quiz_id": world["quiz"].pk,
        "mock_id": world["mock"].pk,
        "position": 1,
        "uidb64": "MQ",
        "token": world["confirmation_token"],
        "object_id": _admin_object_id(world),
        "version_id": _admin_version_id(world),
        "content_type_id": world["question_type"].pk,
        "id": owner.pk,
        "app_label": "bank",
        "url": "no-such-page/",
    }


# Written into the owner's answer and note: no page another reader (or staff, outside the admin) opens
# may show it.
CANARY = "OWNER-SECRET"


def build_world(owner):
    """One of everything a URL can name, the reader's things owned by `owner`."""
    topic, role, company = TopicFactory(slug="serving"), RoleFactory(slug="mle"), CompanyFactory(slug="acme")
    question = QuestionFactory(slug="canary", topic=topic, roles=[role], companies=[company])
    SampleAnswerFactory(question=question)
    multiple_choice = QuestionFactory(slug="mc", kind="multiple-choice", key_points=[], topic=topic)
    ChoiceFactory(question=multiple_choice, is_correct=True)
    path = StudyPath.objects.create(title="Serving", slug="serving-path", audience="All", introduction="Go.")
    StudyPathStep.objects.create(path=path, question=question, position=1)
    Group.objects.create(name="curators")

    attempt = services.attempt_submit(
        user=owner, question=question, token=uuid.uuid4(), answer=f"{CANARY}-ANSWER"
    )
    services.attempt_grade(attempt=attempt, grade=Grade.PARTIAL, covered_key_points=[0])
    fresh_attempt = services.attempt_submit(
        user=owner, question=question, token=uuid.uuid4(), answer=f"{CANARY}-UNGRADED"
    )
    services.note_save(user=owner, question=question, text=f"{CANARY}-NOTE")
    services.bookmark_toggle(user=owner, question=question)
    services.interview_date_set(user=owner, interview_date=timezone.localdate() + timedelta(days=30))
    quiz, _ = services.quiz_start(user=owner)
    mock = mock_services.mock_start(user=owner, title="Mock", questions=[question], time_limit_seconds=600)
    return {
        "question": question,
        "topic": topic,
        "role": role,
        "company": company,
        "path": path,
        "attempt": attempt,
        "fresh_attempt": fresh_attempt,
        "quiz": quiz,
        "mock": mock,
        "question_type": ContentType.objects.get_for_model(Question),
        # A sign-up waiting for its e-mail to be confirmed: its link is a real, public page.
        "confirmation_token": confirmation_token(
            get_user_model().objects.create_user(
                "pending@example.com", "pending@example.com", "pw-pending-12345", is_active=False
            )
        ),
    }
