"""Real headless Chromium (Debian's package) driven by Playwright against Django's live server.

Locally the browser tests skip with a message when Chromium is missing; in CI (CI=true) that is a failure.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM}; install it with `apt-get install -y chromium`."
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message + " CI must run the browser tests.")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _page(chromium, live_server, width, height):
    context = chromium.new_context(base_url=live_server.url, viewport={"width": width, "height": height})
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # A Content-Security-Policy violation (an inline script or style) shows up as a console error.
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    page.js_errors = errors
    return context, page


@pytest.fixture
def desktop_page(chromium, live_server):
    context, page = _page(chromium, live_server, 1440, 900)
    yield page
    assert page.js_errors == [], page.js_errors
    context.close()


@pytest.fixture
def phone_page(chromium, live_server):
    context, page = _page(chromium, live_server, 375, 812)
    yield page
    assert page.js_errors == [], page.js_errors
    context.close()
