"""Practice data in the admin: for support and for looking at usage, mostly read-only."""

from django.contrib import admin

# The curators' queues for readers' suggestions and reports register themselves.
from practice.community import admin as community_admin  # noqa: F401
from practice.mocks.models import MockInterview, MockSlot
from practice.study.models import Attempt, Bookmark, Note, Quiz, ReaderProfile, ReviewCard


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = [
        "question",
        "user",
        "source",
        "grade",
        "key_points_covered",
        "key_points_total",
        "submitted_at",
    ]
    list_filter = ["source", "grade", "question__topic"]
    list_select_related = ["question", "user"]
    search_fields = ["user__username", "question__title"]
    raw_id_fields = ["user", "question", "choice", "quiz"]
    date_hierarchy = "submitted_at"
    readonly_fields = ["token", "answer_html"]


@admin.register(ReviewCard)
class ReviewCardAdmin(admin.ModelAdmin):
    list_display = ["question", "user", "due", "last_grade", "reviews"]
    list_filter = ["last_grade"]
    list_select_related = ["question", "user"]
    search_fields = ["user__username", "question__title"]
    raw_id_fields = ["user", "question"]


@admin.register(Bookmark, Note)
class SavedAdmin(admin.ModelAdmin):
    list_display = ["question", "user"]
    list_select_related = ["question", "user"]
    search_fields = ["user__username", "question__title"]
    raw_id_fields = ["user", "question"]


@admin.register(ReaderProfile)
class ReaderProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "interview_date"]
    search_fields = ["user__username"]
    raw_id_fields = ["user"]


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ["pk", "user", "created_at", "finished_at"]
    search_fields = ["user__username"]
    raw_id_fields = ["user"]


class MockSlotInline(admin.TabularInline):
    model = MockSlot
    extra = 0
    fields = ["position", "question", "flagged", "seconds_used", "saved_at", "attempt"]
    readonly_fields = fields
    can_delete = False


@admin.register(MockInterview)
class MockInterviewAdmin(admin.ModelAdmin):
    list_display = ["title", "user", "started_at", "deadline", "finished_at"]
    list_filter = ["preset"]
    search_fields = ["user__username", "title"]
    raw_id_fields = ["user"]
    inlines = [MockSlotInline]
