"""The web app's URLs. Each domain app will bring its own ``urls.py`` and be included here."""

from __future__ import annotations

from django.urls import include, path

from rekindle.web import views
from rekindle.web.api.api import api

urlpatterns = [
    path("", views.home, name="home"),
    path("health", views.health, name="health"),
    path("accounts/", include("rekindle.web.accounts.urls")),
    path("couple/", include("rekindle.web.couples.urls")),
    path("check-ins/", include("rekindle.web.checkins.urls")),
    path("questionnaires/", include("rekindle.web.assessments.urls")),
    path("habits/", include("rekindle.web.habits.urls")),
    path("progress/", include("rekindle.web.progress.urls")),
    path("calendar/", include("rekindle.web.calendar.urls")),
    path("my-data/", include("rekindle.web.data.urls")),
    path("privacy/", include("rekindle.web.safety.urls")),
    path("api/", api.urls),
    path("api-tokens/", include("rekindle.web.api.urls")),
    path("analyses/", include("rekindle.web.analyses.urls")),
    path("dashboard/", include("rekindle.web.dashboard.urls")),
    path("disclosure/", include("rekindle.web.disclosures.urls")),
]
