"""Keeping each reader's GradeTally rows equal to the sums over their graded attempts.

The rule: for a reader, a topic and a grade, the tally holds the graded answers to questions now in
that topic (`graded`), how many of those questions had key points (`with_key_points`), and over those
the sum of the share of key points covered and the red flags ticked. Three writes can change it:

- grading an answer (attempt_grade calls `count_graded`, in its transaction);
- moving a question to another topic (its answers' share moves with it);
- deleting a question (its attempts go, and so does their share).

The last two are rare curator actions, caught by signals on Question. `recount` rebuilds the tallies
from the attempts, the source of truth: the migration and the bench data generator use it, and so does
`manage.py recount_grade_tallies` should a tally ever be doubted.
"""

from django.db import transaction
from django.db.models import Count, F, FloatField, Q, Sum
from django.db.models.functions import Cast
from django.db.models.signals import pre_delete, pre_save

from practice.study.models import Attempt, GradeTally

SUMS = ("graded", "with_key_points", "coverage_sum", "red_flags_sum")


def _add(user_id, topic_id, grade, shares, sign=1):
    """Add (or with sign=-1, take away) `shares` ({sum name: value}) to one tally row."""
    tally, _ = GradeTally.objects.get_or_create(user_id=user_id, topic_id=topic_id, grade=grade)
    # F() so two gradings at once (two tabs) both count: the database adds, not this process.
    GradeTally.objects.filter(pk=tally.pk).update(**{name: F(name) + sign * shares[name] for name in SUMS})


def _sums(attempts):
    """Per (user, topic, grade) group of graded `attempts`: the four sums, as the tallies hold them."""
    with_key_points = Q(key_points_total__gt=0)
    return (
        attempts.filter(graded_at__isnull=False)
        .values("user_id", "question__topic_id", "grade")
        .annotate(
            graded=Count("id"),
            with_key_points=Count("id", filter=with_key_points),
            coverage_sum=Sum(
                Cast("key_points_covered", FloatField()) / F("key_points_total"), filter=with_key_points
            ),
            red_flags_sum=Sum("red_flags_count", filter=with_key_points),
        )
        .order_by()
    )


def _shares(row):
    return {name: row[name] or 0 for name in SUMS}


def count_graded(attempt):
    """Add a newly graded attempt to its reader's tally for its question's topic and its grade (the sums
    read back from the stored row, so grading and a recount share one definition of them)."""
    for row in _sums(Attempt.objects.filter(pk=attempt.pk)):
        _add(row["user_id"], row["question__topic_id"], row["grade"], _shares(row))


def move_question(question_id, old_topic_id, new_topic_id):
    """A question changed topic: its graded answers' share moves from the old topic's tallies."""
    for row in _sums(Attempt.objects.filter(question_id=question_id)):
        _add(row["user_id"], old_topic_id, row["grade"], _shares(row), sign=-1)
        _add(row["user_id"], new_topic_id, row["grade"], _shares(row))


def forget_question(question_id, topic_id):
    """A question is being deleted with its attempts: take their share out of the tallies."""
    for row in _sums(Attempt.objects.filter(question_id=question_id)):
        _add(row["user_id"], topic_id, row["grade"], _shares(row), sign=-1)


@transaction.atomic
def recount(users=None):
    """Rebuild the tallies of `users` (a queryset or list of ids; everyone when None) from their attempts."""
    attempts, tallies = Attempt.objects.all(), GradeTally.objects.all()
    if users is not None:
        attempts, tallies = attempts.filter(user__in=users), tallies.filter(user__in=users)
    tallies.delete()
    GradeTally.objects.bulk_create(
        (
            GradeTally(
                user_id=row["user_id"], topic_id=row["question__topic_id"], grade=row["grade"], **_shares(row)
            )
            for row in _sums(attempts).iterator(chunk_size=2_000)
        ),
        batch_size=2_000,
    )


def _question_saving(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    old_topic_id = sender.objects.filter(pk=instance.pk).values_list("topic_id", flat=True).first()
    if old_topic_id is not None and old_topic_id != instance.topic_id:
        move_question(instance.pk, old_topic_id, instance.topic_id)


def _question_deleting(sender, instance, **kwargs):
    forget_question(instance.pk, instance.topic_id)


def connect_signals():
    from bank.models import Question

    pre_save.connect(_question_saving, sender=Question, dispatch_uid="grade-tallies-question-moved")
    pre_delete.connect(_question_deleting, sender=Question, dispatch_uid="grade-tallies-question-deleted")
