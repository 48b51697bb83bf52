from __future__ import annotations

from django.urls import path

from rekindle.web.assessments import views

app_name = "assessments"

urlpatterns = [
    path("", views.questionnaire_list, name="list"),
    path("results/<int:response_id>", views.result, name="result"),
    path("<slug:instrument_id>/", views.questionnaire, name="questionnaire"),
    path("<slug:instrument_id>/take", views.take, name="take"),
    path("<slug:instrument_id>/together", views.together, name="together"),
]
