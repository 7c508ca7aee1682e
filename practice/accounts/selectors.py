"""Reads of accounts: finding the account an e-mail address (or an older username) names."""

from django.contrib.auth import get_user_model
from django.db.models import Q


def normalise_email(email):
    """How an e-mail address is stored and compared: trimmed and lower-cased."""
    return (email or "").strip().lower()


def account_for_login(identifier):
    """The account a log-in names: by e-mail address (the username of every account made by sign-up),
    or, for accounts made before, by username or by an e-mail address only that account uses."""
    identifier = (identifier or "").strip()
    if not identifier:
        return None
    User = get_user_model()
    lowered = identifier.lower()
    by_username = {user.username: user for user in User.objects.filter(username__in={identifier, lowered})}
    if by_username:
        return by_username.get(identifier) or by_username[lowered]
    if "@" not in identifier:
        return None
    by_email = list(User.objects.filter(email__iexact=identifier)[:2])
    return by_email[0] if len(by_email) == 1 else None


def accounts_using_email(email):
    """Every account that an e-mail address already belongs to (as its username or its address)."""
    email = normalise_email(email)
    return get_user_model().objects.filter(Q(username__iexact=email) | Q(email__iexact=email))


def is_unconfirmed(user):
    """Signed up but never confirmed: inactive and never logged in (staff deactivate accounts that have)."""
    return not user.is_active and user.last_login is None
