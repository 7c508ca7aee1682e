"""Readers for `bench/load.py`: browse, search, practise and grade, and type into a mock with autosave.

Each simulated reader signs in with a prepared session (LOAD_SESSIONS names a file of
"session_key mock_id question_slug" lines) and alternates between the app servers in LOAD_SERVERS.
"""

import itertools
import os
import random
import re
import uuid

from locust import HttpUser, between, task

HIDDEN = re.compile(r'name="(?P<name>csrfmiddlewaretoken|token|started)" value="(?P<value>[^"]+)"')
SESSIONS = [line.split() for line in open(os.environ["LOAD_SESSIONS"]).read().splitlines() if line.strip()]
SERVERS = os.environ["LOAD_SERVERS"].split(",")
SEARCHES = ["drift", "canary rollback", "feature store", "kv cache", "a/b test power", "pickle"]
TOPICS = ["serving-and-inference", "monitoring-and-drift", "llmops", "experimentation"]
_next_reader = itertools.count()


class Reader(HttpUser):
    wait_time = between(0.5, 1.5)
    host = SERVERS[0]

    def on_start(self):
        number = next(_next_reader)
        session_key, mock_id, self.slug = SESSIONS[number % len(SESSIONS)]
        self.mock_id, self.revision, self.turn = int(mock_id), 0, number
        for server in SERVERS:
            self.client.cookies.set("sessionid", session_key, domain=server.split("//")[1].split(":")[0])
        # The mock's page sets the CSRF cookie its autosave sends back, as a browser's would.
        self.client.get(f"{self.base()}/mock/{self.mock_id}/q/1/", name="mock question")

    def base(self):
        self.turn += 1
        return SERVERS[self.turn % len(SERVERS)]

    @task(4)
    def browse(self):
        base = self.base()
        self.client.get(f"{base}/", name="home")
        self.client.get(f"{base}/questions/?page={random.randint(1, 9)}", name="list")
        self.client.get(
            f"{base}/questions/?topic={random.choice(TOPICS)}&difficulty=hard", name="list, 2 filters"
        )
        self.client.get(f"{base}/questions/{self.slug}/", name="question")

    @task(2)
    def search(self):
        self.client.get(f"{self.base()}/questions/?q={random.choice(SEARCHES)}", name="search")

    @task(2)
    def practise_and_grade(self):
        base = self.base()
        page = self.client.get(f"{base}/practice/q/{self.slug}/", name="practise page")
        fields = {m.group("name"): m.group("value") for m in HIDDEN.finditer(page.text)}
        if "token" not in fields:
            return
        fields["token"] = str(uuid.uuid4())
        answer = self.client.post(
            f"{base}/practice/q/{self.slug}/",
            data={**fields, "answer": "Shadow first, then a canary with guardrails."},
            name="submit answer",
            allow_redirects=False,
        )
        location = answer.headers.get("Location", "")
        if answer.status_code == 302 and "/attempts/" in location:
            self.client.post(
                f"{self.base()}{location}",
                data={"csrfmiddlewaretoken": fields["csrfmiddlewaretoken"], "grade": "3", "covered": ["0"]},
                name="grade",
                allow_redirects=False,
            )

    @task(3)
    def mock_autosave(self):
        self.revision += 1
        self.client.post(
            f"{self.base()}/mock/{self.mock_id}/q/1/save/",
            data={"answer": f"draft {self.revision} " * 20, "revision": str(self.revision)},
            headers={"X-CSRFToken": self.client.cookies.get("csrftoken", "")},
            name="mock autosave",
        )
