"""A reader's own data, whole, for download (JSON and CSV): account, settings, attempts, drafts, notes,
bookmarks, review state, quizzes, mock interviews, suggestions and "I was asked this" reports."""

from django.db.models import Prefetch

from bank.models import Question
from practice.community.models import AskedReport, Suggestion
from practice.mocks.models import MockInterview, MockSlot
from practice.study.models import Attempt, Bookmark, Draft, Note, Quiz, ReaderProfile, ReviewCard

CSV_HEADER = [
    "record",
    "question_slug",
    "question_title",
    "date",
    "source",
    "grade",
    "key_points_covered",
    "key_points_total",
    "seconds_spent",
    "text",
    "due",
    "quiz_or_mock",
]


def _attempts(user):
    return (
        Attempt.objects.filter(user=user).select_related("question", "choice").order_by("submitted_at", "id")
    )


def export_data(user):
    profile = ReaderProfile.objects.filter(user=user).first()
    return {
        "account": {
            "username": user.username,
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
        },
        "settings": {
            "interview_date": profile.interview_date.isoformat()
            if profile and profile.interview_date
            else None,
            **_plan_settings(profile),
        },
        "attempts": [
            {
                "question": attempt.question.slug,
                "question_title": attempt.question.title,
                "source": attempt.source,
                "submitted_at": attempt.submitted_at.isoformat(),
                "graded_at": attempt.graded_at.isoformat() if attempt.graded_at else None,
                "answer": attempt.answer,
                "choice": attempt.choice.text if attempt.choice else None,
                "grade": attempt.get_grade_display() if attempt.grade else None,
                "covered_key_points": [
                    attempt.question.key_points[index]
                    for index in attempt.covered_key_points
                    if index < len(attempt.question.key_points)
                ],
                "key_points_total": attempt.key_points_total,
                "seconds_spent": attempt.seconds_spent,
            }
            for attempt in _attempts(user)
        ],
        "notes": [
            {"question": note.question.slug, "text": note.text, "updated_at": note.updated_at.isoformat()}
            for note in Note.objects.filter(user=user).select_related("question")
        ],
        "drafts": [
            {"question": draft.question.slug, "text": draft.text, "saved_at": draft.saved_at.isoformat()}
            for draft in Draft.objects.filter(user=user).exclude(text="").select_related("question")
        ],
        "bookmarks": [
            {"question": bookmark.question.slug, "created_at": bookmark.created_at.isoformat()}
            for bookmark in Bookmark.objects.filter(user=user).select_related("question")
        ],
        "review_state": [
            {
                "question": card.question.slug,
                "due": card.due.isoformat(),
                "last_reviewed_at": card.last_reviewed_at.isoformat(),
                "last_grade": card.get_last_grade_display(),
                "reviews": card.reviews,
                "fsrs": card.fsrs_card,
            }
            for card in ReviewCard.objects.filter(user=user).select_related("question")
        ],
        "quizzes": [
            {
                "id": quiz.pk,
                "created_at": quiz.created_at.isoformat(),
                "finished_at": quiz.finished_at.isoformat() if quiz.finished_at else None,
                "drawn_from": quiz.filters,
                "questions": [slugs.get(pk) for pk in quiz.question_ids if pk in slugs],
            }
            for slugs in [_question_slugs(user)]
            for quiz in Quiz.objects.filter(user=user).order_by("created_at", "id")
        ],
        "mock_interviews": [
            {
                "id": mock.pk,
                "title": mock.title,
                "preset": mock.preset,
                "drawn_from": mock.filters,
                "time_limit_seconds": mock.time_limit_seconds,
                "started_at": mock.started_at.isoformat(),
                "deadline": mock.deadline.isoformat(),
                "finished_at": mock.finished_at.isoformat() if mock.finished_at else None,
                "answers": [
                    {
                        "position": slot.position,
                        "question": slot.question.slug,
                        "answer": slot.answer,
                        "flagged": slot.flagged,
                        "seconds_used": slot.seconds_used,
                        "grade": slot.attempt.get_grade_display()
                        if slot.attempt and slot.attempt.grade
                        else None,
                    }
                    for slot in mock.slots.all()
                ],
            }
            for mock in _mocks(user)
        ],
        "suggestions": [
            {
                "question": item.question.slug,
                "kind": item.kind,
                "text": item.text,
                "created_at": item.created_at.isoformat(),
                "outcome": item.get_state_display(),
                "reason": item.reason,
            }
            for item in Suggestion.objects.filter(user=user).select_related("question").order_by("created_at")
        ],
        "asked_reports": [
            {
                "question": report.question.slug,
                "company": report.company_name,
                "role": report.role.slug if report.role else None,
                "round": report.round,
                "asked_in": report.asked_in.strftime("%Y-%m"),
                "created_at": report.created_at.isoformat(),
                "outcome": report.get_state_display(),
                "reason": report.reason,
            }
            for report in AskedReport.objects.filter(user=user)
            .select_related("question", "company", "role")
            .order_by("created_at")
        ],
    }


def _plan_settings(profile):
    if profile is None:
        return {"target": None, "minutes_per_day": None, "desired_retention": None}
    target = profile.target_role or profile.target_company or profile.target_path
    return {
        "target": f"{type(target).__name__.lower()}: {target.slug}" if target else None,
        "minutes_per_day": profile.minutes_per_day,
        "desired_retention": profile.desired_retention,
    }


def _question_slugs(user):
    """{question id: slug} for every question in the reader's quizzes (one query)."""
    ids = {pk for ids in Quiz.objects.filter(user=user).values_list("question_ids", flat=True) for pk in ids}
    return dict(Question.objects.filter(pk__in=ids).values_list("pk", "slug"))


def _mocks(user):
    return (
        MockInterview.objects.filter(user=user)
        .order_by("started_at", "id")
        .prefetch_related(
            Prefetch(
                "slots", queryset=MockSlot.objects.select_related("question", "attempt").order_by("position")
            )
        )
    )


def export_rows(user):
    """CSV rows as dicts keyed by CSV_HEADER: one table, the `record` column says which kind each row is."""
    for a in _attempts(user):
        yield {
            "record": "attempt",
            "question_slug": a.question.slug,
            "question_title": a.question.title,
            "date": a.submitted_at.isoformat(),
            "source": a.source,
            "grade": a.get_grade_display() if a.grade else "",
            "key_points_covered": a.key_points_covered,
            "key_points_total": a.key_points_total,
            "seconds_spent": a.seconds_spent,
            "text": a.answer or (a.choice.text if a.choice else ""),
        }
    for note in Note.objects.filter(user=user).select_related("question"):
        yield _row("note", note.question, note.updated_at, text=note.text)
    for draft in Draft.objects.filter(user=user).exclude(text="").select_related("question"):
        yield _row("draft", draft.question, draft.saved_at, text=draft.text)
    for bookmark in Bookmark.objects.filter(user=user).select_related("question"):
        yield _row("bookmark", bookmark.question, bookmark.created_at)
    for card in ReviewCard.objects.filter(user=user).select_related("question"):
        yield _row(
            "review",
            card.question,
            card.last_reviewed_at,
            grade=card.get_last_grade_display(),
            due=card.due.isoformat(),
        )
    for quiz in Quiz.objects.filter(user=user).order_by("created_at", "id"):
        yield {
            "record": "quiz",
            "date": quiz.created_at.isoformat(),
            "quiz_or_mock": f"quiz {quiz.pk}",
            "text": f"{len(quiz.question_ids)} questions" + (", finished" if quiz.finished_at else ""),
        }
    for mock in _mocks(user):
        for slot in mock.slots.all():
            yield _row(
                "mock_answer",
                slot.question,
                mock.started_at,
                quiz_or_mock=f"mock {mock.pk}: {mock.title}",
                seconds_spent=slot.seconds_used,
                grade=slot.attempt.get_grade_display() if slot.attempt and slot.attempt.grade else "",
                text=slot.answer,
            )


def _row(record, question, moment, **values):
    return {
        "record": record,
        "question_slug": question.slug,
        "question_title": question.title,
        "date": moment.isoformat(),
        **values,
    }
