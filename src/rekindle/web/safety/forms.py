from __future__ import annotations

from typing import Any

from django import forms

from rekindle.web.safety.questions import Question


class CountryForm(forms.Form):
    country = forms.ChoiceField(label="Show help lines for", required=False)

    def __init__(
        self, *args: Any, choices: list[tuple[str, str]], default_name: str, **kwargs: Any
    ) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        field = self.fields["country"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", f"This server’s choice ({default_name})"), *choices]


class QuestionsForm(forms.Form):
    """A set of plain questions as labelled radio groups."""

    def __init__(
        self, *args: Any, questions: tuple[Question, ...], required: bool, **kwargs: Any
    ) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[question.id] = forms.ChoiceField(
                label=question.text,
                choices=list(question.choices),
                required=required,
                widget=forms.RadioSelect,
                error_messages={"required": "Please answer this one too."},
            )

    def answers(self) -> dict[str, str]:
        return {q.id: str(self.cleaned_data.get(q.id) or "") for q in self.questions}


class EndSafetyModeForm(forms.Form):
    confirm = forms.BooleanField(
        label="Yes, end private safety mode now",
        error_messages={"required": "Tick the box to end it; nothing changes until you do."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
