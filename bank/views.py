from django.db.models import Count, Q
from django.http import QueryDict
from django.shortcuts import get_object_or_404, render

from bank import selectors
from bank.models import Company, Role, Status, StudyPath, Topic
from practice.selectors import reader_state

FIXED_FILTER_HEADINGS = {
    "topic": "Topic",
    "role": "Role",
    "company": "Company",
}


def home(request):
    topics = list(selectors.topics_with_counts())
    companies = (
        Company.objects.annotate(
            published_count=Count("questions", filter=Q(questions__status=Status.PUBLISHED))
        )
        .filter(published_count__gt=0)
        .order_by("-published_count", "name")[:12]
    )
    paths = _paths_with_counts()
    return render(
        request,
        "bank/home.html",
        {
            "paths": paths,
            "topics": topics,
            "total_questions": sum(topic.published_count for topic in topics),
            "companies": companies,
        },
    )


def _render_list(request, *, template, context, fixed=None):
    """The question list, optionally pinned to one topic, role or company (`fixed`)."""
    params = request.GET.copy()
    for name, value in (fixed or {}).items():
        params.setlist(name, [value])
    result = selectors.question_list(params)
    if fixed:
        result.facets = [facet for facet in result.facets if facet.name not in fixed]
    context = {
        **context,
        "result": result,
        "params": request.GET,
        "list_params": params,
        "fixed": fixed or {},
    }
    return render(request, template, context, status=200 if result.is_valid else 400)


def question_list(request):
    return _render_list(request, template="bank/question_list.html", context={"heading": "Questions"})


def question_detail(request, slug):
    question = selectors.get_question_for_reader(slug, request.user)
    list_params = QueryDict(request.GET.get("list", "")[:1000])
    try:
        position = int(request.GET.get("pos", "0"))
    except ValueError:
        position = 0
    previous, following = (None, None)
    if "list" in request.GET:
        previous, following = selectors.neighbours_in_list(list_params, position, question)
    answers = list(question.answers.all())
    return render(
        request,
        "bank/question_detail.html",
        {
            "question": question,
            "featured_answer": answers[0] if answers else None,
            "other_answers": answers[1:],
            "choices": list(question.choices.all()),
            "related": selectors.related_questions(question),
            "previous": previous,
            "following": following,
            "position": position,
            "back_query": list_params.urlencode() if "list" in request.GET else "",
            "reader": reader_state(request.user, question),
        },
    )


def _taxonomy_index(request, model, title, intro):
    # An aggregate drops Meta.ordering (GROUP BY), so the order is spelled out.
    items = model.objects.annotate(
        published_count=Count("questions", filter=Q(questions__status=Status.PUBLISHED))
    ).order_by(*model._meta.ordering)
    return render(request, "bank/taxonomy_index.html", {"items": items, "title": title, "intro": intro})


def topic_index(request):
    return _taxonomy_index(request, Topic, "Topics", "The areas an MLOps interview loop covers.")


def role_index(request):
    return _taxonomy_index(request, Role, "Roles", "Questions sorted by the job you are interviewing for.")


def company_index(request):
    return _taxonomy_index(
        request,
        Company,
        "Companies",
        "Companies known to ask these questions, or whose setting a scenario uses.",
    )


def _taxonomy_page(request, model, filter_name, slug):
    item = get_object_or_404(model, slug=slug)
    return _render_list(
        request,
        template="bank/question_list.html",
        context={"heading": item.name, "subject": item, "subject_kind": FIXED_FILTER_HEADINGS[filter_name]},
        fixed={filter_name: item.slug},
    )


def topic_detail(request, slug):
    return _taxonomy_page(request, Topic, "topic", slug)


def role_detail(request, slug):
    return _taxonomy_page(request, Role, "role", slug)


def company_detail(request, slug):
    return _taxonomy_page(request, Company, "company", slug)


def _paths_with_counts():
    # An aggregate drops Meta.ordering (GROUP BY), so the order is spelled out.
    return StudyPath.objects.annotate(
        step_count=Count("steps", filter=Q(steps__question__status=Status.PUBLISHED))
    ).order_by("position", "title")


def path_index(request):
    paths = _paths_with_counts()
    return render(request, "bank/path_index.html", {"paths": paths})


def path_detail(request, slug):
    path = get_object_or_404(StudyPath, slug=slug)
    steps = (
        path.steps.filter(question__status=Status.PUBLISHED)
        .select_related("question__topic")
        .order_by("position")
    )
    return render(request, "bank/path_detail.html", {"path": path, "steps": steps})
