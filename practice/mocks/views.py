"""Timed mock interviews: set up, answer against the server's clock, finish, and learn from the summary.

Access rule: every view here is for a signed-in reader (`@reader_owned`) and reaches only that
reader's own mocks; another reader's mock is a 404. GET never writes, except closing a mock whose
deadline has passed (idempotent: the answers saved before the deadline are kept either way).
"""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from access import reader_owned
from practice.http import posted_data, rate_limited, whole_number
from practice.limits import RATE_LIMITS
from practice.mocks import presets, selectors, services
from practice.mocks.forms import MockAnswerForm, MockSetupForm
from practice.study import charts
from practice.study import selectors as study_selectors
from practice.study import services as study_services
from practice.study.forms import GradeForm


def _close_if_expired(mock, now):
    if mock.finished_at is None and now >= mock.deadline:
        return services.mock_finish(mock=mock, now=now), True
    return mock, False


@reader_owned
def mock_list(request):
    now = timezone.now()
    services.close_expired(now=now, user=request.user)
    past = selectors.mock_history(request.user)
    scored = [mock for mock in reversed(past) if mock.average_grade is not None][-20:]
    bars = charts.column_chart(
        [(f"{m.started_at:%d %b}", round(m.average_grade * 25)) for m in scored], height=100
    )
    return render(
        request, "practice/mock_list.html", {"past": past, "bars": bars, "scored": scored, "now": now}
    )


@reader_owned
def mock_new(request):
    form = MockSetupForm(posted_data(request) if "preset" not in request.POST else None)
    shortfall = None
    if request.method == "POST":
        preset = presets.PRESETS.get(request.POST.get("preset", ""))
        if preset is not None:
            questions = list(
                selectors.candidate_questions(request.user, kinds=preset.kinds, topics=preset.topics)[
                    : preset.count
                ]
            )
            return _start(
                request,
                title=preset.title,
                questions=questions,
                seconds=preset.minutes_total * 60,
                preset=preset.slug,
            )
        if form.is_valid():
            data = form.cleaned_data
            wanted = data["count"]
            questions = list(
                selectors.candidate_questions(
                    request.user,
                    topics=[topic.slug for topic in data["topics"]],
                    roles=[data["role"].slug] if data["role"] else [],
                    companies=[data["company"].slug] if data["company"] else [],
                    difficulties=data["difficulties"],
                    kinds=selectors.WRITTEN_KINDS
                    if data["include_behavioural"]
                    else selectors.TECHNICAL_KINDS,
                )[:wanted]
            )
            if questions and len(questions) < wanted and not data["accept_fewer"]:
                shortfall = len(questions)
            else:
                return _start(
                    request,
                    title="Custom mock",
                    questions=questions,
                    seconds=form.time_limit_seconds(len(questions) or 1),
                    filters={
                        "role": data["role"].slug if data["role"] else "",
                        "company": data["company"].slug if data["company"] else "",
                        "topics": [topic.slug for topic in data["topics"]],
                        "difficulties": data["difficulties"],
                        "behavioural": data["include_behavioural"],
                    },
                )
    return render(
        request,
        "practice/mock_new.html",
        {
            "form": form,
            "presets": presets.PRESETS.values(),
            "shortfall": shortfall,
            # The same choices, posted again with accept_fewer when the reader takes what exists.
            "resubmit": [
                (name, value)
                for name, values in request.POST.lists()
                if name not in {"csrfmiddlewaretoken", "accept_fewer"}
                for value in values
            ],
        },
        status=400 if form.errors else 200,
    )


def _start(request, *, title, questions, seconds, preset="", filters=None):
    try:
        mock = services.mock_start(
            user=request.user,
            title=title,
            questions=questions,
            time_limit_seconds=seconds,
            preset=preset,
            filters=filters,
        )
    except services.MockError as error:
        messages.error(request, str(error))
        return redirect("mock:new")
    return redirect("mock:question", mock_id=mock.pk, position=1)


@reader_owned
def mock_resume(request, mock_id):
    mock = selectors.get_mock_for_user(mock_id, request.user)
    mock, _ = _close_if_expired(mock, timezone.now())
    if mock.finished_at:
        return redirect("mock:summary", mock_id=mock.pk)
    return redirect("mock:question", mock_id=mock.pk, position=mock.current_position)


def _time_is_up(request, mock):
    messages.warning(
        request,
        f"Time was up at {timezone.localtime(mock.deadline):%H:%M:%S}. Your answers as saved before then are kept; "
        "later edits were not accepted.",
    )
    return redirect("mock:summary", mock_id=mock.pk)


@reader_owned
def mock_question(request, mock_id, position):
    now = timezone.now()
    mock = selectors.get_mock_for_user(mock_id, request.user)
    slot = selectors.get_slot(mock, position)
    mock, closed = _close_if_expired(mock, now)
    if mock.finished_at:
        return (
            _time_is_up(request, mock)
            if closed or request.method == "POST"
            else redirect("mock:summary", mock_id=mock.pk)
        )
    form = MockAnswerForm(posted_data(request), slot=slot)
    if request.method == "POST":
        if not form.is_valid():
            return _render_question(request, mock, slot, form, now, status=400)
        try:
            services.mock_save_answer(
                slot=slot, answer=form.cleaned_data["answer"], revision=form.cleaned_data["revision"], now=now
            )
            services.mock_flag(slot=slot, flagged=form.cleaned_data["flagged"], now=now)
        except services.TimeIsUp:
            services.mock_finish(mock=mock, now=now)
            return _time_is_up(request, mock)
        return _after_save(request, mock, position, now)
    return _render_question(request, mock, slot, form, now)


def _after_save(request, mock, position, now):
    """Where the reader goes after a save: finish, or another question (the time so far is charged)."""
    if "finish" in request.POST:  # saved; the reader confirms on the next page (no JavaScript needed)
        return redirect("mock:finish", mock_id=mock.pk)
    count = selectors.slot_count(mock)
    go = whole_number(request.POST.get("go"), maximum=count)
    if "previous" in request.POST and position > 1:
        position -= 1
    elif "next" in request.POST and position < count:
        position += 1
    elif go is not None and go >= 1:
        position = go
    services.mock_move(mock=mock, position=position, now=now)
    return redirect("mock:question", mock_id=mock.pk, position=position)


def _render_question(request, mock, slot, form, now, status=200):
    slots = selectors.slots_for_navigation(mock)
    return render(
        request,
        "practice/mock_question.html",
        {
            "mock": mock,
            "slot": slot,
            "question": slot.question,
            "slots": slots,
            "count": len(slots),
            "form": form,
            "seconds_left": mock.seconds_left(now),
            "save_url": reverse("mock:autosave", args=[mock.pk, slot.position]),
        },
        status=status,
    )


@reader_owned
@require_POST
@rate_limited(
    "autosave",
    RATE_LIMITS["autosave"],
    what="saves",
    note="Your text is kept in this browser meanwhile.",
    json=True,
)
def mock_autosave(request, mock_id, position):
    """JavaScript saves as the reader types. 409 once time is up; older text never replaces newer."""
    now = timezone.now()
    mock = selectors.get_mock_for_user(mock_id, request.user)
    slot = selectors.get_slot(mock, position)
    form = MockAnswerForm(request.POST, slot=slot)
    if not form.is_valid():
        return JsonResponse(
            {
                "error": " ".join(
                    [
                        *(
                            f"{name}: {message}"
                            for name, messages in form.errors.items()
                            for message in messages
                        )
                    ]
                    + ["Nothing was stored."]
                ),
                "fields": list(form.errors),
            },
            status=400,
        )
    try:
        stored = services.mock_save_answer(
            slot=slot, answer=form.cleaned_data["answer"], revision=form.cleaned_data["revision"], now=now
        )
        if "flag_sent" in request.POST:
            services.mock_flag(slot=slot, flagged=form.cleaned_data["flagged"], now=now)
    except services.TimeIsUp as error:
        return JsonResponse(
            {"error": str(error), "summary_url": reverse("mock:summary", args=[mock.pk])}, status=409
        )
    slot.refresh_from_db(fields=["revision", "saved_at"])
    return JsonResponse(
        {
            "stored": stored,
            "revision": slot.revision,
            "saved_at": slot.saved_at.isoformat() if slot.saved_at else None,
            "seconds_left": mock.seconds_left(now),
        }
    )


@reader_owned
@require_http_methods(["GET", "POST"])
def mock_finish(request, mock_id):
    """GET asks "finish now?" (what is answered, flagged, the time left); POST finishes."""
    now = timezone.now()
    mock = selectors.get_mock_for_user(mock_id, request.user)
    mock, _ = _close_if_expired(mock, now)
    if mock.finished_at:
        return redirect("mock:summary", mock_id=mock.pk)
    if request.method == "POST":
        services.mock_finish(mock=mock, now=now)
        return redirect("mock:summary", mock_id=mock.pk)
    slots = selectors.slots_for_navigation(mock)
    return render(
        request,
        "practice/mock_finish.html",
        {
            "mock": mock,
            "count": len(slots),
            "answered": sum(1 for slot in slots if slot.answer.strip()),
            "flagged": [slot.position for slot in slots if slot.flagged],
            "seconds_left": mock.seconds_left(now),
        },
    )


@reader_owned
def mock_summary(request, mock_id):
    now = timezone.now()
    mock = selectors.get_mock_for_user(mock_id, request.user)
    mock, _ = _close_if_expired(mock, now)
    if mock.finished_at is None:
        messages.info(request, "This mock is still running. Finish it to see the summary.")
        return redirect("mock:question", mock_id=mock.pk, position=mock.current_position)
    slots = selectors.summary_slots(mock)
    for slot in slots:
        slot.grade_form = GradeForm(
            key_points=[mark_safe(point) for point in slot.question.key_points_html],
            red_flags=[mark_safe(flag) for flag in slot.question.red_flags_html],
            auto_id=f"slot{slot.position}-%s",
        )
        slot.sample = slot.question.featured_answer
        slot.covered = set(slot.attempt.covered_key_points) if slot.attempt else set()
        if slot.attempt and not slot.attempt.is_graded:
            slot.hints = study_selectors.answer_hints(slot.question, slot.attempt.answer)
    by_topic = selectors.mock_topic_scores(mock)
    return render(
        request,
        "practice/mock_summary.html",
        {
            "mock": mock,
            "slots": slots,
            "by_topic": by_topic,
            "weakest": [
                row for row in by_topic if row["average_grade"] is not None and row["average_grade"] < 3
            ][:3],
            "ungraded": sum(1 for slot in slots if slot.attempt and not slot.attempt.is_graded),
        },
    )


@reader_owned
@require_POST
def mock_grade(request, mock_id, position):
    """Grade one answer of a finished mock with the practice grading service (it feeds the review queue)."""
    mock = selectors.get_mock_for_user(mock_id, request.user)
    slot = selectors.get_slot(mock, position)
    if mock.finished_at is None or slot.attempt is None:
        messages.error(request, "Finish the mock before grading its answers.")
        return redirect("mock:resume", mock_id=mock.pk)
    form = GradeForm(request.POST, key_points=slot.question.key_points, red_flags=slot.question.red_flags)
    if form.is_valid():
        study_services.attempt_grade(
            attempt=slot.attempt,
            grade=form.cleaned_data["grade"],
            covered_key_points=form.cleaned_data["covered"],
            red_flags=form.cleaned_data["red_flags"],
            hinted_key_points=study_selectors.answer_hints(slot.question, slot.attempt.answer).flagged,
        )
    else:
        messages.error(request, f"Question {position}: choose one of the four grades; nothing was saved.")
    return redirect(f"{reverse('mock:summary', args=[mock.pk])}#slot-{position}")
