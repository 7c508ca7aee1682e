from django.contrib import admin, messages

from bank.forms import QuestionAdminForm, SampleAnswerFormSet
from bank.models import Choice, Company, Question, Role, SampleAnswer, Status, StudyPath, StudyPathStep, Topic


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
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class SampleAnswerInline(admin.StackedInline):
    model = SampleAnswer
    formset = SampleAnswerFormSet
    extra = 0
    fields = ["is_featured", "title", "body", "position"]


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0
    fields = ["position", "text", "is_correct", "explanation"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    form = QuestionAdminForm
    list_display = ["title", "topic", "kind", "difficulty", "status", "updated_at"]
    list_filter = ["status", "topic", "kind", "difficulty", "roles", "companies"]
    list_select_related = ["topic"]
    search_fields = ["title", "slug", "prompt"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["roles", "companies"]
    date_hierarchy = "updated_at"
    inlines = [SampleAnswerInline, ChoiceInline]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "topic", "kind", "difficulty"]}),
        ("The question", {"fields": ["prompt", "why_asked", "trap"]}),
        ("The rubric", {"fields": ["thirty_second", "key_points", "red_flags", "follow_ups"]}),
        ("Tags and links", {"fields": ["roles", "companies", "tools", "links"]}),
        ("Checked against", {"fields": ["sources", "reviewed_on", "diagram", "diagram_alt"]}),
    ]

    @admin.action(description="Publish the selected questions")
    def publish(self, request, queryset):
        count = queryset.update(status=Status.PUBLISHED)
        self.message_user(request, f"Published {count} question(s).", messages.SUCCESS)

    @admin.action(description="Hide the selected questions (back to draft)")
    def unpublish(self, request, queryset):
        count = queryset.update(status=Status.DRAFT)
        self.message_user(request, f"Moved {count} question(s) back to draft.", messages.SUCCESS)


@admin.register(SampleAnswer)
class SampleAnswerAdmin(admin.ModelAdmin):
    list_display = ["__str__", "question", "is_featured", "updated_at"]
    list_filter = ["is_featured", "question__topic"]
    list_select_related = ["question"]
    search_fields = ["title", "body", "question__title"]
    raw_id_fields = ["question"]


@admin.register(Choice)
class ChoiceAdmin(admin.ModelAdmin):
    list_display = ["text", "question", "is_correct"]
    list_filter = ["is_correct"]
    list_select_related = ["question"]
    search_fields = ["text", "question__title"]
    raw_id_fields = ["question"]


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
