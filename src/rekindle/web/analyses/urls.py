from __future__ import annotations

from django.urls import path

from rekindle.web.analyses import views

app_name = "analyses"

urlpatterns = [
    path("", views.analysis_list, name="list"),
    path("<int:analysis_id>", views.analysis_detail, name="detail"),
    path("<int:analysis_id>/status", views.analysis_status, name="status"),
    path("<int:analysis_id>/report", views.report_page, name="report"),
    path("<int:analysis_id>/approve", views.approve, name="approve"),
    path("<int:analysis_id>/rerun", views.rerun, name="rerun"),
    path("<int:analysis_id>/delete", views.delete, name="delete"),
]
