"""Django finds an app's models here. Each room of practice defines its own; this module gathers them.

The tables keep their names (practice_attempt, practice_mockinterview, ...): moving a model between
rooms changes no schema, so `makemigrations --check` stays clean and an existing database is untouched.
"""

from practice.community.models import AskedReport, Suggestion
from practice.mocks.models import MockInterview, MockSlot
from practice.study.models import (
    GRADE_MEANINGS,
    Attempt,
    Bookmark,
    Draft,
    Grade,
    GradeTally,
    Note,
    Quiz,
    ReaderProfile,
    ReviewCard,
)

__all__ = [
    "GRADE_MEANINGS",
    "AskedReport",
    "Attempt",
    "Bookmark",
    "Draft",
    "Grade",
    "GradeTally",
    "MockInterview",
    "MockSlot",
    "Note",
    "Quiz",
    "ReaderProfile",
    "ReviewCard",
    "Suggestion",
]
