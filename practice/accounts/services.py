"""Writes of accounts: sign-up and its confirmation, unlocking, deletion."""

from axes.utils import reset as axes_reset
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction

from practice.accounts.selectors import accounts_using_email, is_unconfirmed, normalise_email


@transaction.atomic
def account_sign_up(*, email, password):
    """Start an account for `email`, or find the one it already belongs to: (account, needs_confirming).

    A new account is inactive, its username the address, until the link mailed to it is followed. Signing
    up again before that sets the new password and calls for a new link (older links stop working). An
    address that already has a confirmed account changes nothing: that account is returned with False,
    and the caller tells its owner by mail. The password is hashed either way, so both take as long.
    """
    email = normalise_email(email)
    account = accounts_using_email(email).order_by("pk").first()
    if account is None:
        try:
            with transaction.atomic():
                account = get_user_model().objects.create_user(
                    username=email, email=email, password=password, is_active=False
                )
            return account, True
        except IntegrityError:  # the same address, signed up a moment ago from elsewhere
            account = accounts_using_email(email).order_by("pk").first()
    if account is not None and is_unconfirmed(account):
        account.set_password(password)
        account.save(update_fields=["password"])
        return account, True
    make_password(password)
    return account, False


@transaction.atomic
def account_confirm(*, user):
    """The reader followed the link mailed to their address: the account may log in from now on.

    One conditional UPDATE, so of two clicks at once only one confirms (True); the other gets False.
    """
    confirmed = (
        get_user_model()
        .objects.filter(pk=user.pk, is_active=False, last_login=None, password=user.password)
        .update(is_active=True)
    )
    if confirmed:
        user.is_active = True
    return bool(confirmed)


@transaction.atomic
def account_delete(*, user):
    """Delete the reader and, through the foreign keys, every attempt, card, note, bookmark, quiz and mock."""
    user.delete()


@transaction.atomic
def account_unlock(*, user):
    """Forget the failed log-ins counted against this account (backends.lockout_username names it)."""
    axes_reset(username=user.username.lower())
