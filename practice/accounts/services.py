"""Writes of accounts: sign-up and deletion."""

from django.db import transaction


@transaction.atomic
def account_create(*, form):
    """Create the reader from a valid sign-up form."""
    return form.save()


@transaction.atomic
def account_delete(*, user):
    """Delete the reader and, through the foreign keys, every attempt, card, note, bookmark, quiz and mock."""
    user.delete()
