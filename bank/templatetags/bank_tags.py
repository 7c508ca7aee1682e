from django import template
from django.http import QueryDict

register = template.Library()


def _without(params, *names):
    copy = params.copy() if isinstance(params, QueryDict) else QueryDict(mutable=True)
    for name in names:
        copy.pop(name, None)
    return copy


@register.simple_tag
def without_filter(params, name):
    encoded = _without(params, name, "page").urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag
def page_query(params, number):
    query = _without(params, "page")
    query["page"] = number
    return f"?{query.urlencode()}"


@register.simple_tag
def list_query(params):
    """The list a reader is on, without its page: carried to a question to find previous / next."""
    return _without(params, "page", "page_size").urlencode()


@register.simple_tag
def sort_query(params, name):
    """Query string that orders the list by `name`, keeping the filters and going back to page 1."""
    query = _without(params, "sort", "page")
    if name != "title":
        query["sort"] = name
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"
