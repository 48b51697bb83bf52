from __future__ import annotations

from django.urls import path

from rekindle.web.data import views

app_name = "data"

urlpatterns = [
    path("", views.data_home, name="home"),
    path("export.json", views.export, name="export"),
    path("delete", views.delete_account, name="delete"),
    path("deleted", views.deleted, name="deleted"),
]
