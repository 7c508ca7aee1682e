"""The link that confirms a sign-up's e-mail address: signed, time-limited and single-use.

The token carries the account, where the reader was going (`next`) and a fingerprint of the account's
state (password hash, active flag, last log-in). Confirming changes that state, and so does signing up
again with a new password, so a link works once and only the newest one works.
"""

from django.contrib.auth import get_user_model
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

from practice.accounts.selectors import is_unconfirmed
from practice.limits import CONFIRMATION_LINK_DAYS

SALT = "practice.accounts.confirm-email"


def _fingerprint(user):
    state = f"{user.pk}|{user.password}|{user.is_active}|{user.last_login}"
    return salted_hmac(SALT, state).hexdigest()[:32]


def confirmation_token(user, next_url=""):
    return signing.dumps({"user": user.pk, "state": _fingerprint(user), "next": next_url}, salt=SALT)


def read_confirmation_token(token):
    """(account, next) for a good token; (None, "") for a forged, expired, used or superseded one."""
    try:
        data = signing.loads(token, salt=SALT, max_age=CONFIRMATION_LINK_DAYS * 24 * 60 * 60)
        user = get_user_model().objects.filter(pk=int(data["user"])).first()
        state, next_url = str(data["state"]), str(data.get("next") or "")
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None, ""
    if user is None or not is_unconfirmed(user) or not constant_time_compare(state, _fingerprint(user)):
        return None, ""
    return user, next_url
