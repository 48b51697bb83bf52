from __future__ import annotations

from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "rekindle.web.assessments"
    label = "assessments"
    verbose_name = "Questionnaires"
