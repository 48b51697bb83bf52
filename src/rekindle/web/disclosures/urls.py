from __future__ import annotations

from django.urls import path

from rekindle.web.disclosures import views

app_name = "disclosures"

urlpatterns = [
    path("dismiss", views.dismiss, name="dismiss"),
]
