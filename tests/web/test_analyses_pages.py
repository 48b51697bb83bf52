"""The analysis pages: upload checks, who sees which report (consent), delete and re-run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from pytest_django.fixtures import Settings

from rekindle.web.accounts.models import User
from rekindle.web.analyses.models import DONE, FAILED, QUEUED, Analysis
from rekindle.web.couples.actions import do_unlink_couple
from rekindle.web.couples.models import Couple
from tests.web.analysis_support import SMALL_CHAT, finished_analysis

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def uploads(settings: Settings, tmp_path: Path) -> Path:
    settings.UPLOAD_DIR = tmp_path / "uploads"
    return settings.UPLOAD_DIR


HEADLINE_WORDS = "Over 4 days and 14 messages"


# --- Upload checks --------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_with_a_form_error(
    alice: User, alice_client: Client, settings: Settings, uploads: Path
) -> None:
    settings.UPLOAD_MAX_MB = 1
    big = SimpleUploadedFile("chat.txt", b"x" * (1024 * 1024 + 1), "text/plain")

    response = alice_client.post("/analyses/", {"export": big})

    assert response.status_code == 400
    assert "larger than 1 MB" in response.content.decode()
    assert not Analysis.objects.exists()
    assert not uploads.exists() or list(uploads.iterdir()) == []


def test_a_file_of_another_type_is_refused_with_a_form_error(
    alice_client: Client,
) -> None:
    photo = SimpleUploadedFile("holiday.jpg", b"\xff\xd8\xff\xe0 not a chat", "image/jpeg")

    response = alice_client.post("/analyses/", {"export": photo})

    assert response.status_code == 400
    assert "This file is not one of those" in response.content.decode()
    assert not Analysis.objects.exists()


def test_an_empty_file_is_refused(alice_client: Client) -> None:
    response = alice_client.post("/analyses/", {"export": SimpleUploadedFile("a.txt", b"")})

    assert response.status_code == 400
    assert not Analysis.objects.exists()


def test_an_upload_in_a_couple_belongs_to_that_couple(
    alice: User, alice_client: Client, couple: Couple, uploads: Path
) -> None:
    export = SimpleUploadedFile("chat.txt", SMALL_CHAT.read_bytes(), "text/plain")

    alice_client.post("/analyses/", {"export": export})

    analysis = Analysis.objects.get()
    assert (analysis.owner, analysis.couple, analysis.status) == (alice, couple, QUEUED)
    assert [p.read_bytes() for p in uploads.iterdir()] == [SMALL_CHAT.read_bytes()]


# --- Consent ----------------------------------------------------------------------------------


def test_the_uploader_always_sees_the_report(
    alice: User, alice_client: Client, couple: Couple
) -> None:
    analysis = finished_analysis(alice, couple)

    page = alice_client.get(f"/analyses/{analysis.id}")
    report = alice_client.get(f"/analyses/{analysis.id}/report")

    assert HEADLINE_WORDS in page.content.decode()
    assert report.status_code == 200
    assert HEADLINE_WORDS in report.content.decode()
    assert "default-src 'none'" in report["Content-Security-Policy"]


def test_the_partner_sees_the_report_only_after_approving(
    alice: User, bob_client: Client, couple: Couple
) -> None:
    analysis = finished_analysis(alice, couple)

    listing = bob_client.get("/analyses/").content.decode()
    before = bob_client.get(f"/analyses/{analysis.id}")
    report_before = bob_client.get(f"/analyses/{analysis.id}/report")

    assert "Shared by Alice" in listing
    assert before.status_code == 200
    assert HEADLINE_WORDS not in before.content.decode()
    assert "Yes, show me the report" in before.content.decode()
    assert report_before.status_code == 404

    approved = bob_client.post(f"/analyses/{analysis.id}/approve")

    assert approved.status_code == 302
    assert HEADLINE_WORDS in bob_client.get(f"/analyses/{analysis.id}").content.decode()
    assert bob_client.get(f"/analyses/{analysis.id}/report").status_code == 200


def test_the_partner_may_not_delete_or_rerun(
    alice: User, bob_client: Client, couple: Couple
) -> None:
    analysis = finished_analysis(alice, couple)
    bob_client.post(f"/analyses/{analysis.id}/approve")

    assert bob_client.post(f"/analyses/{analysis.id}/delete").status_code == 404
    assert bob_client.post(f"/analyses/{analysis.id}/rerun").status_code == 404
    assert Analysis.objects.filter(id=analysis.id, status=DONE).exists()


def test_the_uploader_cannot_approve_for_the_partner(
    alice: User, alice_client: Client, couple: Couple
) -> None:
    analysis = finished_analysis(alice, couple)

    assert alice_client.post(f"/analyses/{analysis.id}/approve").status_code == 404
    analysis.refresh_from_db()
    assert analysis.partner_approved_at is None


def test_a_partners_unfinished_or_failed_analysis_stays_hidden(
    alice: User, bob_client: Client, couple: Couple
) -> None:
    queued = Analysis.objects.create(owner=alice, couple=couple, file_name="a.txt")
    failed = Analysis.objects.create(
        owner=alice, couple=couple, file_name="b.txt", status=FAILED, error="Not a chat."
    )

    assert bob_client.get(f"/analyses/{queued.id}").status_code == 404
    assert bob_client.get(f"/analyses/{failed.id}").status_code == 404
    assert "Shared by Alice" not in bob_client.get("/analyses/").content.decode()


def test_unlinking_ends_the_partners_view_at_once(
    alice: User, bob: User, bob_client: Client, couple: Couple
) -> None:
    analysis = finished_analysis(alice, couple)
    bob_client.post(f"/analyses/{analysis.id}/approve")

    do_unlink_couple(bob, timezone.now())

    assert bob_client.get(f"/analyses/{analysis.id}").status_code == 404
    assert bob_client.get(f"/analyses/{analysis.id}/report").status_code == 404


def test_an_analysis_made_alone_is_never_shown_to_a_later_partner(
    alice: User, bob: User, bob_client: Client
) -> None:
    analysis = finished_analysis(alice, None)
    Couple.objects.create(first=alice, second=bob)

    assert bob_client.get(f"/analyses/{analysis.id}").status_code == 404
    assert bob_client.post(f"/analyses/{analysis.id}/approve").status_code == 404


def test_someone_else_and_visitors_reach_nothing_by_id(
    alice: User, charlie_client: Client, client: Client, couple: Couple
) -> None:
    analysis = finished_analysis(alice, couple)

    for url in ("", "/status", "/report"):
        assert charlie_client.get(f"/analyses/{analysis.id}{url}").status_code == 404
        assert client.get(f"/analyses/{analysis.id}{url}").status_code == 302
    for action in ("approve", "rerun", "delete"):
        assert charlie_client.post(f"/analyses/{analysis.id}/{action}").status_code == 404
    assert "our chat.txt" not in charlie_client.get("/analyses/").content.decode()
    assert Analysis.objects.filter(id=analysis.id, partner_approved_at__isnull=True).exists()


# --- Delete and re-run --------------------------------------------------------------------------


def test_the_uploader_deletes_the_analysis_and_any_kept_upload(
    alice: User, alice_client: Client, uploads: Path
) -> None:
    alice_client.post("/analyses/", {"export": SimpleUploadedFile("c.txt", b"hello there")})
    analysis = Analysis.objects.get()

    response = alice_client.post(f"/analyses/{analysis.id}/delete")

    assert response.status_code == 302
    assert not Analysis.objects.exists()
    assert list(uploads.iterdir()) == []


def test_rerun_without_a_kept_upload_asks_for_the_export_again(
    alice: User, alice_client: Client
) -> None:
    analysis = finished_analysis(alice, None)

    response = alice_client.post(f"/analyses/{analysis.id}/rerun")

    assert response.status_code == 400
    assert "choose the export again" in response.content.decode()
    analysis.refresh_from_db()
    assert analysis.status == DONE


def test_rerun_with_a_fresh_export_queues_it_again(
    alice: User, alice_client: Client, uploads: Path
) -> None:
    analysis = finished_analysis(alice, None)

    response = alice_client.post(
        f"/analyses/{analysis.id}/rerun",
        {"export": SimpleUploadedFile("newer.txt", SMALL_CHAT.read_bytes())},
    )

    assert response.status_code == 302
    analysis.refresh_from_db()
    assert (analysis.status, analysis.report_json, analysis.file_name) == (QUEUED, "", "newer.txt")
    assert len(list(uploads.iterdir())) == 1


def test_the_status_panel_refreshes_the_page_when_the_job_ends(
    alice: User, alice_client: Client
) -> None:
    analysis = finished_analysis(alice, None)

    response = alice_client.get(f"/analyses/{analysis.id}/status", headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert response["HX-Refresh"] == "true"


def test_rerun_while_waiting_in_the_queue_adds_no_second_job(
    alice: User, alice_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post("/analyses/", {"export": SimpleUploadedFile("c.txt", b"hello there")})
        analysis = Analysis.objects.get()
        response = alice_client.post(f"/analyses/{analysis.id}/rerun")

    assert response.status_code == 302
    analysis.refresh_from_db()
    assert analysis.status == QUEUED
    assert DBTaskResult.objects.count() == 1
