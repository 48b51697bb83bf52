from __future__ import annotations

from django.urls import path

from rekindle.web.checkins import views

app_name = "checkins"

urlpatterns = [
    path("", views.today, name="today"),
    path("<int:check_in_id>", views.check_in_detail, name="detail"),
    path("review", views.review, name="review"),
    path("review/<str:measure>.svg", views.review_chart, name="review_chart"),
]
