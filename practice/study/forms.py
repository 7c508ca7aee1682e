"""Forms of practice: answering, grading, notes, settings and the quiz."""

from django import forms
from django.core import signing
from django.utils import timezone

from bank.models import Difficulty, Topic
from practice.limits import MAX_ANSWER_LENGTH, MAX_NOTE_LENGTH, MAX_QUIZ_QUESTIONS, MAX_SECONDS_ON_ANSWER
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
    answer = forms.CharField(
        required=False,
        max_length=MAX_ANSWER_LENGTH,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "aria-describedby": "answer-help"}),
        label="Your answer",
    )


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
    interview_date = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        label="Interview date",
        help_text="Every question you have reviewed comes back at least once before this day.",
    )

    def clean_interview_date(self):
        value = self.cleaned_data["interview_date"]
        if value and value < timezone.localdate():
            raise forms.ValidationError("Pick today or a day ahead.")
        return value


class QuizForm(forms.Form):
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.all(), to_field_name="slug", required=False, empty_label="Any topic"
    )
    difficulty = forms.ChoiceField(choices=[("", "Any difficulty"), *Difficulty.choices], required=False)
    count = forms.IntegerField(
        min_value=1, max_value=MAX_QUIZ_QUESTIONS, initial=6, label="Number of questions"
    )
