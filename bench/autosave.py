"""Measure mock-interview autosave in real Chromium: how often it saves and how much typing is at risk.

Usage: .venv/bin/python bench/autosave.py   (needs /usr/bin/chromium; uses a throwaway SQLite database)
Prints a table. Nothing here asserts a time: it reports what it saw.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = Path(tempfile.mkdtemp()) / "autosave.sqlite3"
os.environ.update(
    {"DATABASE_URL": f"sqlite:///{DB}", "DJANGO_SETTINGS_MODULE": "config.settings", "DJANGO_DEBUG": "1"}
)
# Playwright's sync API runs an event loop in this thread; the ORM reads here are plain and synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import django  # noqa: E402

django.setup()
from django.core.management import call_command  # noqa: E402

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
]
TYPING_SECONDS = 20
KEY_DELAY_MS = 120  # about 8 characters a second, a fast typist


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main():
    call_command("migrate", verbosity=0)
    call_command("loadbank", stdout=open(os.devnull, "w"))
    from django.contrib.auth import get_user_model

    from practice.models import MockSlot

    get_user_model().objects.create_user("bench", "bench@example.com", "bench-Pass-1234")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(base_url=f"http://127.0.0.1:{port}")
            page.goto("/accounts/login/")
            page.get_by_label("Username").fill("bench")
            page.get_by_label("Password").fill("bench-Pass-1234")
            page.get_by_role("button", name="Log in").click()
            page.goto("/mock/new/")
            page.get_by_role("button", name="Start: 20 min").first.click()
            saves = []
            page.on(
                "request",
                lambda request: saves.append(time.monotonic()) if request.url.endswith("/save/") else None,
            )
            box = page.get_by_label("Your answer")
            box.click()
            started = time.monotonic()
            typed = 0
            while time.monotonic() - started < TYPING_SECONDS:
                box.press_sequentially("model ", delay=KEY_DELAY_MS)
                typed += 6
            stopped = time.monotonic()
            slot = MockSlot.objects.get(position=1)
            expected = box.input_value()
            while MockSlot.objects.get(pk=slot.pk).answer != expected and time.monotonic() - stopped < 10:
                time.sleep(0.05)
            stored_after = time.monotonic() - stopped
            gaps = [b - a for a, b in zip(saves, saves[1:], strict=False) if b < stopped]
            browser.close()
    finally:
        server.terminate()
        server.wait()

    rows = [
        ("typing time", f"{TYPING_SECONDS} s at {1000 // KEY_DELAY_MS} keys/s ({typed} characters)"),
        ("saves sent while typing", str(sum(1 for moment in saves if moment < stopped))),
        ("longest gap between saves while typing", f"{max(gaps):.2f} s" if gaps else "n/a"),
        ("last keystroke -> text stored in the database", f"{stored_after:.2f} s"),
        ("at risk on a crash (no network, no localStorage)", f"at most {max(gaps or [0]):.1f} s of typing"),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"{'measure'.ljust(width)} | value")
    print(f"{'-' * width}-|-{'-' * 40}")
    for name, value in rows:
        print(f"{name.ljust(width)} | {value}")


if __name__ == "__main__":
    main()
