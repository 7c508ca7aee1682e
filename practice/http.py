"""Small request helpers shared by the practice views."""

from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

# A `next` longer than this is not a page of ours.
MAX_NEXT_LENGTH = 2_000


def posted_data(request):
    """The POST data to bind a form to, or None on GET (an empty POST still counts as a submit)."""
    return request.POST if request.method == "POST" else None


def is_safe_next(request, target):
    """True when `target` is a path on this site: starts with one "/" and Django finds no other host in it.

    "foo" (a relative URL, which `redirect()` would even try as a view name), "//evil.example" and
    "https://evil.example" are all refused.
    """
    return (
        bool(target)
        and len(target) <= MAX_NEXT_LENGTH
        and target.startswith("/")
        and not target.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    )


def safe_next_url(request, default=""):
    """The `next` the request carries, if it is a path on this site; otherwise `default` (a URL or a URL name)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if is_safe_next(request, target):
        return target
    return resolve_url(default) if default else ""


def whole_number(raw, *, default=None, maximum=10**9):
    """`raw` as an int when it is ASCII digits only and at most `maximum`; otherwise `default`.

    str.isdigit() accepts "²" and numbers too long for int(); this does not.
    """
    raw = (raw or "").strip()
    if not raw or len(raw) > len(str(maximum)) or not (raw.isascii() and raw.isdigit()):
        return default
    value = int(raw)
    return value if value <= maximum else default
