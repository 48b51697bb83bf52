from __future__ import annotations

from typing import Any

from django import forms

from rekindle.web.accounts.forms import PASSWORD_MAX_LENGTH
from rekindle.web.accounts.models import User


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password, to confirm it is you",
        strip=False,
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = str(self.cleaned_data["password"])
        if not self.user.check_password(password):
            raise forms.ValidationError("That password is not right. Nothing was deleted.")
        return password
