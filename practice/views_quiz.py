"""The readiness quiz: multiple-choice questions drawn from a filter, one at a time, then a score."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from bank.models import Question
from practice import services
from practice.forms import ChoiceAnswerForm, QuizForm, sign_start
from practice.http import posted_data
from practice.models import Attempt, Quiz


def _get_quiz_for_user(quiz_id, user):
    return get_object_or_404(Quiz, pk=quiz_id, user=user)


@login_required
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
    past = Quiz.objects.filter(user=request.user, finished_at__isnull=False)[:10]
    return render(
        request, "practice/quiz_new.html", {"form": form, "past": past}, status=400 if form.errors else 200
    )


def _answers(quiz):
    return {a.question_id: a for a in Attempt.objects.filter(quiz=quiz).select_related("choice", "question")}


@login_required
def quiz_question(request, quiz_id):
    quiz = _get_quiz_for_user(quiz_id, request.user)
    answers = _answers(quiz)
    remaining = [pk for pk in quiz.question_ids if pk not in answers]
    if not remaining:
        if quiz.finished_at is None:
            Quiz.objects.filter(pk=quiz.pk, finished_at__isnull=True).update(finished_at=timezone.now())
        return redirect("practice:quiz_result", quiz_id=quiz.pk)
    question = get_object_or_404(Question.objects.prefetch_related("choices"), pk=remaining[0])
    form = ChoiceAnswerForm(
        posted_data(request),
        question=question,
        initial={"token": services.new_token(), "started": sign_start()},
    )
    if request.method == "POST" and form.is_valid():
        attempt = services.attempt_submit(
            user=request.user,
            question=question,
            token=form.cleaned_data["token"],
            choice=form.cleaned_data["choice"],
            seconds_spent=form.seconds_spent(),
            source=Attempt.Source.QUIZ,
            quiz=quiz,
        )
        return redirect(f"{request.path}?answered={attempt.pk}")
    last = None
    if request.GET.get("answered", "").isdigit():
        last = next((a for a in answers.values() if a.pk == int(request.GET["answered"])), None)
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


@login_required
def quiz_result(request, quiz_id):
    quiz = _get_quiz_for_user(quiz_id, request.user)
    answers = _answers(quiz)
    questions = {q.pk: q for q in Question.objects.filter(pk__in=quiz.question_ids).select_related("topic")}
    rows = [(questions[pk], answers.get(pk)) for pk in quiz.question_ids if pk in questions]
    correct = sum(1 for _, attempt in rows if attempt and attempt.choice and attempt.choice.is_correct)
    to_study = {}
    for question, attempt in rows:
        if not (attempt and attempt.choice and attempt.choice.is_correct):
            to_study.setdefault(question.topic.slug, question.topic)
    return render(
        request,
        "practice/quiz_result.html",
        {
            "quiz": quiz,
            "rows": rows,
            "correct": correct,
            "total": len(rows),
            "to_study": list(to_study.values()),
            "unfinished": len(answers) < len(rows),
        },
    )
