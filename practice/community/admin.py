"""The curators' queues: readers' suggestions and "I was asked this" reports.

Access rule: staff with the model's change permission (the "curator" group has it). Deciding goes
through practice.community.services, so the rules (a reason for a refusal, a link to the change for an
acceptance) hold however the decision is made.
"""

from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from bank.history import change_url, latest_change
from practice.community import services
from practice.community.models import AskedReport, Suggestion
from practice.limits import MAX_REASON_LENGTH

DECISIONS = [("", "Decide later"), ("accept", "Accept"), ("reject", "Turn down (give a reason)")]


class DecisionForm(forms.ModelForm):
    decision = forms.ChoiceField(choices=DECISIONS, required=False, widget=forms.RadioSelect)
    decision_reason = forms.CharField(
        label="Reason (the reader sees it)",
        required=False,
        max_length=MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        fields = []

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not cleaned.get("decision_reason", "").strip():
            self.add_error("decision_reason", "Say why, in a sentence: the reader sees it.")
        return cleaned


class SuggestionDecisionForm(DecisionForm):
    class Meta:
        model = Suggestion
        fields = []

    def clean(self):
        cleaned = super().clean()
        suggestion = self.instance
        if cleaned.get("decision") == "accept" and (
            not suggestion.answer_id or latest_change(suggestion.answer, suggestion.created_at) is None
        ):
            self.add_error(
                "decision",
                "Edit the answer first: an accepted suggestion links to the change it led to, and this "
                "answer has not changed since the suggestion was sent.",
            )
        return cleaned


class ReportDecisionForm(DecisionForm):
    decision = forms.ChoiceField(
        choices=[("", "Decide later"), ("accept", "Approve"), ("reject", "Turn down (give a reason)")],
        required=False,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = AskedReport
        fields = []


class ModerationAdmin(admin.ModelAdmin):
    """A change page is a decision: the reader's text read-only, then accept or turn down."""

    list_per_page = 50
    actions = None

    def has_add_permission(self, request):
        return False

    @admin.display(description="Question", ordering="question__title")
    def short_question(self, obj):
        title = obj.question.title
        return title if len(title) <= 60 else title[:59] + "…"

    def _decide(self, request, obj, decision, reason):
        raise NotImplementedError

    def save_model(self, request, obj, form, change):
        decision = form.cleaned_data.get("decision")
        if decision:
            self._decide(request, obj, decision, form.cleaned_data.get("decision_reason", ""))


@admin.register(Suggestion)
class SuggestionAdmin(ModerationAdmin):
    form = SuggestionDecisionForm
    list_display = ["short_question", "kind", "user", "created_at", "state", "change_link"]
    list_filter = ["state", "kind", "question__topic"]
    list_select_related = ["question", "user", "accepted_change"]
    search_fields = ["text", "question__title", "user__username"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "question_link",
        "answer_link",
        "user",
        "kind",
        "suggested",
        "created_at",
        "state",
        "reason",
        "change_link",
        "decided_by",
        "decided_at",
    ]
    fieldsets = [
        (
            "The suggestion",
            {"fields": ["question_link", "answer_link", "user", "kind", "suggested", "created_at"]},
        ),
        ("Decision so far", {"fields": ["state", "reason", "change_link", "decided_by", "decided_at"]}),
        (
            "Decide",
            {
                "fields": ["decision", "decision_reason"],
                "description": "To accept: edit the answer first (the link above opens it), then come back "
                "and accept; the suggestion links to that change. To turn it down, give a reason.",
            },
        ),
    ]

    class Media:
        css = {"all": ["bank/admin/curation.css"]}

    @admin.display(description="Suggestion")
    def suggested(self, obj):
        # text_html is the Markdown pipeline's sanitised output.
        return format_html('<div class="moderation-text">{}</div>', mark_safe(obj.text_html))

    @admin.display(description="Question")
    def question_link(self, obj):
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">view on site</a>',
            reverse("admin:bank_question_change", args=[obj.question_id]),
            obj.question,
            obj.question.get_absolute_url(),
        )

    @admin.display(description="Answer")
    def answer_link(self, obj):
        if not obj.answer_id:
            return "The answer has since been deleted."
        return format_html(
            '<a href="{}">Edit the answer</a> (in its question) · <a href="{}">its history</a>',
            reverse("admin:bank_question_change", args=[obj.question_id]),
            reverse("admin:bank_sampleanswer_history", args=[obj.answer_id]),
        )

    @admin.display(description="The change")
    def change_link(self, obj):
        if not obj.accepted_change_id:
            return "—"
        return format_html('<a href="{}">The answer as changed</a>', change_url(obj.accepted_change))

    def _decide(self, request, obj, decision, reason):
        if decision == "accept":
            services.suggestion_accept(curator=request.user, suggestion=obj)
        else:
            services.suggestion_reject(curator=request.user, suggestion=obj, reason=reason)


@admin.register(AskedReport)
class AskedReportAdmin(ModerationAdmin):
    form = ReportDecisionForm
    list_display = ["short_question", "company_name", "round", "asked_in", "user", "state", "created_at"]
    list_filter = ["state", "round", "company"]
    list_select_related = ["question", "company", "user"]
    search_fields = ["question__title", "company__name", "new_company", "user__username"]
    date_hierarchy = "created_at"
    actions = ["approve"]
    readonly_fields = [
        "question",
        "user",
        "company",
        "new_company",
        "role",
        "round",
        "asked_in",
        "created_at",
        "state",
        "reason",
        "decided_by",
        "decided_at",
    ]
    fieldsets = [
        (
            "The report",
            {
                "fields": [
                    "question",
                    "user",
                    "company",
                    "new_company",
                    "role",
                    "round",
                    "asked_in",
                    "created_at",
                ]
            },
        ),
        ("Decision so far", {"fields": ["state", "reason", "decided_by", "decided_at"]}),
        (
            "Decide",
            {
                "fields": ["decision", "decision_reason"],
                "description": "Approving a report that names a new company adds the company "
                "(marked as first named by a reader).",
            },
        ),
    ]

    @admin.display(description="Company", ordering="company__name")
    def company_name(self, obj):
        return obj.company_name if obj.company_id else f"{obj.new_company} (new)"

    @admin.action(description="Approve the selected reports", permissions=["change"])
    def approve(self, request, queryset):
        for report in queryset:
            services.report_approve(curator=request.user, report=report)
        self.message_user(request, f"Approved {queryset.count()} report(s).", messages.SUCCESS)

    def _decide(self, request, obj, decision, reason):
        if decision == "accept":
            services.report_approve(curator=request.user, report=obj)
        else:
            services.report_reject(curator=request.user, report=obj, reason=reason)
