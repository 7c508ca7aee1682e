"""Read-only JSON API. Lists go through the same selector (and so the same FilterSet) as the HTML pages.

Access rule: public, GET only; only published questions exist here.
"""

from django.http import JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET

from access import public
from bank import selectors
from bank.selectors import FACET_FIELDS

# Every filter answer says how to ask for several values, the question readers of a 400 most often have.
MULTIPLE_VALUES_HINT = (
    "Every filter but q takes several values, meaning any of them: ?company=netflix&company=uber."
)


def _bad_request(errors):
    problems = [{"parameter": name, "message": message} for name, message in errors.items()]
    filters = set(FACET_FIELDS) | set(selectors.LIST_FILTERS)
    body = {"error": "; ".join(f"{p['parameter']}: {p['message']}" for p in problems), "problems": problems}
    if filters & set(errors):
        body["hint"] = MULTIPLE_VALUES_HINT
        body["error"] = f"{body['error']} ({MULTIPLE_VALUES_HINT})"
    return JsonResponse(body, status=400)


def _absolute(request, path):
    return request.build_absolute_uri(path)


def _summary(request, question):
    return {
        "slug": question.slug,
        "title": question.title,
        "kind": question.kind,
        "difficulty": question.difficulty,
        "topic": {"slug": question.topic.slug, "name": question.topic.name},
        "companies": [company.slug for company in question.companies.all()],
        "url": _absolute(request, question.get_absolute_url()),
        "api_url": _absolute(request, reverse("api_question_detail", args=[question.slug])),
    }


def _page_link(request, number):
    params = request.GET.copy()
    params["page"] = number
    return _absolute(request, f"{request.path}?{params.urlencode()}")


@public
@require_GET
def question_list(request):
    result = selectors.question_list(request.GET, with_facets=False)
    if not result.is_valid:
        return _bad_request(result.errors)
    page = result.page
    return JsonResponse(
        {
            "count": page.paginator.count,
            "page": page.number,
            "page_size": page.paginator.per_page,
            "num_pages": page.paginator.num_pages,
            "next": _page_link(request, page.next_page_number()) if page.has_next() else None,
            "previous": _page_link(request, page.previous_page_number()) if page.has_previous() else None,
            "results": [_summary(request, question) for question in page.object_list],
        }
    )


@public
@require_GET
def question_detail(request, slug):
    question = selectors.find_published_question(slug)
    if question is None:
        return JsonResponse({"error": f"No published question with slug “{slug[:120]}”."}, status=404)
    return JsonResponse(
        {
            **_summary(request, question),
            "status": question.status,
            "prompt": question.prompt,
            "prompt_html": question.prompt_html,
            "roles": [{"slug": role.slug, "name": role.name} for role in question.roles.all()],
            "companies": [{"slug": c.slug, "name": c.name} for c in question.companies.all()],
            "tools": question.tools,
            "why_asked": question.why_asked,
            "why_asked_html": question.why_asked_html,
            "trap": question.trap,
            "trap_html": question.trap_html,
            "thirty_second": question.thirty_second,
            "thirty_second_html": question.thirty_second_html,
            "key_points": question.key_points,
            "red_flags": question.red_flags,
            "follow_ups": [
                {**item, "question_html": html["question"], "answer_html": html["answer"]}
                for item, html in zip(question.follow_ups, question.follow_ups_html, strict=False)
            ],
            "links": question.links,
            "sources": question.sources,
            "reviewed_on": question.reviewed_on.isoformat() if question.reviewed_on else None,
            "diagram": (
                {
                    "url": _absolute(request, static(f"diagrams/{question.diagram}")),
                    "alt": question.diagram_alt,
                }
                if question.diagram
                else None
            ),
            "answers": [
                {"title": a.title, "is_featured": a.is_featured, "body": a.body, "body_html": a.body_html}
                for a in question.answers.all()
            ],
            "choices": [
                {
                    "text": c.text,
                    "is_correct": c.is_correct,
                    "explanation": c.explanation,
                    "explanation_html": c.explanation_html,
                }
                for c in question.choices.all()
            ],
            "created_at": question.created_at.isoformat(),
            "updated_at": question.updated_at.isoformat(),
        }
    )


@public
@require_GET
def facets(request):
    """Counts of published questions per topic, role, company, difficulty and kind (the filters narrow them)."""
    _, errors = selectors.filtered_questions(request.GET)
    if errors:
        return _bad_request(errors)
    body = {}
    for name in FACET_FIELDS:
        facet = selectors.facet_counts(request.GET, name)
        body[name] = [{"slug": o.value, "name": o.label, "count": o.count} for o in facet.options]
    return JsonResponse(body)
