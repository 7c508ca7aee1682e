"""What the bank's pages show of readers' help, asked for from templates so the bank never imports
practice: `{% asked_summary question as asked %}`, `{% company_topics company as topics %}`."""

from django import template

from practice.community import selectors
from practice.community.forms import AskedReportForm, SuggestionForm

register = template.Library()


@register.simple_tag
def asked_summary(question):
    """[AskedLine(company, count)]: approved reports of the last 6 months, per company."""
    return selectors.asked_summary(question)


@register.simple_tag
def company_topics(company):
    return list(selectors.company_topics(company))


@register.simple_tag
def suggestion_form(answer):
    return SuggestionForm(initial={"answer": answer.pk}, auto_id=f"id_suggest_{answer.pk}_%s")


@register.simple_tag
def asked_report_form():
    return AskedReportForm(auto_id="id_asked_%s")


@register.simple_tag
def my_contributions(user):
    """(suggestions, reports) of the signed-in reader, latest first."""
    return selectors.reader_contributions(user)
