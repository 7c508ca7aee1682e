"""Log in with an e-mail address; django-axes counts the failures.

Sign-up makes the e-mail address (lower-cased) the username, so for those accounts the two are one;
accounts made before still log in with their username, or with their address when no other account
shares it. Inactive accounts (sign-ups not yet confirmed) cannot log in.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from practice.accounts.selectors import account_for_login


class EmailOrUsernameBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        user = account_for_login(username)
        if user is None:
            # Hash anyway, so an unknown address takes as long as a wrong password.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


def lockout_username(request, credentials=None):
    """What django-axes counts failures against: the account the typed name reaches (by username or
    e-mail address, so switching between them gains no tries), else the typed name lower-cased."""
    if credentials and credentials.get("username") is not None:
        typed = credentials["username"]
    else:
        typed = request.POST.get("username", "") if request is not None else ""
    typed = str(typed).strip()
    user = account_for_login(typed)
    return user.username.lower() if user is not None else typed.lower()
