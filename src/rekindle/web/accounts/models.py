"""People and their signed-in sessions."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.http import HttpRequest
from django.utils import timezone


def normalise_email(email: str) -> str:
    """Emails are compared without regard to case or surrounding spaces."""
    return email.strip().lower()


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(email=normalise_email(username or ""))

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        user = self.model(email=normalise_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account, known by their email address."""

    email = models.EmailField("email", unique=True)
    display_name = models.CharField("name", max_length=60)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    confirmed_adult_at = models.DateTimeField(null=True, blank=True)
    ai_disclosure_accepted_at = models.DateTimeField(null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]  # noqa: RUF012  (typed as a list by Django)

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name

    def get_full_name(self) -> str:
        return self.display_name


class AuthenticatedRequest(HttpRequest):
    """The request a ``login_required`` view receives: its user is signed in."""

    user: User


class SignedInSession(models.Model):
    """One browser where the person is signed in, so that they can see it and sign it out."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="signed_in_sessions")
    session_key = models.CharField(max_length=40, unique=True)
    signed_in_at = models.DateTimeField()
    last_seen_at = models.DateTimeField()
    device = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ("-last_seen_at",)

    def __str__(self) -> str:
        return f"{self.user} on {self.device or 'an unknown browser'}"
