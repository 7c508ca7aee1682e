"""Small request helpers shared by the practice views: forms, a safe `next`, whole numbers, the reader's
address and rate limits."""

import functools
import ipaddress
import logging

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django_ratelimit.core import get_usage
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

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


def client_ip(request):
    """The reader's address, for rate limits and the log-in lockout (settings name this function).

    Behind `TRUSTED_PROXY_COUNT` reverse proxies, each appending to X-Forwarded-For, the reader is the
    entry that many places from the right (what the outermost proxy saw); anything to its left was sent
    by the client and is not believed. With no proxy, or a request that came round it, REMOTE_ADDR.
    """
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(hops) >= count:
            try:
                return str(ipaddress.ip_address(hops[-count]))
            except ValueError:
                pass
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"


def _posted_email(group, request):
    return request.POST.get("email", "").strip().lower()[:254]


# What each kind of counter is keyed on (django-ratelimit keys).
_RATE_KEYS = {"reader": "user", "address": "ip", "email": _posted_email}


def _over_the_limit(request, group, kind, rate):
    """The usage of one counter (counting this request), or None when it cannot be counted.

    A cache that is down does not stop readers: the request goes through and the outage is logged.
    """
    if kind == "reader" and not request.user.is_authenticated:
        return None
    if kind == "email" and not _posted_email(group, request):
        return None
    try:
        usage = get_usage(
            request, group=f"{group}:{kind}", key=_RATE_KEYS[kind], rate=rate, method="POST", increment=True
        )
    except (RedisError, OSError):
        logger.warning("Rate limit %s:%s not counted: the cache is unavailable.", group, kind, exc_info=True)
        return None
    return usage if usage and usage["should_limit"] else None


def _wait(seconds):
    seconds = max(1, seconds)
    if seconds < 90:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = -(-seconds // 60)
    return f"{minutes} minutes"


def rate_limited(group, rates, *, what, note="", json=False):
    """Answer a POST with 429 once one of `rates` is used up, e.g. {"reader": "120/m", "address": "1200/m"}.

    Counted per signed-in reader, per address and per e-mail address posted (practice.limits.RATE_LIMITS).
    `what` names the action in the message ("previews"), `note` may reassure. GET is never counted. The
    rates are read at each request, so a test may lower them.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                for kind, rate in rates.items():
                    usage = _over_the_limit(request, group, kind, rate)
                    if usage is not None:
                        return too_many_requests(
                            request, what=what, note=note, seconds=usage["time_left"], json=json
                        )
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def too_many_requests(request, *, what, seconds, note="", json=False):
    """429 with a message that says what was refused and when to try again (JSON for scripts)."""
    message = f"Too many {what} in a short time. Please wait {_wait(seconds)} and try again. {note}".strip()
    if json:
        response = JsonResponse({"error": message, "retry_after": max(1, seconds)}, status=429)
    else:
        response = render(request, "429.html", {"message": message}, status=429)
    response["Retry-After"] = str(max(1, seconds))
    return response
