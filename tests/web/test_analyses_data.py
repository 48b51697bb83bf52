"""Data rights cover chat analyses: the export holds one's own reports, erasure removes them
along with any upload still on disk, and the partner's analyses stay the partner's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone
from pytest_django.fixtures import Settings

from rekindle.web.accounts.models import User
from rekindle.web.analyses.actions import do_start_analysis
from rekindle.web.analyses.models import Analysis
from rekindle.web.couples.models import Couple
from tests.web.analysis_support import NOT_A_CHAT, finished_analysis
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def uploads(settings: Settings, tmp_path: Path) -> Path:
    settings.UPLOAD_DIR = tmp_path / "uploads"
    return settings.UPLOAD_DIR


def test_the_export_holds_ones_own_reports_and_not_the_partners(
    alice: User, bob: User, alice_client: Client, couple: Couple
) -> None:
    finished_analysis(alice, couple)
    bobs = finished_analysis(bob, couple)
    Analysis.objects.filter(id=bobs.id).update(
        file_name="bob's chat.txt", partner_approved_at=timezone.now()
    )

    exported = json.loads(alice_client.get("/my-data/export.json").content)

    assert [a["file_name"] for a in exported["analyses"]] == ["our chat.txt"]
    assert "14 messages" in exported["analyses"][0]["report"]["summary"]["headline"]
    assert exported["analyses"][0]["uploaded_in_couple"] is True


def test_deleting_the_account_deletes_the_analyses_and_kept_uploads(
    alice: User, bob: User, alice_client: Client, couple: Couple, uploads: Path
) -> None:
    do_start_analysis(alice, [NOT_A_CHAT], "waiting.txt", timezone.now())
    bobs = finished_analysis(bob, couple)
    assert len(list(uploads.iterdir())) == 1

    alice_client.post("/my-data/delete", {"password": PASSWORD})

    assert list(Analysis.objects.all()) == [bobs]
    assert list(uploads.iterdir()) == []
