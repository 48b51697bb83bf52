"""Account pages: sign up, sign in and out, password reset, and the signed-in browsers."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from rekindle.web.access import access_signed_in_session, signed_in_sessions_of
from rekindle.web.accounts.actions import (
    do_create_user,
    do_forget_expired_sessions,
    do_revoke_session,
    do_sign_out_everywhere,
)
from rekindle.web.accounts.forms import EmailAuthenticationForm, SignUpForm
from rekindle.web.accounts.models import AuthenticatedRequest

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@require_http_methods(["GET", "HEAD", "POST"])
def sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("checkins:today")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = do_create_user(
            email=form.cleaned_data["email"],
            display_name=form.cleaned_data["display_name"],
            password=form.cleaned_data["password"],
        )
        login(request, user, backend=MODEL_BACKEND)
        messages.success(request, f"Welcome, {user.display_name}.")
        # A few private safety questions first, which can be skipped; then on as asked.
        onward = _safe_next(request) or reverse("checkins:today")
        return redirect(
            reverse("safety:questions") + "?" + urlencode({"next": onward, "welcome": "1"})
        )
    return render(request, "accounts/sign_up.html", {"form": form, "next": _safe_next(request)})


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""


sign_in = auth_views.LoginView.as_view(
    template_name="accounts/sign_in.html",
    authentication_form=EmailAuthenticationForm,
    redirect_authenticated_user=True,
)

sign_out = auth_views.LogoutView.as_view(next_page=reverse_lazy("accounts:signed_out"))


@require_safe
def signed_out(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signed_out.html")


password_reset = auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset.html",
    email_template_name="accounts/password_reset_email.txt",
    subject_template_name="accounts/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password_reset_sent"),
)
password_reset_sent = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_sent.html"
)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's reset form; a new password also signs out every browser at once."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:  # type: ignore[type-arg]
        response = super().form_valid(form)
        do_sign_out_everywhere(form.user)
        return response


password_reset_confirm = PasswordResetConfirmView.as_view()
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)


@require_safe
@login_required
def sessions(request: AuthenticatedRequest) -> HttpResponse:
    do_forget_expired_sessions(request.user, timezone.now())
    listed = signed_in_sessions_of(request.user)
    return render(
        request,
        "accounts/sessions.html",
        {
            "sessions": listed,
            "current_key": request.session.session_key,
            "idle_minutes": settings.SESSION_IDLE_MINUTES,
            "max_hours": settings.SESSION_ABSOLUTE_HOURS,
        },
    )


@require_POST
@login_required
def revoke_session(request: AuthenticatedRequest, session_id: int) -> HttpResponse:
    signed_in = access_signed_in_session(request.user, session_id)
    if signed_in.session_key == request.session.session_key:
        logout(request)
        return redirect("accounts:signed_out")
    do_revoke_session(signed_in)
    messages.success(request, "That browser is signed out.")
    return redirect("accounts:sessions")
