"""Small request helpers shared by the practice views."""

from django.utils.http import url_has_allowed_host_and_scheme


def posted_data(request):
    """The POST data to bind a form to, or None on GET (an empty POST still counts as a submit)."""
    return request.POST if request.method == "POST" else None


def safe_next_url(request, default=""):
    """The `next` the request carries, if it is a path on this site; otherwise `default`.

    Only a path ("/…") is taken: `redirect("foo")` would try "foo" as a URL name and fail.
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def whole_number(raw, *, default=None, maximum=10**9):
    """`raw` as an int when it is ASCII digits only and at most `maximum`; otherwise `default`.

    str.isdigit() accepts "²" and numbers too long for int(); this does not.
    """
    raw = (raw or "").strip()
    if not raw or len(raw) > len(str(maximum)) or not (raw.isascii() and raw.isdigit()):
        return default
    value = int(raw)
    return value if value <= maximum else default
