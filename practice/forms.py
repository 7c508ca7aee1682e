from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.core import signing
from django.utils import timezone

from bank.models import Difficulty, Topic
from practice.models import GRADE_MEANINGS, Grade
from practice.services import MAX_ANSWER_LENGTH, MAX_SECONDS

STARTED_SALT = "practice.started"


def sign_start(now=None):
    """A tamper-proof note of when the reader opened the question, so the server measures the time."""
    return signing.dumps((now or timezone.now()).timestamp(), salt=STARTED_SALT)


def seconds_since(signed, now=None):
    try:
        started = signing.loads(signed, salt=STARTED_SALT, max_age=MAX_SECONDS * 4)
    except (signing.BadSignature, TypeError):
        return 0
    return max(0, min(int((now or timezone.now()).timestamp() - started), MAX_SECONDS))


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
    grade = forms.TypedChoiceField(
        coerce=int,
        choices=[(grade.value, f"{grade.label}: {GRADE_MEANINGS[grade]}") for grade in Grade],
        widget=forms.RadioSelect,
        label="How did it go?",
        error_messages={"required": "Choose one of the four grades."},
    )

    def __init__(self, *args, key_points, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["covered"].choices = list(enumerate(key_points))


class NoteForm(forms.Form):
    text = forms.CharField(
        required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4}), label="Your private note"
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


class SignupForm(UserCreationForm):
    email = forms.EmailField(required=True, help_text="For password resets only.")

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ["username", "email"]


class DeleteAccountForm(forms.Form):
    password = forms.CharField(widget=forms.PasswordInput, label="Your password, to confirm")

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password


class QuizForm(forms.Form):
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.all(), to_field_name="slug", required=False, empty_label="Any topic"
    )
    difficulty = forms.ChoiceField(choices=[("", "Any difficulty"), *Difficulty.choices], required=False)
    count = forms.IntegerField(min_value=1, max_value=20, initial=6, label="Number of questions")


class MockSetupForm(forms.Form):
    """Build-your-own mock interview."""

    role = forms.ModelChoiceField(queryset=None, to_field_name="slug", required=False, empty_label="Any role")
    company = forms.ModelChoiceField(
        queryset=None, to_field_name="slug", required=False, empty_label="Any company"
    )
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    difficulties = forms.MultipleChoiceField(
        choices=Difficulty.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Difficulty mix",
    )
    count = forms.IntegerField(min_value=1, max_value=10, initial=3, label="Number of questions")
    timing = forms.ChoiceField(
        choices=[("per_question", "minutes per question"), ("total", "minutes in total")],
        initial="per_question",
    )
    minutes = forms.IntegerField(min_value=1, max_value=180, initial=8, label="Minutes")
    accept_fewer = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        from bank.models import Company, Role

        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = Role.objects.all()
        self.fields["company"].queryset = Company.objects.all()

    def time_limit_seconds(self, question_count):
        minutes = self.cleaned_data["minutes"]
        if self.cleaned_data["timing"] == "per_question":
            minutes *= question_count
        return min(minutes, 180) * 60


class MockAnswerForm(forms.Form):
    answer = forms.CharField(
        required=False, strip=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": 14})
    )
    revision = forms.IntegerField(min_value=0, max_value=2**62)
    flagged = forms.BooleanField(required=False)
