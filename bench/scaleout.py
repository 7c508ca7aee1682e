"""Scale-out: two gunicorn app servers sharing one PostgreSQL and one Redis serve one reader consistently.

Every request alternates between the two servers: log in on one and be signed in on the other, save a
mock answer on one and read it (and have an older save refused) on the other, unpublish a question in
the admin on one and see it gone from the other's cached pages. Prints one row per step and exits
non-zero on any mismatch. Runs on its own database (dropped and recreated), with the servers of
bench/drill.py on two ports.

Usage: REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python bench/scaleout.py
Settings: SCALEOUT_PG_URL (default postgres://postgres@127.0.0.1:5432/interview_scaleout),
SCALEOUT_PORTS (default 8711,8712).
"""

import os
import re
import sys

import drill
import requests

PG_URL = os.environ.get("SCALEOUT_PG_URL", "postgres://postgres@127.0.0.1:5432/interview_scaleout")
PORTS = tuple(int(port) for port in os.environ.get("SCALEOUT_PORTS", "8711,8712").split(","))
PASSWORD = "scale-out-password-1"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

SETUP = f"""
from django.contrib.auth import get_user_model
from bank.models import Kind, Question
from practice.mocks.services import mock_start
User = get_user_model()
reader = User.objects.create_user("reader", "reader@example.com", "{PASSWORD}")
User.objects.create_superuser("curator", "curator@example.com", "{PASSWORD}")
questions = list(Question.objects.published().exclude(kind=Kind.MULTIPLE_CHOICE).order_by("slug")[:2])
mock = mock_start(user=reader, title="Scale-out", questions=questions, time_limit_seconds=3600)
print(mock.pk, questions[1].pk, questions[1].slug)
"""


class Alternating:
    """A browser whose every request goes to the other server than the one before."""

    def __init__(self):
        self.http, self.turn = requests.Session(), 0

    def base(self):
        self.turn += 1
        return f"http://127.0.0.1:{PORTS[self.turn % 2]}"

    def get(self, path):
        base = self.base()
        return base[-4:], self.http.get(base + path, timeout=30, allow_redirects=False)

    def post(self, path, data):
        base = self.base()
        headers = {"X-CSRFToken": self.http.cookies.get("csrftoken", ""), "Referer": base + path}
        return base[-4:], self.http.post(
            base + path, data=data, headers=headers, timeout=30, allow_redirects=False
        )

    def log_in(self, email):
        _, page = self.get("/accounts/login/")
        token = CSRF.search(page.text).group(1)
        return self.post(
            "/accounts/login/", {"csrfmiddlewaretoken": token, "username": email, "password": PASSWORD}
        )


def main():
    if not os.environ.get("REDIS_URL"):
        sys.exit("Set REDIS_URL: the two servers must share one Redis cache.")
    name = PG_URL.rsplit("/", 1)[1]
    drill.sh("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name)
    drill.sh("createdb", "-h", "127.0.0.1", "-U", "postgres", name)
    drill.DATABASE_URL, drill.PORTS = PG_URL, PORTS
    python = str(drill.ROOT / ".venv" / "bin" / "python")
    env = drill.database_env()
    drill.sh(python, "manage.py", "migrate", "--noinput", cwd=drill.ROOT, env=env)
    drill.sh(python, "manage.py", "loadbank", cwd=drill.ROOT, env=env)
    mock_id, question_id, slug = drill.sh(
        python, "manage.py", "shell", "-c", SETUP, cwd=drill.ROOT, env=env
    ).stdout.split()[-3:]
    servers = drill.start_servers()
    steps = []

    def check(what, result, ok):
        port, response = result
        try:
            passed = bool(ok(response))
        except ValueError:  # not JSON: an error page
            passed = False
        steps.append((what, port, response.status_code, passed))

    try:
        reader = Alternating()
        check("log in", reader.log_in("reader@example.com"), lambda r: r.status_code == 302)
        check(
            "signed in on the other server",
            reader.get("/practice/"),
            lambda r: r.status_code == 200 and "reader" in r.text,
        )
        save = f"/mock/{mock_id}/q/1/save/"
        check(
            "mock autosave, revision 2",
            reader.post(save, {"answer": "second draft", "revision": "2"}),
            lambda r: r.json().get("stored") is True,
        )
        check(
            "older revision 1 refused",
            reader.post(save, {"answer": "first draft", "revision": "1"}),
            lambda r: r.json().get("stored") is False,
        )
        check(
            "newest text read back",
            reader.get(f"/mock/{mock_id}/q/1/"),
            lambda r: r.status_code == 200 and "second draft" in r.text,
        )
        visitor = Alternating()
        check(
            "question page, filling the cache",
            visitor.get(f"/questions/{slug}/"),
            lambda r: r.status_code == 200,
        )
        check(
            "question page, other server", visitor.get(f"/questions/{slug}/"), lambda r: r.status_code == 200
        )
        count = visitor.get("/api/questions/")[1].json()["count"]
        curator = Alternating()
        check("curator logs in", curator.log_in("curator@example.com"), lambda r: r.status_code == 302)
        _, changelist = curator.get("/admin/bank/question/")
        token = CSRF.search(changelist.text).group(1)
        check("curator unpublishes in the admin",
              curator.post("/admin/bank/question/", {"csrfmiddlewaretoken": token, "action": "unpublish",
                                                      "_selected_action": question_id}),
              lambda r: r.status_code == 302)  # fmt: skip
        for _ in range(2):
            check(
                "question gone (cached page)",
                visitor.get(f"/questions/{slug}/"),
                lambda r: r.status_code == 404,
            )
        for _ in range(2):
            check(
                "list count one fewer",
                visitor.get("/api/questions/"),
                lambda r: r.json()["count"] == count - 1,
            )
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
    print(
        f"\nTwo gunicorn servers (ports {PORTS[0]}, {PORTS[1]}), one PostgreSQL, one Redis; requests alternate"
    )
    print(f"{'step':<36} {'server':>6} {'status':>6}  ok")
    for what, port, status, ok in steps:
        print(f"{what:<36} {port:>6} {status:>6}  {'yes' if ok else 'NO'}")
    return 0 if all(ok for *_, ok in steps) else 1


if __name__ == "__main__":
    sys.exit(main())
