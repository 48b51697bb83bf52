from __future__ import annotations

from django.urls import path

from rekindle.web.api import views

app_name = "api_tokens"

urlpatterns = [
    path("", views.tokens, name="list"),
    path("new", views.create, name="create"),
    path("<int:api_token_id>/revoke", views.revoke, name="revoke"),
]
