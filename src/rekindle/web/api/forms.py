from __future__ import annotations

from typing import Any

from django import forms

from rekindle.web.api.models import NAME_MAX_LENGTH


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label="What will use this token? (for example, “my sleep tracker script”)",
        max_length=NAME_MAX_LENGTH,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_name(self) -> str:
        name = str(self.cleaned_data["name"]).strip()
        if not name:
            raise forms.ValidationError("Please give the token a name you will recognise.")
        return name
