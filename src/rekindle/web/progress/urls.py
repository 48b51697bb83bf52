from __future__ import annotations

from django.urls import path

from rekindle.web.progress import views

app_name = "progress"

urlpatterns = [
    path("", views.progress_log, name="log"),
    path("<int:entry_id>", views.entry_detail, name="detail"),
    path("<int:entry_id>/delete", views.delete, name="delete"),
]
