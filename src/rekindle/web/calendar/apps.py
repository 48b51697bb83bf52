from __future__ import annotations

from django.apps import AppConfig


class CalendarConfig(AppConfig):
    name = "rekindle.web.calendar"
    label = "calendar_feed"
    verbose_name = "Calendar feed of rituals"
