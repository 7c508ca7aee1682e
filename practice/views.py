from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from bank.models import Kind
from bank.rendering import render_markdown
from bank.selectors import FACET_FIELDS, facet_counts
from practice import charts, selectors, services
from practice.forms import AnswerForm, ChoiceAnswerForm, GradeForm, NoteForm, sign_start
from practice.http import posted_data, safe_next_url
from practice.models import GRADE_MEANINGS, Grade


def _answer_form(question, data=None):
    initial = {"token": services.new_token(), "started": sign_start()}
    if question.kind == Kind.MULTIPLE_CHOICE:
        return ChoiceAnswerForm(data, initial=initial, question=question)
    return AnswerForm(data, initial=initial)


@login_required
def practise(request, slug):
    """Answer a question: write (or pick), then "I'm done" stores the attempt and moves to grading."""
    question = selectors.get_published_question(slug)
    form = _answer_form(question, posted_data(request))
    preview_html = ""
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview_html = render_markdown(form.cleaned_data["answer"])
        else:
            try:
                attempt = services.attempt_submit(
                    user=request.user,
                    question=question,
                    token=form.cleaned_data["token"],
                    answer=form.cleaned_data.get("answer", ""),
                    choice=form.cleaned_data.get("choice"),
                    seconds_spent=form.seconds_spent(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("practice:attempt", attempt_id=attempt.pk)
    status = 400 if request.method == "POST" and form.errors else 200
    return render(
        request,
        "practice/practise.html",
        {
            "question": question,
            "form": form,
            "preview_html": preview_html,
            "history": selectors.question_history(request.user, question, limit=5),
        },
        status=status,
    )


@login_required
@require_POST
def preview(request):
    """The answer box's live preview: the same Markdown pipeline as everything else."""
    text = request.POST.get("answer", "")[: services.MAX_ANSWER_LENGTH]
    return JsonResponse({"html": render_markdown(text)})


@login_required
def attempt_detail(request, attempt_id):
    """Grade an attempt (sample answer beside the reader's, key points to tick), then see the result."""
    attempt = selectors.get_attempt_for_user(attempt_id, request.user)
    question = attempt.question
    # Key points as stored, sanitised HTML (they may hold inline math or code).
    form = GradeForm(
        posted_data(request), key_points=[mark_safe(point) for point in question.key_points_html]
    )
    if request.method == "POST" and not attempt.is_graded and form.is_valid():
        try:
            services.attempt_grade(
                attempt=attempt,
                grade=form.cleaned_data["grade"],
                covered_key_points=form.cleaned_data["covered"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("practice:attempt", attempt_id=attempt.pk)
    card = attempt.user.review_cards.filter(question=question).first() if attempt.is_graded else None
    answers = list(question.answers.all())
    return render(
        request,
        "practice/attempt.html",
        {
            "attempt": attempt,
            "question": question,
            "form": form,
            "featured_answer": answers[0] if answers else None,
            "choices": list(question.choices.all()),
            "card": card,
            "grade_meanings": GRADE_MEANINGS,
            "covered": set(attempt.covered_key_points),
        },
        status=400 if request.method == "POST" and form.errors else 200,
    )


def _page_number(request):
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


@login_required
def attempt_list(request):
    page, errors = selectors.my_attempts(request.user, request.GET, _page_number(request))
    return _render_filtered(request, "practice/attempt_list.html", errors, page=page)


def _render_filtered(request, template, errors, **context):
    """A personal list filtered with the bank's filters; a bad filter is a 400 that says which."""
    facets = [] if errors else [facet_counts(request.GET, name) for name in FACET_FIELDS]
    context.update(errors=errors, params=request.GET, facets=facets)
    return render(request, template, context, status=400 if errors else 200)


@login_required
def review_queue(request):
    cards = list(selectors.review_queue(request.user)[:200])
    return render(request, "practice/review.html", {"cards": cards, "now": timezone.now()})


@login_required
def practise_next(request):
    """Jump to a question from a filter (e.g. the weakest topic), preferring ones not tried lately."""
    question = selectors.least_recent_question(request.user, request.GET)
    if question is None:
        messages.info(request, "No published questions match that filter yet.")
        return redirect("practice:dashboard")
    return redirect("practice:practise", slug=question.slug)


@login_required
@require_POST
def bookmark(request, slug):
    question = selectors.get_published_question(slug)
    saved = services.bookmark_toggle(user=request.user, question=question)
    messages.success(request, "Saved to your list." if saved else "Removed from your saved questions.")
    return redirect(safe_next_url(request, question.get_absolute_url()))


@login_required
@require_POST
def note(request, slug):
    question = selectors.get_published_question(slug)
    form = NoteForm(request.POST)
    if form.is_valid():
        kept = services.note_save(user=request.user, question=question, text=form.cleaned_data["text"])
        messages.success(request, "Note saved." if kept else "Note removed.")
    else:
        messages.error(request, "Notes are limited to 5,000 characters; nothing was saved.")
    return redirect(safe_next_url(request, question.get_absolute_url()))


@login_required
def saved(request):
    questions, errors = selectors.saved_questions(request.user, request.GET)
    return _render_filtered(request, "practice/saved.html", errors, questions=questions)


@login_required
def dashboard(request):
    now = timezone.now()
    days = selectors.attempts_per_day(request.user, now)
    stats = selectors.topic_stats(request.user)
    calibration = selectors.calibration(request.user)
    return render(
        request,
        "practice/dashboard.html",
        {
            "days": days,
            "day_bars": charts.column_chart([(day.isoformat(), count) for day, count in days]),
            "total_attempts_90": sum(count for _, count in days),
            "streak": selectors.streak(days),
            "topic_stats": [(item, charts.percent(item.average_coverage)) for item in stats],
            "weakest": selectors.weakest_topics(stats),
            "calibration": [
                (grade, label, n, charts.percent(share)) for grade, label, n, share in calibration
            ],
            "grades": Grade,
            "practise_next_url": reverse("practice:next"),
        },
    )
