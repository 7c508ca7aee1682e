from practice.selectors import due_count


def practice_nav(request):
    """The due count shown in the navigation, for signed-in readers (one query)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"review_due_count": due_count(user)}
