"""A synthetic bank and its readers, in bulk, for measuring pages at scale (`generate_bench_data`).

Questions get realistic stored HTML (a handful of answers rendered once by the real pipeline, reused),
two companies and two roles each, and their search index (one UPDATE on PostgreSQL; the FTS5 triggers
on SQLite). Readers get attempts, review cards and finished mock interviews; one heavy reader holds
`heavy_attempts` attempts. Every generated row is recognisable by PREFIX in a slug or user name, so
the command can tell generated data from real content and refuse to write next to the latter.
"""

import random
import uuid
from dataclasses import dataclass
from datetime import timedelta
from html import escape

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from bank.caching import bump_bank_version
from bank.models import Company, Difficulty, Kind, Question, Role, SampleAnswer, Status, Topic
from bank.rendering import html_to_text, render_inline_markdown, render_markdown
from practice.benchtext import BODIES, CONTEXTS, KEY_POINTS, OPENERS, TASKS, TOOLS
from practice.mocks.models import MockInterview, MockSlot
from practice.study import tallies
from practice.study.models import Attempt, Grade, GradeTally, ReviewCard

PREFIX = "bench-"
HEAVY_USERNAME = f"{PREFIX}heavy"
PASSWORD = "bench-password-not-secret"
BATCH = 5_000
HEAVY_CARDS = 2_000
CARDS_PER_READER = 10
HEAVY_MOCKS = 100
SLOTS_PER_MOCK = 5
ANSWERS = [
    "I would log inputs and outputs with the model version, then compare windows before alerting.",
    "Start with a shadow deployment, then a one percent canary with a written stop rule.",
    "Define the feature once and serve the same values offline and online; compare a daily sample.",
]


class RealContent(Exception):
    """The database holds questions or users the generator did not make."""


@dataclass
class Sizes:
    questions: int
    attempts: int
    users: int
    heavy_attempts: int = 10_000


def real_content():
    """A short description of the non-generated content in the database, or '' when there is none."""
    questions = Question.objects.exclude(slug__startswith=PREFIX).count()
    users = get_user_model().objects.exclude(username__startswith=PREFIX).count()
    parts = [f"{questions} questions"] if questions else []
    parts += [f"{users} users"] if users else []
    return " and ".join(parts)


def _batches(items, size=BATCH):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _taxonomy(model, names, **extra):
    wanted = [
        model(name=f"{name}", slug=f"{PREFIX}{index}-{name.lower().replace(' ', '-')}", **extra)
        for index, name in enumerate(names)
        if not model.objects.filter(name=name).exists()
    ]
    model.objects.bulk_create(wanted)
    return list(model.objects.all())


def clear_generated():
    """Remove a previous run's rows (raw deletes: a million attempts through the ORM collector is slow)."""
    users = get_user_model().objects.filter(username__startswith=PREFIX)
    questions = Question.objects.filter(slug__startswith=PREFIX)
    for queryset in (
        Attempt.objects.filter(user__in=users),
        Attempt.objects.filter(question__in=questions),
        ReviewCard.objects.filter(user__in=users),
        GradeTally.objects.filter(user__in=users),
        MockSlot.objects.filter(mock__user__in=users),
        MockInterview.objects.filter(user__in=users),
        SampleAnswer.objects.filter(question__in=questions),
        Question.companies.through.objects.filter(question__in=questions),
        Question.roles.through.objects.filter(question__in=questions),
    ):
        queryset._raw_delete(queryset.db)
    questions._raw_delete(questions.db)
    users.delete()


class Generator:
    def __init__(self, sizes, progress, seed=10):
        self.sizes, self.progress, self.random = sizes, progress, random.Random(seed)
        self.now = timezone.now()

    def run(self):
        with transaction.atomic():
            clear_generated()
            question_ids = self.questions()
            self.index_for_search()
        with transaction.atomic():
            users = self.users()
            self.attempts(users, question_ids)
            self.review_cards(users, question_ids)
            self.mocks(users, question_ids)
            tallies.recount(users)  # bulk inserts skip attempt_grade, which keeps the tallies
        with connection.cursor() as cursor:
            # Fresh planner statistics: without them SQLite guesses that `status = 'published'` picks ten
            # rows and probes the FTS5 index once per question instead of reading the matches once. On
            # PostgreSQL, VACUUM too, as autovacuum would soon after a bulk load: it marks the pages
            # all-visible, so counts by topic, difficulty and kind read only the (status, ...) indexes
            # (the list's facets: 1.1 s -> 0.26 s at 100,000 questions).
            # (VACUUM cannot run inside a transaction, as in a test.)
            vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
        bump_bank_version()  # bulk inserts send no signals

    # The bank ---------------------------------------------------------------------------------------
    def _templates(self):
        """(body_html, body_text) for each answer body, rendered once through the real pipeline."""
        return [(render_markdown(body), html_to_text(render_markdown(body))) for body in BODIES]

    def questions(self):
        topics = _taxonomy(Topic, ["Serving", "Monitoring", "Pipelines", "Feature stores", "LLM ops"])
        roles = _taxonomy(Role, ["ML engineer", "MLOps engineer", "Data scientist", "Platform engineer"])
        companies = _taxonomy(Company, [f"Company {letter}" for letter in "ABCDEFGHIJKLMNOPQRST"])
        templates = self._templates()
        points_html = [render_inline_markdown(point) for point in KEY_POINTS]
        why_html = render_markdown(
            "It shows whether you have run a model in production, not only trained one."
        )
        rng, total = self.random, self.sizes.questions
        bar = self.progress(total=total, desc="questions", unit="q")
        for start in range(0, total, BATCH):
            rows = []
            for index in range(start, min(start + BATCH, total)):
                title = (
                    f"{OPENERS[index % len(OPENERS)]} {TASKS[index // 8 % len(TASKS)]} "
                    f"{CONTEXTS[index // 160 % len(CONTEXTS)]}? ({index + 1})"
                )
                body_html, body_text = templates[index % len(templates)]
                prompt = f"You join a team {CONTEXTS[index % len(CONTEXTS)]}. {title}"
                tools = rng.sample(TOOLS, 3)
                rows.append(
                    Question(
                        title=title,
                        slug=f"{PREFIX}{index + 1:06d}",
                        prompt=prompt,
                        prompt_html=f"<p>{escape(prompt)}</p>\n",
                        kind=rng.choice([Kind.CONCEPT, Kind.SCENARIO, Kind.SYSTEM_DESIGN]),
                        difficulty=rng.choice(Difficulty.values),
                        topic=topics[index % len(topics)],
                        tools=tools,
                        why_asked="It shows whether you have run a model in production, not only trained one.",
                        why_asked_html=why_html,
                        key_points=KEY_POINTS,
                        key_points_html=points_html,
                        status=Status.PUBLISHED,
                        search_text=" ".join([prompt, " ".join(tools), " ".join(KEY_POINTS), body_text]),
                    )
                )
            created = Question.objects.bulk_create(rows)
            if not connection.features.can_return_rows_from_bulk_insert:
                created = list(
                    Question.objects.filter(slug__in=[row.slug for row in rows]).only("id", "slug")
                )
            self._answers_and_tags(created, templates, roles, companies)
            bar.update(len(rows))
        bar.close()
        return list(Question.objects.published().values_list("id", flat=True))

    def _answers_and_tags(self, created, templates, roles, companies):
        rng = self.random
        SampleAnswer.objects.bulk_create(
            SampleAnswer(
                question_id=question.pk,
                body=BODIES[int(question.slug[len(PREFIX) :]) % len(BODIES)],
                body_html=templates[int(question.slug[len(PREFIX) :]) % len(templates)][0],
                is_featured=True,
            )
            for question in created
        )
        Question.roles.through.objects.bulk_create(
            Question.roles.through(question_id=question.pk, role_id=role.pk)
            for question in created
            for role in rng.sample(roles, 2)
        )
        Question.companies.through.objects.bulk_create(
            Question.companies.through(question_id=question.pk, company_id=company.pk)
            for question in created
            for company in rng.sample(companies, 2)
        )

    def index_for_search(self):
        """PostgreSQL: every new question's tsvector in one UPDATE (SQLite's FTS5 triggers already ran)."""
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE bank_question SET search_vector = "
                "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
                "setweight(to_tsvector('english', coalesce(search_text, '')), 'B') "
                "WHERE slug LIKE %s",
                [f"{PREFIX}%"],
            )

    # Readers ----------------------------------------------------------------------------------------
    def users(self):
        password = make_password(PASSWORD)
        User = get_user_model()
        names = [HEAVY_USERNAME] + [f"{PREFIX}reader{n:06d}" for n in range(1, self.sizes.users)]
        for batch in _batches(names):
            User.objects.bulk_create(
                User(username=name, email=f"{name}@example.com", password=password) for name in batch
            )
        return list(
            User.objects.filter(username__startswith=PREFIX).order_by("pk").values_list("pk", flat=True)
        )

    def _owners(self, users):
        """The owner of each attempt: the heavy reader first, then the others in turn."""
        heavy = min(self.sizes.heavy_attempts, self.sizes.attempts)
        others = users[1:] or users[:1]
        for n in range(self.sizes.attempts):
            yield users[0] if n < heavy else others[(n - heavy) % len(others)]

    def attempts(self, users, question_ids):
        rng, now = self.random, self.now
        answers = [(text, render_markdown(text)) for text in ANSWERS]
        bar = self.progress(total=self.sizes.attempts, desc="attempts", unit="a")
        for batch in _batches(self._owners(users)):
            rows = []
            for user_id in batch:
                answer, answer_html = rng.choice(answers)
                covered = rng.randint(0, len(KEY_POINTS))
                submitted = now - timedelta(minutes=rng.randint(1, 180 * 24 * 60))
                rows.append(
                    Attempt(
                        user_id=user_id,
                        question_id=rng.choice(question_ids),
                        token=uuid.uuid4(),
                        answer=answer,
                        answer_html=answer_html,
                        covered_key_points=list(range(covered)),
                        key_points_total=len(KEY_POINTS),
                        key_points_covered=covered,
                        grade=rng.choice(Grade.values),
                        seconds_spent=rng.randint(30, 900),
                        submitted_at=submitted,
                        graded_at=submitted + timedelta(minutes=2),
                    )
                )
            Attempt.objects.bulk_create(rows)
            bar.update(len(rows))
        bar.close()

    def review_cards(self, users, question_ids):
        """Cards for distinct questions: HEAVY_CARDS for the heavy reader, a few for each other reader."""
        rng, now = self.random, self.now
        plan = [(users[0], min(HEAVY_CARDS, len(question_ids)))]
        plan += [(user_id, min(CARDS_PER_READER, len(question_ids))) for user_id in users[1:]]

        def cards():
            for user_id, count in plan:
                for question_id in rng.sample(question_ids, count):
                    due = now + timedelta(hours=rng.randint(-24 * 20, 24 * 40))  # about a third due
                    yield ReviewCard(
                        user_id=user_id,
                        question_id=question_id,
                        fsrs_card={
                            "state": 2,
                            "step": None,
                            "stability": 5.0,
                            "difficulty": 5.0,
                            "due": due.isoformat(),
                            "last_review": (now - timedelta(days=2)).isoformat(),
                        },
                        due=due,
                        last_reviewed_at=now - timedelta(days=2),
                        last_grade=rng.choice(Grade.values),
                        reviews=rng.randint(1, 8),
                    )

        for batch in _batches(cards()):
            ReviewCard.objects.bulk_create(batch)

    def mocks(self, users, question_ids):
        """Finished mocks: HEAVY_MOCKS for the heavy reader, one for each of the first readers."""
        rng, now = self.random, self.now
        owners = [users[0]] * HEAVY_MOCKS + users[1 : 1 + min(len(users) - 1, 2_000)]
        mocks = []
        for n, user_id in enumerate(owners):
            started = now - timedelta(days=n % 170 + 1, hours=rng.randint(0, 20))
            mocks.append(
                MockInterview(
                    user_id=user_id,
                    title=f"Practice loop {n + 1}",
                    time_limit_seconds=45 * 60,
                    started_at=started,
                    deadline=started + timedelta(minutes=45),
                    finished_at=started + timedelta(minutes=40),
                    current_position=SLOTS_PER_MOCK,
                    current_since=started,
                )
            )
        for batch in _batches(mocks):
            MockInterview.objects.bulk_create(batch)
        mock_ids = MockInterview.objects.filter(user_id__in=set(owners)).values_list("pk", "started_at")
        slots = (
            MockSlot(
                mock_id=mock_id,
                question_id=question_id,
                position=position,
                answer=rng.choice(ANSWERS),
                revision=1,
                saved_at=started + timedelta(minutes=5 * position),
                seconds_used=rng.randint(60, 600),
            )
            for mock_id, started in mock_ids
            for position, question_id in enumerate(
                rng.sample(question_ids, min(SLOTS_PER_MOCK, len(question_ids))), 1
            )
        )
        for batch in _batches(slots):
            MockSlot.objects.bulk_create(batch)
