"""Forms of mock interviews: setting one up, and each answer saved while it runs."""

from django import forms

from bank.models import Company, Difficulty, Role, Topic
from practice.limits import MAX_ANSWER_LENGTH, MAX_MOCK_MINUTES, MAX_MOCK_QUESTIONS


class MockSetupForm(forms.Form):
    """Build-your-own mock interview."""

    role = forms.ModelChoiceField(
        queryset=Role.objects.all(), to_field_name="slug", required=False, empty_label="Any role"
    )
    company = forms.ModelChoiceField(
        queryset=Company.objects.all(), to_field_name="slug", required=False, empty_label="Any company"
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
    count = forms.IntegerField(
        min_value=1, max_value=MAX_MOCK_QUESTIONS, initial=3, label="Number of questions"
    )
    # One control on the page, read as a sentence: "Time limit: [8] minutes [per question]".
    minutes = forms.IntegerField(min_value=1, max_value=MAX_MOCK_MINUTES, initial=8, label="Minutes")
    timing = forms.ChoiceField(
        choices=[("per_question", "per question"), ("total", "in total")],
        initial="per_question",
        label="Counted",
    )
    include_behavioural = forms.BooleanField(
        required=False,
        label="Include behavioural questions",
        widget=forms.CheckboxInput(attrs={"aria-describedby": "behavioural-help"}),
        help_text="Off: a technical mock draws only concept, scenario and design questions.",
    )
    accept_fewer = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def time_limit_seconds(self, question_count):
        minutes = self.cleaned_data["minutes"]
        if self.cleaned_data["timing"] == "per_question":
            minutes *= question_count
        return min(minutes, MAX_MOCK_MINUTES) * 60


class MockAnswerForm(forms.Form):
    """One save of a running mock's answer. The revision orders saves: older text never replaces newer."""

    answer = forms.CharField(
        required=False,
        strip=False,
        max_length=MAX_ANSWER_LENGTH,
        widget=forms.Textarea(attrs={"rows": 14, "id": "mock-answer"}),
        label="Your answer",
        error_messages={"max_length": f"Answers are limited to {MAX_ANSWER_LENGTH:,} characters."},
    )
    revision = forms.IntegerField(
        min_value=0, max_value=2**62, widget=forms.HiddenInput(attrs={"id": "revision"})
    )
    flagged = forms.BooleanField(
        required=False,
        widget=forms.CheckboxInput(attrs={"id": "flagged"}),
        label="Flag this question to come back to it",
    )

    def __init__(self, *args, slot, **kwargs):
        """Start from what the slot holds; the browser's first save must carry a higher revision."""
        kwargs.setdefault(
            "initial", {"answer": slot.answer, "revision": slot.revision + 1, "flagged": slot.flagged}
        )
        super().__init__(*args, **kwargs)
        self.fields["revision"].widget.attrs["data-stored-revision"] = slot.revision
