"""The public pages of the bank: home, question lists, a question, topics, roles, companies, study paths.

Access rule: every view here is public. Drafts are shown to staff only (`get_question_for_reader`).
The signed-in reader's panel on a question page comes from practice, through a template tag.
"""

from django.http import QueryDict
from django.shortcuts import render

from access import public
from bank import selectors
from bank.caching import anonymous_page
from bank.models import Company, Role, Topic

FIXED_FILTER_HEADINGS = {
    "topic": "Topic",
    "role": "Role",
    "company": "Company",
}


@public
@anonymous_page
def home(request):
    return render(request, "bank/home.html", selectors.home_listing())


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
        "sorts": selectors.sort_options(params),
    }
    return render(request, template, context, status=200 if result.is_valid else 400)


@public
@anonymous_page
def question_list(request):
    return _render_list(request, template="bank/question_list.html", context={"heading": "Questions"})


def _list_position(request):
    """The question's 1-based place in the list the reader came from; 0 when absent or not a number."""
    raw = request.GET.get("pos", "0")
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 9 else 0


@public
@anonymous_page
def question_detail(request, slug):
    question = selectors.get_question_for_reader(slug, request.user)
    list_params = QueryDict(request.GET.get("list", "")[:1000])
    position = _list_position(request)
    previous, following = (None, None)
    if "list" in request.GET:
        previous, following = selectors.neighbours_in_list(list_params, position, question)
    answers = list(question.answers.all())
    related_by_meaning, related = selectors.similar_or_topic_questions(question)
    return render(
        request,
        "bank/question_detail.html",
        {
            "question": question,
            "featured_answer": question.featured_answer,
            "other_answers": answers[1:],
            "choices": list(question.choices.all()),
            "related_by_meaning": related_by_meaning,
            "related": related,
            "previous": previous,
            "following": following,
            "position": position,
            "back_query": list_params.urlencode() if "list" in request.GET else "",
        },
    )


def _taxonomy_index(request, model, title, intro):
    items = selectors.taxonomy_with_counts(model)
    return render(request, "bank/taxonomy_index.html", {"items": items, "title": title, "intro": intro})


@public
def topic_index(request):
    return _taxonomy_index(request, Topic, "Topics", "The areas an MLOps interview loop covers.")


@public
def role_index(request):
    return _taxonomy_index(request, Role, "Roles", "Questions sorted by the job you are interviewing for.")


@public
def company_index(request):
    return _taxonomy_index(
        request,
        Company,
        "Companies",
        "Companies known to ask these questions, or whose setting a scenario uses.",
    )


def _taxonomy_page(request, model, filter_name, slug):
    item = selectors.get_taxonomy_item(model, slug)
    return _render_list(
        request,
        template="bank/question_list.html",
        context={"heading": item.name, "subject": item, "subject_kind": FIXED_FILTER_HEADINGS[filter_name]},
        fixed={filter_name: item.slug},
    )


@public
def topic_detail(request, slug):
    return _taxonomy_page(request, Topic, "topic", slug)


@public
def role_detail(request, slug):
    return _taxonomy_page(request, Role, "role", slug)


@public
def company_detail(request, slug):
    return _taxonomy_page(request, Company, "company", slug)


@public
def path_index(request):
    return render(request, "bank/path_index.html", {"paths": selectors.study_paths_with_counts()})


@public
def path_detail(request, slug):
    path = selectors.get_study_path(slug)
    return render(request, "bank/path_detail.html", {"path": path, "steps": selectors.study_path_steps(path)})
