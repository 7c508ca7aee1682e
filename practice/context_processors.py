from practice import limits
from practice.study.selectors import due_count


def practice_nav(request):
    """The limits every form template prints, and the due count in the navigation (one query, signed in)."""
    context = {"limits": limits.as_context()}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        context["review_due_count"] = due_count(user)
    return context
