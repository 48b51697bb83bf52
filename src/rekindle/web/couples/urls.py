from __future__ import annotations

from django.urls import path

from rekindle.web.couples import views

app_name = "couples"

urlpatterns = [
    path("", views.couple_home, name="home"),
    path("invite", views.invite, name="invite"),
    path("invitations/<int:invitation_id>/withdraw", views.withdraw, name="withdraw"),
    path("join/<str:token>", views.join, name="join"),
    path("unlink", views.unlink, name="unlink"),
]
