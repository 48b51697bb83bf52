from __future__ import annotations

from django.urls import path

from rekindle.web.calendar import views

app_name = "calendar"

urlpatterns = [
    path("", views.calendar_home, name="home"),
    path("new-address", views.create, name="create"),
    path("revoke", views.revoke, name="revoke"),
    path("feed/<str:token>.ics", views.feed, name="feed"),
]
