"""close_expired_mocks run from two servers at once closes each mock exactly once (PostgreSQL: real
row locks between two connections)."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from practice.mocks import services as mock_services
from practice.models import Attempt, MockInterview
from tests.factories import QuestionFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="runs in the PostgreSQL pass of CI (DATABASE_URL=postgres://...)",
    ),
]


def test_two_servers_closing_expired_mocks_at_once_close_each_exactly_once(owner):
    questions = [QuestionFactory() for _ in range(2)]
    for _ in range(12):
        mock_services.mock_start(user=owner, title="M", questions=questions, time_limit_seconds=60)
    later = timezone.now() + timedelta(minutes=5)
    counts, start = [], threading.Barrier(2)

    def one_server():
        try:
            start.wait()
            counts.append(mock_services.close_expired(now=later))
        finally:
            connections.close_all()

    servers = [threading.Thread(target=one_server) for _ in range(2)]
    for server in servers:
        server.start()
    for server in servers:
        server.join()
    assert sum(counts) == 12, counts
    assert not MockInterview.objects.filter(finished_at__isnull=True).exists()
    assert Attempt.objects.count() == 12 * 2, "one attempt per slot, never two"
