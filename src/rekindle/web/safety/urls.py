from __future__ import annotations

from django.urls import path

from rekindle.web.safety import views

app_name = "safety"

urlpatterns = [
    path("", views.home, name="home"),
    path("country", views.set_country, name="country"),
    path("safety-mode/on", views.start_safety_mode, name="start_mode"),
    path("safety-mode/end", views.end_safety_mode, name="end_mode"),
    path("responses/<int:event_id>", views.response, name="response"),
    path("held/<int:held_id>/share", views.share_held, name="share_held"),
    path("recheck", views.recheck, name="recheck"),
    path("questions", views.questions, name="questions"),
]
