"""Forms of practice: answering, grading, notes, settings and the quiz."""

from django import forms
from django.core import signing
from django.utils import timezone

from bank.models import Company, CompanySource, Difficulty, Role, StudyPath, Topic
from practice.limits import (
    DEFAULT_RETENTION,
    MAX_ANSWER_LENGTH,
    MAX_DRAFT_LENGTH,
    MAX_MINUTES_PER_DAY,
    MAX_NOTE_LENGTH,
    MAX_QUIZ_QUESTIONS,
    MAX_RETENTION,
    MAX_SECONDS_ON_ANSWER,
    MIN_MINUTES_PER_DAY,
    MIN_RETENTION,
)
from practice.study import plan
from practice.study.models import GRADE_MEANINGS, Grade

STARTED_SALT = "practice.started"


def sign_start(now=None):
    """A tamper-proof note of when the reader opened the question, so the server measures the time."""
    return signing.dumps((now or timezone.now()).timestamp(), salt=STARTED_SALT)


def seconds_since(signed, now=None):
    try:
        started = signing.loads(signed, salt=STARTED_SALT, max_age=MAX_SECONDS_ON_ANSWER * 4)
    except (signing.BadSignature, TypeError):
        return 0
    return max(0, min(int((now or timezone.now()).timestamp() - started), MAX_SECONDS_ON_ANSWER))


class TimedAnswerForm(forms.Form):
    """The one-time token (one attempt per form) and the signed start time every answer form carries."""

    token = forms.UUIDField(widget=forms.HiddenInput)
    started = forms.CharField(widget=forms.HiddenInput)

    def seconds_spent(self):
        return seconds_since(self.cleaned_data["started"])


class AnswerForm(TimedAnswerForm):
    # The practise page's newest draft revision, set by draft.js when the answer is submitted.
    draft_revision = forms.CharField(required=False, widget=forms.HiddenInput(attrs={"id": "draft-revision"}))
    answer = forms.CharField(
        required=False,
        max_length=MAX_ANSWER_LENGTH,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "aria-describedby": "answer-help"}),
        label="Your answer",
    )

    def clean_draft_revision(self):
        """A whole number, or 0 (no JavaScript, or anything else): it only orders late draft saves."""
        value = self.cleaned_data["draft_revision"].strip()
        return int(value) if value.isdigit() and len(value) <= 18 else 0


class ChoiceAnswerForm(TimedAnswerForm):
    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["choice"] = forms.ModelChoiceField(
            queryset=question.choices.all(),
            widget=forms.RadioSelect,
            empty_label=None,
            label="Pick one",
            error_messages={
                "required": "Pick one of the options.",
                "invalid_choice": "Pick one of the options.",
            },
        )


class GradeForm(forms.Form):
    covered = forms.TypedMultipleChoiceField(
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Key points your answer covered",
    )
    red_flags = forms.TypedMultipleChoiceField(
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Red flags your answer fell into",
    )
    grade = forms.TypedChoiceField(
        coerce=int,
        choices=[(grade.value, f"{grade.label}: {GRADE_MEANINGS[grade]}") for grade in Grade],
        widget=forms.RadioSelect,
        label="How did it go?",
        error_messages={"required": "Choose one of the four grades."},
    )

    def __init__(self, *args, key_points, red_flags=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["covered"].choices = list(enumerate(key_points))
        self.fields["red_flags"].choices = list(enumerate(red_flags))


class NoteForm(forms.Form):
    text = forms.CharField(
        required=False,
        max_length=MAX_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "id": "note-text", "placeholder": "Only you can see this."}),
        label="Your private note",
        error_messages={
            "max_length": f"Notes are limited to {MAX_NOTE_LENGTH:,} characters; nothing was saved."
        },
    )


class SettingsForm(forms.Form):
    """The interview date and the study plan around it: a target, a daily time budget, the retention."""

    interview_date = forms.DateField(
        required=False,
        # <input type="date"> takes only ISO dates; the locale's format would show an empty box and
        # clear the date at the next save.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        label="Interview date",
        help_text=(
            "Every question you reviewed before the last week comes back once during that week, spread over"
            " its days rather than piled onto the eve."
        ),
    )
    target = forms.ChoiceField(
        required=False,
        label="What to cover",
        help_text="The plan spreads the questions of this target over the days before your interview.",
    )
    minutes_per_day = forms.IntegerField(
        required=False,
        min_value=MIN_MINUTES_PER_DAY,
        max_value=MAX_MINUTES_PER_DAY,
        label="Minutes a day",
        help_text=(
            f"Your daily time budget. The plan counts about {plan.MINUTES_PER_NEW_QUESTION} minutes for a"
            f" new question and {plan.MINUTES_PER_REVIEW} for a review."
        ),
    )
    desired_retention = forms.FloatField(
        required=False,
        min_value=MIN_RETENTION,
        max_value=MAX_RETENTION,
        widget=forms.NumberInput(attrs={"step": "0.01"}),
        label="Desired retention",
        help_text=(
            "The chance you want of still knowing an answer when it comes back: higher means shorter gaps and"
            f" more reviews. {DEFAULT_RETENTION} suits most."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [
            ("", "The whole bank"),
            ("Roles", [(f"role:{slug}", name) for slug, name in Role.objects.values_list("slug", "name")]),
            (
                "Companies",
                [
                    (f"company:{slug}", name)
                    for slug, name in Company.objects.filter(source=CompanySource.BANK).values_list(
                        "slug", "name"
                    )
                ],
            ),
            (
                "Study paths",
                [(f"path:{slug}", title) for slug, title in StudyPath.objects.values_list("slug", "title")],
            ),
        ]

    def clean_interview_date(self):
        value = self.cleaned_data["interview_date"]
        if value and value < timezone.localdate():
            raise forms.ValidationError("Pick today or a day ahead.")
        return value

    def clean_target(self):
        """ "role:slug" -> {"role": Role}; blank -> {} (the whole bank)."""
        value = self.cleaned_data["target"]
        if not value:
            return {}
        kind, _, slug = value.partition(":")
        model = {"role": Role, "company": Company, "path": StudyPath}[kind]
        found = model.objects.filter(slug=slug).first()
        if found is None:
            raise forms.ValidationError("That target no longer exists; choose another.")
        return {kind: found}


def target_choice(profile):
    """The form's value for the profile's current target."""
    if profile.target_role_id:
        return f"role:{profile.target_role.slug}"
    if profile.target_company_id:
        return f"company:{profile.target_company.slug}"
    if profile.target_path_id:
        return f"path:{profile.target_path.slug}"
    return ""


class QuizForm(forms.Form):
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.all(), to_field_name="slug", required=False, empty_label="Any topic"
    )
    difficulty = forms.ChoiceField(choices=[("", "Any difficulty"), *Difficulty.choices], required=False)
    count = forms.IntegerField(
        min_value=1, max_value=MAX_QUIZ_QUESTIONS, initial=6, label="Number of questions"
    )


class DraftForm(forms.Form):
    """One autosave of the practise page's answer. The revision orders saves: older text never replaces newer."""

    answer = forms.CharField(required=False, max_length=MAX_DRAFT_LENGTH, strip=False)
    revision = forms.IntegerField(min_value=1, max_value=2**62)
