"""Practice: answer a question, grade yourself, review what is due, keep notes, take a readiness quiz.

Access rule: every view here is for a signed-in reader (`@reader_owned`) and shows or changes only
that reader's own data; another reader's attempt or quiz is a 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from access import reader_owned
from bank.models import Kind
from bank.rendering import render_markdown
from bank.selectors import FACET_FIELDS, facet_counts
from practice.http import posted_data, rate_limited, safe_next_url, whole_number
from practice.limits import MAX_ANSWER_LENGTH, RATE_LIMITS, REVIEW_QUEUE_SHOWN
from practice.study import charts, plan, progress, selectors, services
from practice.study.forms import (
    AnswerForm,
    ChoiceAnswerForm,
    DraftForm,
    GradeForm,
    NoteForm,
    QuizForm,
    SettingsForm,
    sign_start,
    target_choice,
)
from practice.study.models import GRADE_MEANINGS, Grade


def _answer_form(question, data=None, draft=None):
    initial = {"token": services.new_token(), "started": sign_start()}
    if question.kind == Kind.MULTIPLE_CHOICE:
        return ChoiceAnswerForm(data, initial=initial, question=question)
    if draft is not None:
        initial["answer"] = draft.text
    return AnswerForm(data, initial=initial)


@reader_owned
def practise(request, slug):
    """Answer a question: write (or pick), then "I'm done" stores the attempt and moves to grading."""
    question = selectors.get_published_question(slug)
    draft = selectors.draft_for(request.user, question) if question.kind != Kind.MULTIPLE_CHOICE else None
    form = _answer_form(question, posted_data(request), draft)
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
                    draft_revision=form.cleaned_data.get("draft_revision", 0),
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
            "draft": draft,
        },
        status=status,
    )


@reader_owned
@require_POST
@rate_limited("preview", RATE_LIMITS["preview"], what="previews", json=True)
def preview(request):
    """The answer box's live preview: the same Markdown pipeline as everything else."""
    text = request.POST.get("answer", "")
    if len(text) > MAX_ANSWER_LENGTH:
        return JsonResponse(
            {
                "error": f"Answers are limited to {MAX_ANSWER_LENGTH:,} characters; this one has {len(text):,}."
            },
            status=400,
        )
    return JsonResponse({"html": render_markdown(text)})


@reader_owned
def attempt_detail(request, attempt_id):
    """Grade an attempt (sample answer beside the reader's, key points to tick), then see the result."""
    attempt = selectors.get_attempt_for_user(attempt_id, request.user)
    question = attempt.question
    # Key points as stored, sanitised HTML (they may hold inline math or code).
    form = GradeForm(
        posted_data(request),
        key_points=[mark_safe(point) for point in question.key_points_html],
        red_flags=[mark_safe(flag) for flag in question.red_flags_html],
    )
    hints = selectors.answer_hints(question, attempt.answer) if not attempt.is_graded else None
    if request.method == "POST" and not attempt.is_graded and form.is_valid():
        try:
            services.attempt_grade(
                attempt=attempt,
                grade=form.cleaned_data["grade"],
                covered_key_points=form.cleaned_data["covered"],
                red_flags=form.cleaned_data["red_flags"],
                hinted_key_points=hints.flagged,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("practice:attempt", attempt_id=attempt.pk)
    return render(
        request,
        "practice/attempt.html",
        {
            "attempt": attempt,
            "question": question,
            "form": form,
            "featured_answer": question.featured_answer,
            "choices": list(question.choices.all()),
            "card": selectors.review_card_for(request.user, question) if attempt.is_graded else None,
            "grade_meanings": GRADE_MEANINGS,
            "covered": set(attempt.covered_key_points),
            "ticked_flags": set(attempt.red_flags_ticked),
            "hints": hints,
        },
        status=400 if request.method == "POST" and form.errors else 200,
    )


@reader_owned
def attempt_list(request):
    page_number = whole_number(request.GET.get("page"), default=1) or 1
    page, errors = selectors.my_attempts(request.user, request.GET, page_number)
    return _render_filtered(request, "practice/attempt_list.html", errors, page=page)


def _render_filtered(request, template, errors, **context):
    """A personal list filtered with the bank's filters; a bad filter is a 400 that says which."""
    facets = [] if errors else [facet_counts(request.GET, name) for name in FACET_FIELDS]
    context.update(errors=errors, params=request.GET, facets=facets)
    return render(request, template, context, status=400 if errors else 200)


@reader_owned
def review_queue(request):
    cards = list(selectors.review_queue(request.user)[:REVIEW_QUEUE_SHOWN])
    upcoming = [] if cards else selectors.due_days(request.user)
    today = timezone.localdate()
    return render(
        request,
        "practice/review.html",
        {
            "cards": cards,
            "today": today,
            "next_review_day": upcoming[0][0] if upcoming else None,
            "next_review_count": upcoming[0][1] if upcoming else 0,
            "upcoming_week": sum(count for day, count in upcoming if (day - today).days < 7),
        },
    )


@reader_owned
def practise_next(request):
    """Jump to a question from a filter (e.g. the weakest topic), preferring ones not tried lately;
    `?plan=1`: the next question of the reader's plan target never practised (in a study path's order)."""
    if request.GET.get("plan"):
        slug = selectors.next_new_question(request.user, selectors.plan_settings(request.user))
        if slug is None:
            messages.info(request, "Every question of your plan's target is practised: keep up the reviews.")
            return redirect("practice:dashboard")
        return redirect("practice:practise", slug=slug)
    question = selectors.least_recent_question(request.user, request.GET)
    if question is None:
        messages.info(request, "No published questions match that filter yet.")
        return redirect("practice:dashboard")
    return redirect("practice:practise", slug=question.slug)


@reader_owned
@require_POST
def bookmark(request, slug):
    question = selectors.get_published_question(slug)
    saved = services.bookmark_toggle(user=request.user, question=question)
    messages.success(request, "Saved to your list." if saved else "Removed from your saved questions.")
    return redirect(safe_next_url(request, question.get_absolute_url()))


@reader_owned
@require_POST
def note(request, slug):
    question = selectors.get_published_question(slug)
    form = NoteForm(request.POST)
    if form.is_valid():
        kept = services.note_save(user=request.user, question=question, text=form.cleaned_data["text"])
        messages.success(request, "Note saved." if kept else "Note removed.")
    else:
        messages.error(request, " ".join(form.errors["text"]))
    return redirect(safe_next_url(request, question.get_absolute_url()))


@reader_owned
def saved(request):
    questions, errors = selectors.saved_questions(request.user, request.GET)
    return _render_filtered(request, "practice/saved.html", errors, questions=questions)


@reader_owned
def dashboard(request):
    now = timezone.now()
    days = progress.attempts_per_day(request.user, now)
    stats = progress.topic_stats(request.user)
    calibration = progress.calibration(request.user)
    agreement = progress.hint_agreement(request.user)
    study_plan = selectors.study_plan(request.user, now)
    return render(
        request,
        "practice/dashboard.html",
        {
            "plan": study_plan,
            "plan_rules": plan,
            "forecast_bars": charts.column_chart(
                [(day.isoformat(), count) for day, count in study_plan.forecast], height=100
            ),
            "days": days,
            "day_bars": charts.column_chart([(day.isoformat(), count) for day, count in days]),
            "day_rows": charts.day_rows(days, skip_empty=True),
            "forecast_rows": charts.day_rows(study_plan.forecast),
            "total_attempts_90": sum(count for _, count in days),
            "streak": progress.streak(days),
            "topic_stats": [(item, charts.percent(item.average_coverage)) for item in stats],
            "weakest": progress.weakest_topics(stats),
            "calibration": [
                (grade, label, n, charts.percent(share), flags)
                for grade, label, n, share, flags in calibration
            ],
            "hint_agreement": [
                (month, answers, hinted, agreed, agreed / hinted if hinted else None, extra)
                for month, answers, hinted, agreed, extra in agreement
            ],
            "grades": Grade,
            "practise_next_url": reverse("practice:next"),
        },
    )


@reader_owned
def reader_settings(request):
    profile = selectors.plan_settings(request.user)
    form = SettingsForm(
        posted_data(request),
        initial={
            "interview_date": profile.interview_date,
            "target": target_choice(profile),
            "minutes_per_day": profile.minutes_per_day,
            "desired_retention": profile.desired_retention,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.plan_settings_save(
            user=request.user,
            interview_date=data["interview_date"],
            minutes_per_day=profile.minutes_per_day
            if data["minutes_per_day"] is None
            else data["minutes_per_day"],
            desired_retention=profile.desired_retention
            if data["desired_retention"] is None
            else round(data["desired_retention"], 2),
            **data["target"],
        )
        messages.success(request, "Settings saved. Your plan and review dates now fit around your interview.")
        return redirect("practice:settings")
    return render(request, "practice/settings.html", {"form": form}, status=400 if form.errors else 200)


@reader_owned
@require_POST
@rate_limited("draft", RATE_LIMITS["draft"], what="saves", note="Your text is still in the box.", json=True)
def draft_save(request, slug):
    """The practise page saves the answer as it is typed; a save older than the stored one is refused (409)."""
    question = selectors.get_question_for_draft(slug)
    form = DraftForm(request.POST)
    if not form.is_valid():
        errors = " ".join(f"{name}: {message}" for name, items in form.errors.items() for message in items)
        return JsonResponse(
            {"error": f"{errors} Nothing was stored.", "fields": list(form.errors)}, status=400
        )
    stored = services.draft_save(
        user=request.user,
        question=question,
        text=form.cleaned_data["answer"],
        revision=form.cleaned_data["revision"],
    )
    if not stored:
        return JsonResponse(
            {"stored": False, "error": "A newer save of this draft is already stored."}, status=409
        )
    return JsonResponse({"stored": True, "revision": form.cleaned_data["revision"]})


# The readiness quiz: multiple-choice questions drawn from a filter, one at a time, then a score.


@reader_owned
def quiz_new(request):
    form = QuizForm(posted_data(request))
    if request.method == "POST" and form.is_valid():
        wanted = form.cleaned_data["count"]
        quiz, found = services.quiz_start(
            user=request.user,
            topic=form.cleaned_data["topic"],
            difficulty=form.cleaned_data["difficulty"],
            count=wanted,
        )
        if quiz is None:
            form.add_error(
                None, "No multiple-choice questions match that topic and difficulty yet. Try a wider filter."
            )
        else:
            if found < wanted:
                messages.info(
                    request,
                    f"Only {found} question{'s' if found != 1 else ''} matched, so your quiz has {found}.",
                )
            return redirect("practice:quiz", quiz_id=quiz.pk)
    return render(
        request,
        "practice/quiz_new.html",
        {"form": form, "past": selectors.finished_quizzes(request.user)},
        status=400 if form.errors else 200,
    )


@reader_owned
def quiz_question(request, quiz_id):
    """The next unanswered question of the quiz; the last answer leads to the result."""
    quiz = selectors.get_quiz_for_user(quiz_id, request.user)
    answers = selectors.quiz_answers(quiz)
    question = selectors.quiz_next_question(quiz, answers)
    if question is None:
        return redirect("practice:quiz_result", quiz_id=quiz.pk)
    form = ChoiceAnswerForm(
        posted_data(request),
        question=question,
        initial={"token": services.new_token(), "started": sign_start()},
    )
    if request.method == "POST" and form.is_valid():
        attempt = services.quiz_answer(
            user=request.user,
            quiz=quiz,
            question=question,
            token=form.cleaned_data["token"],
            choice=form.cleaned_data["choice"],
            seconds_spent=form.seconds_spent(),
        )
        return redirect(f"{request.path}?answered={attempt.pk}")
    answered_id = whole_number(request.GET.get("answered"))
    last = next((a for a in answers.values() if a.pk == answered_id), None)
    return render(
        request,
        "practice/quiz_question.html",
        {
            "quiz": quiz,
            "question": question,
            "form": form,
            "number": len(answers) + 1,
            "total": len(quiz.question_ids),
            "last": last,
            "last_choices": list(last.question.choices.all()) if last else [],
        },
        status=400 if form.errors else 200,
    )


@reader_owned
def quiz_result(request, quiz_id):
    quiz = selectors.get_quiz_for_user(quiz_id, request.user)
    result = selectors.quiz_result(quiz)
    return render(
        request,
        "practice/quiz_result.html",
        {
            "quiz": quiz,
            "rows": result.rows,
            "correct": result.correct,
            "total": result.total,
            "to_study": result.to_study,
            "unfinished": result.unfinished,
        },
    )
