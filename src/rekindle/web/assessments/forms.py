from __future__ import annotations

from typing import Any

from django import forms

from rekindle.assessments import Instrument


class QuestionnaireForm(forms.Form):
    """Every item of one instrument as a labelled radio group. Any item may be skipped; the
    scoring rules decide what can still be scored."""

    def __init__(self, *args: Any, instrument: Instrument, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        for number, item in enumerate(instrument.items, start=1):
            self.fields[item.id] = forms.TypedChoiceField(
                label=f"{number}. {item.text}",
                choices=[
                    (value, item.scale.label_for(value) or str(value))
                    for value in item.scale.values
                ],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not any(cleaned.get(item.id) is not None for item in self.instrument.items):
            raise forms.ValidationError("Answer at least one question, then save.")
        return cleaned

    def answers(self) -> dict[str, int | None]:
        return {item.id: self.cleaned_data.get(item.id) for item in self.instrument.items}
