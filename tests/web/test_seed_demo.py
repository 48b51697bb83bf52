"""``seed_demo`` makes the demo couple with eight weeks of data and an analysed chat, and
running it again adds nothing but fresh passwords."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from pytest_django.fixtures import Settings

from rekindle.web.accounts.models import User
from rekindle.web.analyses.models import DONE, Analysis
from rekindle.web.checkins.models import CheckIn
from rekindle.web.couples.models import Couple
from rekindle.web.habits.models import HabitTick
from tests.web.analysis_support import SMALL_CHAT

pytestmark = pytest.mark.django_db


def seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", chat=SMALL_CHAT, stdout=out)
    return out.getvalue()


def counts() -> tuple[int, ...]:
    return (
        User.objects.count(),
        Couple.objects.count(),
        CheckIn.objects.count(),
        HabitTick.objects.count(),
        Analysis.objects.count(),
    )


def test_seed_demo_creates_a_couple_with_eight_weeks_and_a_report(
    settings: Settings, tmp_path: Path
) -> None:
    settings.UPLOAD_DIR = tmp_path / "uploads"

    printed = seed()

    rosa = User.objects.get(email="rosa.demo@example.org")
    theo = User.objects.get(email="theo.demo@example.org")
    assert Couple.objects.filter(first=rosa, second=theo, unlinked_at__isnull=True).exists()
    days = sorted(CheckIn.objects.filter(author=rosa).values_list("day", flat=True))
    assert (days[-1] - days[0]).days >= 50
    assert HabitTick.objects.filter(habit__owner=theo).count() > 20
    analysis = Analysis.objects.get(owner=rosa)
    assert analysis.status == DONE and analysis.report_json and analysis.partner_approved_at
    assert list(settings.UPLOAD_DIR.iterdir()) == []
    password = re.search(r"rosa\.demo@example\.org with password (\S+)", printed)
    assert password is not None
    assert rosa.check_password(password[1])


def test_seed_demo_twice_adds_nothing_and_prints_working_passwords(
    settings: Settings, tmp_path: Path
) -> None:
    settings.UPLOAD_DIR = tmp_path / "uploads"
    seed()
    before = counts()

    printed = seed()

    assert counts() == before
    password = re.search(r"theo\.demo@example\.org with password (\S+)", printed)
    assert password is not None
    theo = User.objects.get(email="theo.demo@example.org")
    assert theo.check_password(password[1])
