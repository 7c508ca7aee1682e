"""What a browser, a script or an attacker can send: Hypothesis strategies for query strings and forms.

Every field mixes values the view accepts (so examples reach the code past validation) with values it
must refuse: any Unicode a request can carry (NUL included; lone surrogates cannot be encoded), numbers
that only look like numbers, and the hostile Markdown corpus.
"""

from contextlib import contextmanager
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import transaction
from hypothesis import event
from hypothesis import strategies as st

from tests.security import corpus

text = st.text(st.characters(exclude_categories=["Cs"]), max_size=200)
short_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
numbers = st.one_of(
    st.integers(-(10**20), 10**20).map(str),
    st.sampled_from(["", " 1", "1.5", "1e309", "NaN", "0x10", "-0", "²", "¹²", "٣", "９", "9" * 5000]),
)
slugs = st.from_regex(r"\A[a-z0-9-]{0,30}\Z")
hostile_markdown = st.sampled_from(corpus.ALL)
next_urls = st.sampled_from(
    [
        "",
        "/",
        "/practice/",
        "foo",
        "home",
        "practice:dashboard",
        "//evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
        "/\\evil.example",
        "?page=2",
        "#top",
        ".",
        "..",
        "/questions/?q=x",
    ]
)


def one_of_or(valid, *junk):
    """Mostly `valid` (a list of values or a strategy), sometimes junk: text, numbers, or `junk`."""
    valid = st.sampled_from(valid) if isinstance(valid, list | tuple) else valid
    return st.one_of(valid, valid, valid, text, numbers, *junk)


# How many times a field is sent: a required field usually once, an optional one often not at all.
REQUIRED = st.sampled_from([1, 1, 1, 1, 1, 1, 0, 2])
OPTIONAL = st.sampled_from([0, 0, 0, 1, 1, 2])


@st.composite
def pairs(draw, fields, optional=()):
    """(name, value) pairs: each of `fields` (name -> strategy) usually once (`optional` ones usually
    not), sometimes missing or repeated, plus a stray name or two."""
    result = []
    for name, values in fields.items():
        count = draw(OPTIONAL if optional == "all" or name in optional else REQUIRED)
        result += [(name, draw(values)) for _ in range(count)]
    result += draw(st.lists(st.tuples(short_text, text), max_size=2))
    return result


def encoded(fields, optional=()):
    """A urlencoded query string or form body built from `fields` (`optional="all"` for filters)."""
    return pairs(fields, optional).map(lambda items: urlencode(items, encoding="utf-8"))


# Raw query strings, as no form would build them: broken escapes, bytes that are not UTF-8, stray
# separators, names without values. WSGI carries them as latin-1 text.
raw_query = st.lists(
    st.one_of(
        st.sampled_from(
            ["&", "=", ";", "%", "%%", "%zz", "%ff", "%00", "%e2%80", "+", "page=", "q=", "topic="]
        ),
        st.binary(max_size=6).map(lambda b: b.decode("latin-1")),
        st.from_regex(r"\A[a-z_]{1,10}=[^&]{0,10}\Z", alphabet=st.characters(max_codepoint=255)),
    ),
    max_size=12,
).map("".join)


def answered(response):
    """The status, counted per test (`pytest --hypothesis-show-statistics` shows how many reached each)."""
    event(f"answered {response.status_code}")
    return response.status_code


def post_form(client, url, body):
    return answered(client.post(url, body, content_type="application/x-www-form-urlencoded"))


@contextmanager
def rolled_back():
    """Each example starts from the same database and an empty cache: whatever it writes is undone,
    and no rate-limit counter carries over from the examples before it."""
    cache.clear()
    with transaction.atomic():
        yield
        transaction.set_rollback(True)
