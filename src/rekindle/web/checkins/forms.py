from __future__ import annotations

from typing import Any

from django import forms

from rekindle.web.checkins.models import CONNECTION_MAX, CONNECTION_MIN, CheckIn

MOOD_CHOICES = [
    (1, "1 · very low"),
    (2, "2 · low"),
    (3, "3 · okay"),
    (4, "4 · good"),
    (5, "5 · very good"),
]
NOTE_MAX_LENGTH = 4000
APPRECIATION_MAX_LENGTH = 1000


class CheckInForm(forms.ModelForm):  # type: ignore[type-arg]
    mood = forms.TypedChoiceField(
        label="How is your mood today?",
        choices=MOOD_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    connection = forms.IntegerField(
        label=f"How connected do you feel to your partner today, from {CONNECTION_MIN} to "
        f"{CONNECTION_MAX}?",
        min_value=CONNECTION_MIN,
        max_value=CONNECTION_MAX,
    )
    note = forms.CharField(
        label="A note for yourself (optional, private)",
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    shared_with_partner = forms.BooleanField(
        label="Share today's mood, connection and note with my partner",
        required=False,
    )
    appreciation = forms.CharField(
        label="Something you appreciated about your partner today (optional)",
        help_text="They will see it once you have both written one today.",
        required=False,
        max_length=APPRECIATION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    class Meta:
        model = CheckIn
        fields = ("mood", "connection", "note", "shared_with_partner", "appreciation")

    def __init__(self, *args: Any, has_partner: bool, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if not has_partner:
            del self.fields["shared_with_partner"]
            del self.fields["appreciation"]
