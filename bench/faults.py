"""PostgreSQL restarted while two app servers serve readers: what fails, how fast it recovers, what is lost.

Two gunicorn servers on loopback share one PostgreSQL database. Twenty readers post practice answers
and mock autosaves, alternating between the servers, while this script restarts PostgreSQL. It prints
a table and exits non-zero when a promise is broken:

- at most one failed request per gunicorn worker thread (only a query in flight when the server dies
  fails; a request that arrives during the restart waits for the database, config/postgresql);
- every request succeeds again within 5 seconds of the database accepting connections;
- /readyz is not ready while the database is down (503, or no answer within 1 s, as a load balancer
  would count it);
- no acknowledged write is lost: every answer acknowledged with a redirect is stored, and every mock
  holds at least the newest text acknowledged for it.

It restarts the machine's PostgreSQL cluster, so it runs as its own step (`make faults`, and CI), never
inside the test suite. Usage: .venv/bin/python bench/faults.py [--readers 20] [--seconds 20]
"""

import argparse
import re
import sys
import threading
import time
import uuid

import requests
from drill import (
    PORTS,
    ROOT,
    THREADS_PER_WORKER,
    WORKERS_PER_SERVER,
    cluster,
    database_env,
    database_is_up,
    prepare_database,
    sh,
    start_servers,
)

HIDDEN = re.compile(r'name="(?P<name>csrfmiddlewaretoken|token|started)" value="(?P<value>[^"]+)"')


class Reader(threading.Thread):
    def __init__(self, number, session_key, mock_id, slug, stop):
        super().__init__(daemon=True)
        self.number, self.mock_id, self.slug, self.stop = number, int(mock_id), slug, stop
        self.http = requests.Session()
        self.http.cookies.set("sessionid", session_key, domain="127.0.0.1")
        self.acked_tokens, self.acked_revision, self.acked_text = [], 0, ""
        self.failures, self.successes = [], []  # (time, what)
        self.revision = 0

    def base(self, turn):
        return f"http://127.0.0.1:{PORTS[(self.number + turn) % len(PORTS)]}"

    def run(self):
        turn = 0
        while not self.stop.is_set():
            turn += 1
            try:
                self.answer(self.base(turn))
                self.autosave(self.base(turn + 1))
            except requests.RequestException as error:
                self.failures.append((time.monotonic(), f"connection: {type(error).__name__}"))
            time.sleep(0.05)

    def _check(self, response, what):
        if response.status_code >= 500:
            self.failures.append((time.monotonic(), f"{what}: {response.status_code}"))
            return False
        self.successes.append(time.monotonic())
        return True

    def answer(self, base):
        page = self.http.get(f"{base}/practice/q/{self.slug}/", timeout=30)
        if not self._check(page, "practise page"):
            return
        fields = {m.group("name"): m.group("value") for m in HIDDEN.finditer(page.text)}
        token = str(uuid.uuid4())
        response = self.http.post(
            f"{base}/practice/q/{self.slug}/",
            data={**fields, "token": token, "answer": f"reader {self.number} answer {token}"},
            allow_redirects=False,
            timeout=30,
        )
        if self._check(response, "answer") and response.status_code == 302:
            self.acked_tokens.append(token)

    def autosave(self, base):
        self.revision += 1
        text = f"reader {self.number} mock draft {self.revision}"
        response = self.http.post(
            f"{base}/mock/{self.mock_id}/q/1/save/",
            data={"answer": text, "revision": str(self.revision)},
            headers={"X-CSRFToken": self.http.cookies.get("csrftoken", "")},
            timeout=30,
        )
        if (
            self._check(response, "autosave")
            and response.status_code == 200
            and response.json().get("stored")
        ):
            self.acked_revision, self.acked_text = self.revision, text


def watch_readiness(stop, seen):
    while not stop.is_set():
        for port in PORTS:
            try:
                status = requests.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code
            except requests.RequestException:
                status = 0
            seen.append((time.monotonic(), status))
        time.sleep(0.1)


def verify(readers):
    tokens = [token for reader in readers for token in reader.acked_tokens]
    (ROOT / ".faults-tokens").write_text("\n".join(tokens))
    mocks = ";".join(f"{r.mock_id}:{r.acked_revision}:{r.acked_text}" for r in readers)
    script = f"""
from pathlib import Path
from practice.models import Attempt, MockSlot
tokens = Path("{ROOT / ".faults-tokens"}").read_text().split()
stored = set(str(t) for t in Attempt.objects.filter(token__in=tokens).values_list("token", flat=True))
print("missing_answers", len(set(tokens) - stored))
lost = 0
for item in "{mocks}".split(";"):
    mock_id, revision, text = item.split(":", 2)
    slot = MockSlot.objects.get(mock_id=int(mock_id), position=1)
    if slot.revision < int(revision) or (slot.revision == int(revision) and slot.answer != text):
        lost += 1
print("lost_mock_saves", lost)
"""
    out = sh(
        str(ROOT / ".venv" / "bin" / "python"),
        "manage.py",
        "shell",
        "-c",
        script,
        cwd=ROOT,
        env=database_env(),
    ).stdout
    (ROOT / ".faults-tokens").unlink()
    numbers = dict(line.split() for line in out.splitlines() if line.startswith(("missing_", "lost_")))
    return len(tokens), int(numbers["missing_answers"]), int(numbers["lost_mock_saves"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20, help="load after the database is back")
    args = parser.parse_args()
    if not database_is_up():
        sys.exit("PostgreSQL is not running at 127.0.0.1:5432.")
    sessions = prepare_database(args.readers)
    servers = start_servers()
    stop, readiness = threading.Event(), []
    readers = [Reader(n, *sessions[n], stop) for n in range(args.readers)]
    watcher = threading.Thread(target=watch_readiness, args=(stop, readiness), daemon=True)
    try:
        for thread in [*readers, watcher]:
            thread.start()
        time.sleep(5)
        version, name = cluster()
        sh("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "stop", "-m", "fast")
        went_down = time.monotonic()  # the stop command returns once the server is down
        time.sleep(2)
        start_issued = time.monotonic()
        sh("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start")
        while not database_is_up():
            time.sleep(0.1)
        came_back = time.monotonic()
        time.sleep(args.seconds)
    finally:
        stop.set()
        for thread in readers:
            thread.join(timeout=60)
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
        if not database_is_up():
            version, name = cluster()
            sh("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start")

    failures = sorted(f for reader in readers for f in reader.failures)
    last_failure = failures[-1][0] if failures else went_down
    recovered_after = max(0.0, last_failure - came_back)
    # Certainly down: after the stop returned and before the start was even asked for.
    while_down = [status for moment, status in readiness if went_down + 0.3 < moment < start_issued]
    # A load balancer counts a timeout (0 here) as "not ready" too; a 200 would be the broken promise.
    ready_503, checks_while_down = sum(status != 200 for status in while_down), len(while_down)
    acked, missing, lost = verify(readers)
    workers = len(PORTS) * WORKERS_PER_SERVER * THREADS_PER_WORKER
    successes = sum(len(reader.successes) for reader in readers)
    rows = [
        ("requests that succeeded", successes, ""),
        ("requests that failed", len(failures), f"at most {workers} (one per worker thread)"),
        ("database down for (s)", f"{came_back - went_down:.1f}", ""),
        ("last failure after it was back (s)", f"{recovered_after:.1f}", "at most 5.0"),
        (
            "/readyz not ready (503 or timeout) while down",
            f"{ready_503} of {checks_while_down}",
            "every check",
        ),
        ("acknowledged answers", acked, ""),
        ("acknowledged answers missing", missing, "0"),
        ("mocks missing their newest acknowledged text", lost, "0"),
    ]
    width = max(len(name) for name, _, _ in rows)
    print(f"\n{'measure'.ljust(width)} | value | promise")
    for name, value, promise in rows:
        print(f"{name.ljust(width)} | {value} | {promise}")
    print(
        f"/readyz while down, by status: { {status: while_down.count(status) for status in set(while_down)} }"
    )
    for moment, what in failures:
        print(f"  failure at {moment - went_down:+.1f} s from the stop: {what}")
    broken = (
        len(failures) > workers
        or recovered_after > 5
        or missing
        or lost
        or (checks_while_down and ready_503 < checks_while_down)
    )
    print("\nbroken promise" if broken else "\nall promises kept")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
