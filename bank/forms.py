from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.urls import reverse

from bank.bankfiles import BankFileError, FollowUpDocument, parse_follow_ups, render_follow_ups
from bank.models import Choice, SampleAnswer, can_move
from bank.rendering import render_inline_markdown, render_markdown

# How the admin's live preview renders each kind of field (static/bank/admin/preview.js asks for one).
PREVIEW_MODES = ("markdown", "lines", "follow-ups")


def render_preview(mode, text):
    """The HTML the page will store for `text`: the site's own Markdown pipeline, field by field."""
    if mode == "lines":
        items = [line.strip() for line in text.splitlines() if line.strip()]
        return "<ul>" + "".join(f"<li>{render_inline_markdown(item)}</li>" for item in items) + "</ul>"
    if mode == "follow-ups":
        return "".join(
            f"<h3>{render_inline_markdown(item.question)}</h3>{render_markdown(item.answer)}"
            for item in parse_follow_ups(text)
        )
    return render_markdown(text)


def _with_preview(form, modes):
    """Mark Markdown fields for the live preview: the script finds them by `data-preview`."""
    url = reverse("admin:bank_question_preview")
    for name, mode in modes.items():
        if name in form.fields:
            form.fields[name].widget.attrs.update({"data-preview": mode, "data-preview-url": url})


def normalise_newlines(text):
    """Browsers send textarea lines as CRLF; the bank's files and HTML use LF only."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if isinstance(text, str) else text


class NewlinesForm(forms.ModelForm):
    """Every text field saved with LF line ends, so an admin edit dumps to fixtures/ without CRs."""

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            cleaned[name] = normalise_newlines(value)
        return cleaned


class LinesField(forms.CharField):
    """A list of strings edited as one item per line."""

    widget = forms.Textarea(attrs={"rows": 5})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


class LinksField(forms.CharField):
    """Learn-more links edited as `Title | https://url`, one per line."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(f"{link['title']} | {link['url']}" for link in value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        links = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            title, separator, url = line.rpartition("|")
            title, url = title.strip(), url.strip()
            if not separator or not title:
                raise ValidationError(f"Line {number}: write it as “Title | https://…”.")
            try:
                URLValidator(schemes=["http", "https"])(url)
            except ValidationError as error:
                raise ValidationError(f"Line {number}: “{url}” is not an http(s) address.") from error
            links.append({"title": title, "url": url})
        return links


class UrlLinesField(LinesField):
    """Web addresses, one per line."""

    def to_python(self, value):
        urls = super().to_python(value)
        for number, url in enumerate(urls, start=1):
            try:
                URLValidator(schemes=["http", "https"])(url)
            except ValidationError as error:
                raise ValidationError(f"Line {number}: “{url[:80]}” is not an http(s) address.") from error
        return urls


class FollowUpsField(forms.CharField):
    """Answered follow-ups, edited as in the bank's files: `## The question?`, then its answer."""

    widget = forms.Textarea(attrs={"rows": 12})

    def prepare_value(self, value):
        if isinstance(value, list):
            return render_follow_ups(
                [FollowUpDocument(item["question"], item.get("answer", "")) for item in value]
            )
        return value

    def to_python(self, value):
        text = normalise_newlines(super().to_python(value) or "")
        try:
            follow_ups = parse_follow_ups(text)
        except BankFileError as error:
            raise ValidationError(str(error)) from error
        return [{"question": item.question, "answer": item.answer} for item in follow_ups]


class QuestionAdminForm(NewlinesForm):
    tools = LinesField(required=False, help_text="One tool per line.")
    key_points = LinesField(required=False, help_text="One key point per line, in order.")
    red_flags = LinesField(required=False, help_text="What a weak answer says: one per line, 2 to 4.")
    follow_ups = FollowUpsField(
        required=False, help_text="Each follow-up: a line `## The question?`, then its answer in Markdown."
    )
    links = LinksField(required=False, help_text="One link per line: Title | https://…")
    sources = UrlLinesField(required=False, help_text="One web address per line: the docs behind the facts.")
    mark_reviewed = forms.BooleanField(
        required=False,
        label="Mark reviewed today",
        help_text="Tick when you have re-checked every number and tool claim: the page then says "
        "“reviewed on” today and names you, and the history keeps it.",
    )

    PREVIEWS = {
        "prompt": "markdown",
        "why_asked": "markdown",
        "trap": "markdown",
        "thirty_second": "markdown",
        "key_points": "lines",
        "red_flags": "lines",
        "follow_ups": "follow-ups",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _with_preview(self, self.PREVIEWS)

    def clean_status(self):
        status = self.cleaned_data["status"]
        if self.instance.pk:
            stored = type(self.instance).objects.filter(pk=self.instance.pk).values_list("status", flat=True)
            old = stored.first()
            if old and not can_move(old, status):
                raise ValidationError(
                    "A draft goes to “In review” before it is published; a second pair of eyes comes first."
                )
        return status


class SampleAnswerAdminForm(NewlinesForm):
    class Meta:
        model = SampleAnswer
        fields = ["is_featured", "title", "body", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _with_preview(self, {"body": "markdown"})


class ChoiceAdminForm(NewlinesForm):
    class Meta:
        model = Choice
        fields = ["position", "text", "is_correct", "explanation"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _with_preview(self, {"explanation": "markdown"})


class SampleAnswerFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        featured = [
            form
            for form in self.forms
            if form.cleaned_data.get("is_featured") and not form.cleaned_data.get("DELETE")
        ]
        if len(featured) > 1:
            raise ValidationError("Only one answer can be featured.")
