"""Reads: the signed-in reader's own marks on the rows of a question list (practised with the last
grade, due for review, saved). A list page asks through the `{% reader_marks %}` template tag, so the
bank never imports practice. Three queries for a whole page, however long.
"""

from dataclasses import dataclass

from django.utils import timezone

from practice.study.models import Attempt, Bookmark, Grade, ReviewCard
from practice.study.scheduling import start_of_day


@dataclass(frozen=True)
class ListMark:
    practised: bool = False
    last_grade: int | None = None
    due: bool = False
    saved: bool = False

    @property
    def last_grade_label(self):
        return Grade(self.last_grade).label if self.last_grade else ""


def list_marks(user, question_ids, now=None):
    """{question id: ListMark} for the reader's questions among `question_ids`; {} for a visitor."""
    if not user.is_authenticated or not question_ids:
        return {}
    now = now or timezone.now()
    ids = list(question_ids)
    cards = {
        row["question_id"]: row
        for row in ReviewCard.objects.filter(user=user, question_id__in=ids).values(
            "question_id", "last_grade", "due", "last_reviewed_at"
        )
    }
    practised = set(
        Attempt.objects.filter(user=user, question_id__in=ids)
        .values_list("question_id", flat=True)
        .distinct()
    )
    saved = set(Bookmark.objects.filter(user=user, question_id__in=ids).values_list("question_id", flat=True))
    today = start_of_day(now)
    marks = {}
    for question_id in ids:
        card = cards.get(question_id)
        if card is None and question_id not in practised and question_id not in saved:
            continue
        marks[question_id] = ListMark(
            practised=card is not None or question_id in practised,
            last_grade=card["last_grade"] if card else None,
            # The review queue's rule: due now, and not already reviewed today.
            due=bool(card and card["due"] <= now and card["last_reviewed_at"] < today),
            saved=question_id in saved,
        )
    return marks
