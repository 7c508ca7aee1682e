"""Forms of accounts: log-in, sign-up and deletion."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core import validators

from practice.accounts.selectors import account_for_login, is_unconfirmed, normalise_email


class LoginForm(AuthenticationForm):
    """Django's log-in form, asking for the e-mail address (accounts made before may type their username)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That email address and password do not match an account. Check both, or reset "
        "your password.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.label = "Email"
        # Set after the field is built, so its length check is added by hand. It runs before
        # authenticate(), whose lockout records (django-axes) keep at most 255 characters.
        field.max_length = 254
        field.validators.append(validators.MaxLengthValidator(254))
        field.widget.attrs.update({"autocomplete": "email", "maxlength": 254, "inputmode": "email"})

    def get_invalid_login_error(self):
        """The right password for a sign-up not yet confirmed: say what to do instead of "wrong password"."""
        account = account_for_login(self.cleaned_data.get("username"))
        password = self.cleaned_data.get("password") or ""
        if account is not None and is_unconfirmed(account) and account.check_password(password):
            return forms.ValidationError(
                "Confirm your email address first: open the link we sent when you signed up. No mail? "
                "Sign up again with the same address and we will send a new link.",
                code="unconfirmed",
            )
        return super().get_invalid_login_error()


class SignupForm(forms.Form):
    """The least we need: an e-mail address (confirmed by a link, it becomes the log-in) and a password."""

    email = forms.EmailField(
        max_length=150,
        label="Email",
        help_text="We send a link to confirm it; it is also how you log in and reset your password.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        strip=False,
        label="Password",
        help_text="At least 8 characters; not a common password, not only digits, not like your address.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def clean(self):
        """Django's password validators, judging the password against the address too."""
        cleaned = super().clean()
        email, password = cleaned.get("email"), cleaned.get("password")
        if password:
            candidate = get_user_model()(username=email or "", email=email or "")
            try:
                password_validation.validate_password(password, candidate)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class DeleteAccountForm(forms.Form):
    password = forms.CharField(widget=forms.PasswordInput, label="Your password, to confirm")

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password
