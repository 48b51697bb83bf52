"""Helpers for the chat-analysis tests: small exports and the real queue worker."""

from __future__ import annotations

import functools
import signal
from pathlib import Path

from django.core.management import call_command
from django.utils import timezone

from rekindle.ingest import open_export
from rekindle.report.analysis import analyze_export
from rekindle.report.document import to_json
from rekindle.web.accounts.models import User
from rekindle.web.analyses.models import DONE, Analysis
from rekindle.web.couples.models import Couple

FIXTURES = Path(__file__).resolve().parents[1] / "ingest" / "fixtures" / "whatsapp"
SMALL_CHAT = FIXTURES / "android-dmy-24h.txt"
NOT_A_CHAT = b"Shopping list\nmilk\neggs\nbread for the weekend\n"


def run_worker() -> None:
    """Run django-tasks' real database worker until the queue is empty, as
    ``python -m rekindle.web db_worker --batch`` does, then put the signal handlers back."""
    signals = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]
    saved = {number: signal.getsignal(number) for number in signals}
    try:
        call_command(
            "db_worker", batch=True, startup_delay=False, interval=0, reload=False, verbosity=0
        )
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


@functools.cache
def small_report_json() -> str:
    """The library's report of the small chat, made once per test run."""
    return to_json(analyze_export(open_export(SMALL_CHAT)).report)


def finished_analysis(owner: User, couple: Couple | None) -> Analysis:
    """An analysis the worker has finished, with a real report of the small chat."""
    return Analysis.objects.create(
        owner=owner,
        couple=couple,
        file_name="our chat.txt",
        status=DONE,
        progress=100,
        messages_read=14,
        report_json=small_report_json(),
        finished_at=timezone.now(),
    )
