"""Readers help the bank: suggest an improvement to a sample answer, report a question was asked.

Access rule: signed-in readers only (`@reader_owned`), on published questions; each reader writes only
their own suggestions and reports. Curators decide on them in the admin (staff).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from access import reader_owned
from bank.selectors import get_published_question
from practice.community import services
from practice.community.forms import AskedReportForm, SuggestionForm
from practice.http import posted_data


def _answer_of(question, answer_id):
    """One of the question's answers, or 404."""
    return get_object_or_404(question.answers.all(), pk=answer_id)


@reader_owned
def suggest(request, slug):
    """GET: the form on its own page. POST: store the suggestion, or say what is wrong (400 / 429)."""
    question = get_published_question(slug)
    form = SuggestionForm(posted_data(request), initial={"answer": request.GET.get("answer", "")})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.suggestion_submit(
                    user=request.user,
                    answer=_answer_of(question, form.cleaned_data["answer"]),
                    kind=form.cleaned_data["kind"],
                    text=form.cleaned_data["text"],
                )
            except services.LimitReached as error:
                form.add_error(None, error)
                status = 429
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    "Thank you: a curator will read your suggestion. You will see what they decide on "
                    "your practice dashboard.",
                )
                return redirect(question.get_absolute_url() + "#sample-answer")
        status = status if status != 200 else 400
    answers = list(question.answers.all())
    return render(
        request,
        "practice/community/suggest.html",
        {"question": question, "form": form, "answers": answers},
        status=status,
    )


@reader_owned
def report_asked(request, slug):
    """GET: the "I was asked this" form. POST: store the report for moderation, or say why not (400)."""
    question = get_published_question(slug)
    form = AskedReportForm(posted_data(request))
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.report_submit(
                    user=request.user,
                    question=question,
                    company=data["company"],
                    new_company=data["new_company"],
                    role=data["role"],
                    round=data["round"],
                    month=data["month"],
                    year=data["year"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    "Thank you: your report counts once a curator has checked it. "
                    "Its progress is on your practice dashboard.",
                )
                return redirect(question.get_absolute_url())
    status = 400 if request.method == "POST" else 200
    return render(
        request, "practice/community/report.html", {"question": question, "form": form}, status=status
    )
