from __future__ import annotations

from typing import Any, cast

from django import forms

from rekindle.web.habits.catalogue import HabitIdea
from rekindle.web.habits.models import CADENCES


class ChooseHabitForm(forms.Form):
    intervention_id = forms.ChoiceField(label="A habit to take on", widget=forms.RadioSelect)

    def __init__(self, *args: Any, ideas: list[HabitIdea], **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        choice = cast(forms.ChoiceField, self.fields["intervention_id"])
        choice.choices = [
            (idea.id, f"{idea.title} ({idea.minutes} min, {idea.usual_cadence})") for idea in ideas
        ]


class HabitSettingsForm(forms.Form):
    cadence = forms.ChoiceField(label="How often", choices=CADENCES)
    reminder_time = forms.TimeField(
        label="Reminder time in your calendar",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    shared_with_partner = forms.BooleanField(
        label="Share this habit and its streak with my partner", required=False
    )

    def __init__(self, *args: Any, has_partner: bool, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if not has_partner:
            del self.fields["shared_with_partner"]
