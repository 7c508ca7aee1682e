"""Writes of accounts: sign-up and deletion."""

from axes.utils import reset as axes_reset
from django.db import transaction


@transaction.atomic
def account_create(*, form):
    """Create the reader from a valid sign-up form."""
    return form.save()


@transaction.atomic
def account_delete(*, user):
    """Delete the reader and, through the foreign keys, every attempt, card, note, bookmark, quiz and mock."""
    user.delete()


@transaction.atomic
def account_unlock(*, user):
    """Forget the failed log-ins counted against this account (backends.lockout_username names it)."""
    axes_reset(username=user.username.lower())
