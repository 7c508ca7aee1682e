"""Caching what every reader sees the same, keyed by a bank version that every content write bumps.

Facet counts, list counts, a list page's question ids and a published question with its relations are
the same for every reader: they are cached under `bank:<version>:...`. Any write to the bank's content
(admin edit, loadbank, publish/unpublish, a tag added or removed) bumps the version through the
signals below, so the next request reads fresh rows; old entries are never read again and expire.
Personal parts (a reader's attempts, bookmarks, marks) are never cached here: only data is cached,
and pages are rendered per request.

Where the version lives: in the cache itself when it is shared (Redis, every app server sees one
counter). With the per-process memory cache (`make run`, or several workers without REDIS_URL) a
counter in one process's memory would leave the others stale, so the version is the modification time
of a small file instead, which every process on the machine sees.
"""

import functools
import hashlib
import os
import re
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

# Entries of an old version are never read again; this only bounds the memory they hold meanwhile.
TIMEOUT = 60 * 60
# Query parameters a cached list may depend on. Anything else (a registered filter or sort built on
# reader data, a personal filter) makes the list uncached, so a new parameter can never leak.
CACHEABLE_PARAMS = frozenset(
    {"q", "topic", "role", "company", "difficulty", "kind", "page", "page_size", "sort"}
)
# Sorts on the bank's own columns; a sort registered from elsewhere (by readers' reports) is not cached.
CACHEABLE_SORTS = frozenset({"title", "difficulty", "newest"})


def _namespace():
    """`bank:<database>`: two databases sharing one Redis (a benchmark next to a site) never share keys."""
    name = str(settings.DATABASES["default"]["NAME"])
    return f"bank:{hashlib.sha256(name.encode()).hexdigest()[:12]}"


def _version_key():
    return f"{_namespace()}:version"


def _version_file():
    return Path(getattr(settings, "BANK_VERSION_FILE", settings.BASE_DIR / ".bank_version"))


def _process_local():
    return isinstance(cache, LocMemCache) or isinstance(getattr(cache, "_wrapped", None), LocMemCache)


def bank_version():
    """The current version of the bank's content, as a string for cache keys."""
    if _process_local():
        path = _version_file()
        try:
            return str(path.stat().st_mtime_ns)
        except FileNotFoundError:
            path.touch()
            return str(path.stat().st_mtime_ns)
    key = _version_key()
    version = cache.get(key)
    if version is None:
        # A fresh start (or an emptied Redis) never reuses the numbers of an earlier run.
        cache.add(key, time.time_ns(), timeout=None)
        version = cache.get(key, time.time_ns())
    return str(version)


def bump_bank_version():
    """Make every cached bank entry stale: the next read recomputes it."""
    if _process_local():
        path = _version_file()
        path.touch()
        previous = path.stat().st_mtime_ns
        os.utime(path, ns=(previous, max(time.time_ns(), previous + 1)))
        return
    try:
        cache.incr(_version_key())
    except ValueError:  # no counter yet (or Redis away: then nothing is cached either)
        cache.set(_version_key(), time.time_ns(), timeout=None)


def params_key(params, drop=()):
    """A short stable key for the parameters, or None when they hold anything not cacheable."""
    names = sorted(name for name in params.keys() if name not in drop)
    if any(name not in CACHEABLE_PARAMS for name in names):
        return None
    if params.get("sort") and params.get("sort") not in CACHEABLE_SORTS:
        return None
    getlist = params.getlist if hasattr(params, "getlist") else lambda name: [params[name]]
    text = "&".join(f"{name}={value}" for name in names for value in sorted(map(str, getlist(name))))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


MAX_PLAIN_KEY = 100
PLAIN_KEY = re.compile(r"[\w:.-]*", re.ASCII)


def cached(name, key, compute):
    """compute(), kept under this bank version; `key` None means do not cache."""
    if key is None:
        return compute()
    key = str(key)
    if len(key) > MAX_PLAIN_KEY or not PLAIN_KEY.fullmatch(key):
        # A reader typed it (a slug in a URL): hashed, so a key stays short and printable whatever came in.
        key = hashlib.sha256(key.encode()).hexdigest()[:32]
    full_key = f"{_namespace()}:{bank_version()}:{name}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = _compute_once(full_key, compute)
    return value


# How long a request computing a missing entry keeps others waiting for it, at most.
COMPUTING_SECONDS = 10
WAIT_STEP_SECONDS = 0.05


def _compute_once(full_key, compute):
    """compute() for a missing entry, by one request at a time: the others wait for its result.

    Every content write makes every entry miss at once. Without this, each request arriving before the
    first one finished would recompute too: at 100,000 questions the list's facets take about a second
    of database time, so a burst of readers after an edit queued dozens of the same queries.
    """
    lock = f"{full_key}:computing"
    if cache.add(lock, 1, COMPUTING_SECONDS):
        try:
            return _compute_and_keep(full_key, compute)
        finally:
            cache.delete(lock)
    deadline = time.monotonic() + COMPUTING_SECONDS
    # No lock to be seen means the cache is away (add failed, get misses): nobody is computing it.
    while cache.get(lock) is not None and time.monotonic() < deadline:
        time.sleep(WAIT_STEP_SECONDS)
        value = cache.get(full_key)
        if value is not None:
            return value
    value = cache.get(full_key)
    if value is None:  # the computing request failed, or took too long: compute it here
        value = _compute_and_keep(full_key, compute)
    return value


def _compute_and_keep(full_key, compute):
    value = compute()
    cache.set(full_key, value, TIMEOUT)
    return value


def _local_pages():
    """This app server's own memory of the public pages it served last, beside a shared cache (Redis):
    a page found there costs one small read (the bank version) instead of the page crossing the network
    and being unpickled. Its keys hold the bank version, read from the shared cache on every request, so
    an edit made through any app server is shown at once here too. None without a shared cache."""
    return caches["pages"] if "pages" in settings.CACHES else None


def _stored_page(key):
    local = _local_pages()
    stored = local.get(key) if local is not None else None
    if stored is None:
        stored = cache.get(key)
        if stored is not None and local is not None:
            local.set(key, stored, TIMEOUT)
    return stored


def _store_page(key, page):
    cache.set(key, page, TIMEOUT)
    local = _local_pages()
    if local is not None:
        local.set(key, page, TIMEOUT)


def anonymous_page(view):
    """Serve a public page to a visitor who sends no cookie at all from the cache, under the bank version.

    No cookie means no session, no messages and no CSRF token: nothing personal can be on the page. A
    response that sets a cookie (a form with a CSRF token) or is not a 200 is not kept, and a visitor
    with any cookie (every signed-in reader) always gets a page rendered for them. Only addresses whose
    parameters the list understands are kept (CACHEABLE_PARAMS), so made-up parameters cannot fill it.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET" or request.COOKIES or params_key(request.GET) is None:
            return view(request, *args, **kwargs)
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
        key = f"{_namespace()}:{bank_version()}:page:{path}"
        stored = _stored_page(key)
        if stored is not None:
            content_type, content = stored
            response = HttpResponse(content, content_type=content_type)
        else:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.cookies and not response.streaming:
                _store_page(key, (response["Content-Type"], response.content))
        patch_vary_headers(response, ("Cookie",))
        return response

    return wrapper


def content_changed(**kwargs):
    # Now, so the writer's own next request sees it, and again once the transaction commits, so a reader
    # who cached the old rows between the write and the commit does not keep them.
    bump_bank_version()
    transaction.on_commit(bump_bank_version)


def connect_signals():
    from bank.models import Choice, Company, Question, Role, SampleAnswer, StudyPath, StudyPathStep, Topic

    for model in (Question, SampleAnswer, Choice, Topic, Role, Company, StudyPath, StudyPathStep):
        post_save.connect(content_changed, sender=model, dispatch_uid=f"bank-version-save-{model.__name__}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"bank-version-del-{model.__name__}")
    for through in (Question.roles.through, Question.companies.through):
        m2m_changed.connect(
            content_changed, sender=through, dispatch_uid=f"bank-version-m2m-{through.__name__}"
        )
