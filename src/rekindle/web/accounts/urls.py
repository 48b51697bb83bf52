from __future__ import annotations

from django.urls import path

from rekindle.web.accounts import views

app_name = "accounts"

urlpatterns = [
    path("sign-up", views.sign_up, name="sign_up"),
    path("sign-in", views.sign_in, name="sign_in"),
    path("sign-out", views.sign_out, name="sign_out"),
    path("signed-out", views.signed_out, name="signed_out"),
    path("password-reset", views.password_reset, name="password_reset"),
    path("password-reset/sent", views.password_reset_sent, name="password_reset_sent"),
    path(
        "password-reset/<uidb64>/<token>",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("password-reset/done", views.password_reset_complete, name="password_reset_complete"),
    path("sessions", views.sessions, name="sessions"),
    path("sessions/<int:session_id>/sign-out", views.revoke_session, name="revoke_session"),
]
