from __future__ import annotations

from typing import Any

from django import forms

from rekindle.web.progress.models import KINDS

TEXT_MAX_LENGTH = 2000


class ProgressEntryForm(forms.Form):
    kind = forms.ChoiceField(label="Is this a win or a challenge?", choices=KINDS)
    text = forms.CharField(
        label="What happened?",
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_text(self) -> str:
        text = str(self.cleaned_data["text"]).strip()
        if not text:
            raise forms.ValidationError("Please write a few words.")
        return text
