"""Who may open a view: every view of the site declares one of three rules with a decorator from here.

- `@public`: anyone, signed in or not.
- `@reader_owned`: a signed-in reader (a visitor is sent to log in); the view shows or changes only that
  reader's own data, so another reader's attempt, quiz or mock is a 404 (the view's selector filters by
  the reader; the decorator only lets signed-in readers reach it).
- `@staff_only`: staff (a visitor is sent to log in, a signed-in reader gets 403).

Each decorator records its rule as `view.access_rule`; `rule_of(view)` reads it back, and
tests/test_url_rules.py fails for any URL whose view has none, then checks the rule for a visitor,
another reader and staff. The admin guards itself; `staff_area` declares it staff as a whole.

This package sits below config, practice and bank (pyproject.toml's layers): all three may use it.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.urls import URLPattern, URLResolver

PUBLIC = "public"
OWNER = "signed-in owner"
STAFF = "staff"
RULES = (PUBLIC, OWNER, STAFF)


def _declare(view, rule):
    view.access_rule = rule
    return view


def public(view):
    """Anyone may open it, signed in or not."""
    return _declare(view, PUBLIC)


def reader_owned(view):
    """Signed-in readers only, each seeing and changing only their own data (wraps `login_required`)."""
    return _declare(login_required(view), OWNER)


def staff_only(view):
    """Staff only: a visitor is sent to log in, a signed-in reader who is not staff gets 403."""

    @wraps(view)
    def staff_view(request, *args, **kwargs):
        if not request.user.is_staff:
            raise PermissionDenied("Staff only.")
        return view(request, *args, **kwargs)

    return _declare(login_required(staff_view), STAFF)


def rule_of(view):
    """The rule `view` declares, or None."""
    rule = getattr(view, "access_rule", None)
    return rule if rule in RULES else None


def _declared(view, rule):
    """`view` unchanged in behaviour, carrying `rule` (the admin's views are bound methods and shared)."""

    @wraps(view)
    def declared_view(*args, **kwargs):
        return view(*args, **kwargs)

    return _declare(declared_view, rule)


def _declare_tree(entry, public_names):
    if isinstance(entry, URLResolver):
        patterns = [_declare_tree(child, public_names) for child in entry.url_patterns]
        return URLResolver(entry.pattern, patterns, entry.default_kwargs, entry.app_name, entry.namespace)
    rule = PUBLIC if entry.name in public_names else STAFF
    return URLPattern(entry.pattern, _declared(entry.callback, rule), entry.default_args, entry.name)


def staff_area(included, *, public_names=("login",)):
    """Declare a whole included URL map (the admin's `admin.site.urls`) staff, except its log-in page.

    Nothing changes in how it answers: the admin already sends anyone but staff to its log-in page
    (`AdminSite.admin_view`). This only states that rule where the URL map mounts it.
    """
    patterns, app_name, namespace = included
    return [_declare_tree(entry, public_names) for entry in patterns], app_name, namespace
