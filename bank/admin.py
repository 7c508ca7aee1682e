"""The bank in the admin: an editor with a live preview, the workflow, history with diffs and revert.

Access rule: staff only (the admin site). A curator (the "curator" group, practice migration 0005) edits
content and moderates readers' suggestions and reports; users and groups are for superusers.
"""

from django.contrib import admin, messages
from django.db.models import Q
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_POST
from simple_history.admin import SimpleHistoryAdmin

from bank import services
from bank.bankfiles import BankFileError
from bank.forms import (
    PREVIEW_MODES,
    ChoiceAdminForm,
    QuestionAdminForm,
    SampleAnswerAdminForm,
    SampleAnswerFormSet,
    normalise_newlines,
    render_preview,
)
from bank.history import answers_and_choices_history, readable_changes
from bank.models import (
    FRESH_FOR,
    Choice,
    Company,
    Question,
    Role,
    SampleAnswer,
    Status,
    StudyPath,
    StudyPathStep,
    Topic,
)
from bank.rendering import MAX_MARKDOWN_LENGTH
from bank.semantic import similar

PREVIEW_JS = "bank/admin/preview.js"
CURATION_CSS = "bank/admin/curation.css"


class ReadableHistoryAdmin(SimpleHistoryAdmin):
    """simple-history's history page and revert, with each change shown as a word diff."""

    object_history_template = "admin/bank/object_history.html"
    object_history_list_template = "admin/bank/history_list.html"

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        records = list(historical_records)
        for index, record in enumerate(records):
            previous = records[index + 1] if index + 1 < len(records) else None
            record.readable_changes = readable_changes(record, previous)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "source"]
    list_filter = ["source"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class SampleAnswerInline(admin.StackedInline):
    model = SampleAnswer
    form = SampleAnswerAdminForm
    formset = SampleAnswerFormSet
    extra = 0
    fields = ["is_featured", "title", "body", "position"]


class ChoiceInline(admin.StackedInline):
    model = Choice
    form = ChoiceAdminForm
    extra = 0
    fields = [("position", "is_correct"), "text", "explanation"]


class FreshnessFilter(admin.SimpleListFilter):
    title = "freshness"
    parameter_name = "freshness"

    def lookups(self, request, model_admin):
        return [
            ("stale", "Stale: not reviewed for 12 months"),
            ("never", "Never reviewed"),
            ("fresh", "Reviewed in the last 12 months"),
        ]

    def queryset(self, request, queryset):
        cutoff = timezone.localdate() - FRESH_FOR
        if self.value() == "stale":
            return queryset.filter(Q(reviewed_on__isnull=True) | Q(reviewed_on__lt=cutoff))
        if self.value() == "never":
            return queryset.filter(reviewed_on__isnull=True)
        if self.value() == "fresh":
            return queryset.filter(reviewed_on__gte=cutoff)
        return queryset


@admin.register(Question)
class QuestionAdmin(ReadableHistoryAdmin):
    form = QuestionAdminForm
    list_display = ["title", "topic", "kind", "difficulty", "status", "freshness", "updated_at"]
    list_filter = ["status", FreshnessFilter, "topic", "companies", "difficulty", "kind", "roles"]
    list_select_related = ["topic"]
    search_fields = ["title", "slug", "prompt", "answers__body"]
    search_help_text = "Searches titles, slugs, prompts and sample answers."
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["roles", "companies"]
    date_hierarchy = "updated_at"
    inlines = [SampleAnswerInline, ChoiceInline]
    actions = ["send_to_review", "publish", "unpublish", "mark_reviewed"]
    readonly_fields = ["reviewed_on", "reviewed_by", "possible_duplicates"]
    object_history_template = "admin/bank/question/object_history.html"
    fieldsets = [
        (None, {"fields": ["title", "slug", "possible_duplicates", "status", "topic", "kind", "difficulty"]}),
        ("The question", {"fields": ["prompt", "why_asked", "trap"]}),
        ("The rubric", {"fields": ["thirty_second", "key_points", "red_flags", "follow_ups"]}),
        ("Tags and links", {"fields": ["roles", "companies", "tools", "links"]}),
        (
            "Checked against",
            {"fields": ["sources", "reviewed_on", "reviewed_by", "mark_reviewed", "diagram", "diagram_alt"]},
        ),
    ]

    class Media:
        js = [PREVIEW_JS]
        css = {"all": [CURATION_CSS]}

    @admin.display(description="Reviewed", ordering="reviewed_on")
    def freshness(self, question):
        if question.reviewed_on is None:
            return format_html('<span class="stale-flag">{}</span>', "Never reviewed")
        if question.stale:
            return format_html('<span class="stale-flag">Stale · {}</span>', question.reviewed_on)
        return question.reviewed_on

    @admin.display(description="Possible duplicates")
    def possible_duplicates(self, question):
        """The five questions most like this one (bank/semantic): check before writing a near-copy."""
        how, found = similar.possible_duplicates(question)
        if how is None:
            return "Save a draft to see the questions most like it."
        if not found:
            return "None found."
        label = "closest in meaning" if how == "meaning" else "sharing the most title words (word overlap)"
        items = format_html_join(
            "",
            '<li><a href="{}">{}</a> <span class="muted">({}, {})</span></li>',
            (
                (
                    reverse("admin:bank_question_change", args=[other.pk]),
                    other.title,
                    other.get_status_display(),
                    f"{score:.2f}",
                )
                for other, score in found
            ),
        )
        return format_html('<p class="help">{}:</p><ul class="possible-duplicates">{}</ul>', label, items)

    def get_urls(self):
        preview = path(
            "preview/", self.admin_site.admin_view(self.preview_view), name="bank_question_preview"
        )
        return [preview, *super().get_urls()]

    def preview_view(self, request):
        return require_POST(self._preview)(request)

    def _preview(self, request):
        """The live preview: the text as the page will store it. Staff with change rights only."""
        if not self.has_change_permission(request) and not self.has_add_permission(request):
            return JsonResponse({"error": "You may not edit questions."}, status=403)
        mode = request.POST.get("mode", "markdown")
        text = normalise_newlines(request.POST.get("text", ""))
        if mode not in PREVIEW_MODES:
            return JsonResponse({"error": f"mode must be one of {', '.join(PREVIEW_MODES)}."}, status=400)
        if len(text) > MAX_MARKDOWN_LENGTH:
            return JsonResponse(
                {
                    "error": f"The preview stops at {MAX_MARKDOWN_LENGTH:,} characters; this has {len(text):,}."
                },
                status=400,
            )
        try:
            return JsonResponse({"html": render_preview(mode, text)})
        except BankFileError as error:
            return JsonResponse({"error": str(error)}, status=400)

    def save_model(self, request, obj, form, change):
        if form.cleaned_data.get("mark_reviewed"):
            services.apply_review_mark(obj, request.user)
        if change and not form.has_changed():
            obj.skip_history_when_saving = True  # a save of the answers alone: no empty question version
        try:
            super().save_model(request, obj, form, change)
        finally:
            obj.__dict__.pop("skip_history_when_saving", None)

    def history_view(self, request, object_id, extra_context=None):
        question = self.get_object(request, object_id)
        extra = {"related_history": answers_and_choices_history(question) if question else []}
        return super().history_view(request, object_id, extra_context={**extra, **(extra_context or {})})

    def _move(self, request, queryset, status, verb):
        moved, refused = services.questions_move(user=request.user, questions=queryset, status=status)
        if moved:
            self.message_user(request, f"{verb} {len(moved)} question(s).", messages.SUCCESS)
        if refused:
            names = ", ".join(f"“{q.title}”" for q in refused[:5])
            self.message_user(
                request,
                f"Left {len(refused)} question(s) as they were: a draft goes to review before it is "
                f"published ({names}{'…' if len(refused) > 5 else ''}).",
                messages.WARNING,
            )

    @admin.action(description="Send the selected questions to review", permissions=["change"])
    def send_to_review(self, request, queryset):
        self._move(request, queryset, Status.IN_REVIEW, "Sent to review")

    @admin.action(description="Publish the selected questions (from review)", permissions=["change"])
    def publish(self, request, queryset):
        self._move(request, queryset, Status.PUBLISHED, "Published")

    @admin.action(description="Hide the selected questions (back to draft)", permissions=["change"])
    def unpublish(self, request, queryset):
        self._move(request, queryset, Status.DRAFT, "Moved back to draft")

    @admin.action(description="Mark the selected questions reviewed today", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        for question in queryset:
            services.question_mark_reviewed(user=request.user, question=question)
        self.message_user(request, f"Marked {queryset.count()} question(s) reviewed today.", messages.SUCCESS)


@admin.register(SampleAnswer)
class SampleAnswerAdmin(ReadableHistoryAdmin):
    form = SampleAnswerAdminForm
    list_display = ["__str__", "question", "is_featured", "updated_at"]
    list_filter = ["is_featured", "question__topic"]
    list_select_related = ["question"]
    search_fields = ["title", "body", "question__title"]
    raw_id_fields = ["question"]
    fields = ["question", "is_featured", "title", "body", "position"]

    class Media:
        js = [PREVIEW_JS]
        css = {"all": [CURATION_CSS]}

    def view_on_site(self, answer):
        return answer.question.get_absolute_url() + "#sample-answer"


@admin.register(Choice)
class ChoiceAdmin(ReadableHistoryAdmin):
    form = ChoiceAdminForm
    list_display = ["text", "question", "is_correct"]
    list_filter = ["is_correct"]
    list_select_related = ["question"]
    search_fields = ["text", "question__title"]
    raw_id_fields = ["question"]
    fields = ["question", "position", "text", "is_correct", "explanation"]

    class Media:
        js = [PREVIEW_JS]
        css = {"all": [CURATION_CSS]}


class StudyPathStepInline(admin.TabularInline):
    model = StudyPathStep
    extra = 0
    raw_id_fields = ["question"]
    ordering = ["position"]


@admin.register(StudyPath)
class StudyPathAdmin(admin.ModelAdmin):
    list_display = ["title", "audience", "position"]
    search_fields = ["title", "audience", "introduction"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [StudyPathStepInline]
