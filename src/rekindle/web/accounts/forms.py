"""Forms for signing up and signing in. Each says what is wrong in words, next to the field."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm

from rekindle.web.accounts.models import User, normalise_email

PASSWORD_MAX_LENGTH = 256


class SignUpForm(forms.Form):
    display_name = forms.CharField(
        label="Your first name, or what your partner calls you",
        max_length=60,
        strip=True,
    )
    email = forms.EmailField(label="Email", max_length=254)

    password = forms.CharField(
        label="Password",
        strip=False,
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 12 characters. A few unrelated words make a good one.",
    )
    password_again = forms.CharField(
        label="The same password again",
        strip=False,
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    confirmed_adult = forms.BooleanField(
        label="I am 18 or older.",
        error_messages={
            "required": "Rekindle is for adults only: please confirm that you are 18 or older."
        },
    )
    accepted_ai_disclosure = forms.BooleanField(
        label=(
            "I understand that Rekindle is an AI coach: software, not a person, and not a "
            "therapist or a substitute for therapy."
        ),
        error_messages={
            "required": "Please read and acknowledge what Rekindle is before you start."
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_email(self) -> str:
        email = normalise_email(self.cleaned_data["email"])
        if User.objects.filter(email=email).exists():
            raise forms.ValidationError(
                "There is already an account with this email. Try signing in, or reset the "
                "password if you have forgotten it."
            )
        return email

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        password = cleaned.get("password")
        again = cleaned.get("password_again")
        if password and again and password != again:
            self.add_error("password_again", "The two passwords are not the same.")
        elif password:
            candidate = User(
                email=cleaned.get("email", ""), display_name=cleaned.get("display_name", "")
            )
            try:
                password_validation.validate_password(password, candidate)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class EmailAuthenticationForm(AuthenticationForm):
    """Django's sign-in form, asking for an email, with a message that blames no one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.error_messages = {
            **self.error_messages,
            "invalid_login": "That email and password do not match an account. Please try again.",
        }
        self.fields["username"].label = "Email"
        self.fields["username"].widget.attrs.update({"autocomplete": "email", "type": "email"})
