from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator


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


class QuestionAdminForm(forms.ModelForm):
    tools = LinesField(required=False, help_text="One tool per line.")
    key_points = LinesField(required=False, help_text="One key point per line, in order.")
    follow_ups = LinesField(required=False, help_text="One follow-up question per line.")
    links = LinksField(required=False, help_text="One link per line: Title | https://…")


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
