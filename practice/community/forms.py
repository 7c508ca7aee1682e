"""Forms of the community room: a suggestion on a sample answer, an "I was asked this" report."""

from django import forms
from django.utils import timezone

from bank.models import Company, Role
from practice.community.models import Round, Suggestion
from practice.limits import MAX_COMPANY_NAME_LENGTH, MAX_REPORT_AGE_YEARS, MAX_SUGGESTION_LENGTH

MONTHS = [
    (1, "January"),
    (2, "February"),
    (3, "March"),
    (4, "April"),
    (5, "May"),
    (6, "June"),
    (7, "July"),
    (8, "August"),
    (9, "September"),
    (10, "October"),
    (11, "November"),
    (12, "December"),
]


class SuggestionForm(forms.Form):
    answer = forms.IntegerField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(choices=Suggestion.Kind.choices, label="What kind of improvement?")
    text = forms.CharField(
        label="Your suggestion",
        max_length=MAX_SUGGESTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=f"Markdown; up to {MAX_SUGGESTION_LENGTH:,} characters. Link a source if you have one.",
    )

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError("Write what should change.")
        return text


def _years(today=None):
    today = today or timezone.localdate()
    return [(year, str(year)) for year in range(today.year, today.year - MAX_REPORT_AGE_YEARS - 1, -1)]


class AskedReportForm(forms.Form):
    company = forms.ModelChoiceField(
        queryset=Company.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label="Not in the list (type it below)",
    )
    new_company = forms.CharField(
        label="Or a company not in the list",
        required=False,
        max_length=MAX_COMPANY_NAME_LENGTH,
        help_text="A curator checks new companies before they appear.",
    )
    role = forms.ModelChoiceField(
        queryset=Role.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label="Not sure / other",
        label="The role you interviewed for",
    )
    round = forms.ChoiceField(choices=Round.choices, label="The round")
    month = forms.TypedChoiceField(choices=MONTHS, coerce=int, label="Month")
    year = forms.TypedChoiceField(choices=(), coerce=int, label="Year")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = _years()
        today = timezone.localdate()
        self.fields["month"].initial, self.fields["year"].initial = today.month, today.year

    def clean_new_company(self):
        return " ".join(self.cleaned_data["new_company"].split())

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("company") and not cleaned.get("new_company") and "new_company" not in self.errors:
            self.add_error("company", "Pick the company, or type its name if it is not in the list.")
        month, year = cleaned.get("month"), cleaned.get("year")
        today = timezone.localdate()
        if month and year and (year, month) > (today.year, today.month):
            self.add_error("month", "That month has not happened yet: pick the month you were asked.")
        return cleaned
