from __future__ import annotations

from django.urls import path

from rekindle.web.habits import views

app_name = "habits"

urlpatterns = [
    path("", views.habit_list, name="list"),
    path("choose", views.choose, name="choose"),
    path("<int:habit_id>", views.habit_detail, name="detail"),
    path("<int:habit_id>/tick", views.tick, name="tick"),
    path("<int:habit_id>/settings", views.update, name="update"),
    path("<int:habit_id>/stop", views.stop, name="stop"),
]
