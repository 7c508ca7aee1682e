"""Every URL pattern of the site, walked from the root URL map, and a real URL for each.

A URL is built from its route with values from `kwargs` (real objects, so owner pages name the owner's
attempt, quiz or mock), then resolved again to prove it reaches the view it was built for.
"""

import re
from dataclasses import dataclass

from django.urls import URLResolver, get_resolver, resolve
from django.urls.resolvers import RoutePattern

from access import rule_of


@dataclass(frozen=True)
class Entry:
    name: str  # namespaced, e.g. "practice:attempt"; "admin:?" for the admin's unnamed patterns
    route: str  # the whole route, e.g. "practice/attempts/<int:attempt_id>/"
    callback: object

    @property
    def rule(self):
        return rule_of(self.callback)

    @property
    def kwarg_names(self):
        return re.findall(r"<(?:\w+:)?(\w+)>", self.route)

    def __str__(self):
        return f"{self.name} /{self.route}"


def _walk(patterns, route, namespaces):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from _walk(entry.url_patterns, route + _route_of(entry.pattern), inner)
        else:
            name = ":".join((*namespaces, entry.name or "?"))
            yield Entry(name=name, route=route + _route_of(entry.pattern), callback=entry.callback)


def _route_of(pattern):
    """A pattern as a route: regular expressions become `<name>` placeholders and literal text."""
    if isinstance(pattern, RoutePattern):
        return str(pattern)
    regex = str(pattern).removeprefix("^").removesuffix("$")
    regex = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", regex)
    # The only unnamed groups are django-simple-history's `<object_id>/history/<version_id>/`.
    names = iter(POSITIONAL_NAMES)
    return re.sub(r"\((?!\?)[^)]*\)", lambda match: f"<{next(names)}>", regex)


POSITIONAL_NAMES = ("object_id", "version_id")


def all_entries():
    """Every URL pattern of the project, the admin's included: (name, route, view)."""
    return list(_walk(get_resolver().url_patterns, "", ()))


def build_url(entry, kwargs):
    """The URL of `entry` with each placeholder filled from `kwargs` (a value, or a function of the entry)."""

    def fill(match):
        name = match.group(1)
        if name not in kwargs:
            raise LookupError(f"Teach tests/security/test_url_rules.py a value for <{name}> in {entry}.")
        value = kwargs[name]
        return str(value(entry) if callable(value) else value)

    url = "/" + re.sub(r"<(?:\w+:)?(\w+)>", fill, entry.route)
    match = resolve(url.split("?")[0])
    assert match.func is entry.callback, f"{url} reaches {match.view_name}, not {entry}"
    return url
