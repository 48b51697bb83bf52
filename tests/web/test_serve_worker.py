"""``serve`` starts a queue worker beside gunicorn, and that worker runs a real analysis.

A separate process enqueues an analysis of a small chat in the server's database (SQLite in
its data directory, or the PostgreSQL test database), then the served worker must pick it
up, store the report and delete the raw upload; stopping the server stops the worker too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.web.analysis_support import SMALL_CHAT
from tests.web.test_serve import RunningServer, free_port, server_environ  # noqa: F401

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="gunicorn needs a POSIX system")

WAIT_SECONDS = 90

ENQUEUE = """
import django, json, sys
django.setup()
from django.utils import timezone
from rekindle.web.accounts.models import User
from rekindle.web.analyses.actions import do_start_analysis
person = User.objects.create_user("worker.test@example.org", None, display_name="Wren")
with open(sys.argv[1], "rb") as export:
    analysis = do_start_analysis(person, [export.read()], "chat.txt", timezone.now())
print(analysis.id)
"""

WAIT_AND_CLEAN_UP = """
import django, json, sys, time
django.setup()
from django.conf import settings
from rekindle.web.accounts.models import User
from rekindle.web.analyses.models import Analysis
deadline = time.monotonic() + float(sys.argv[2])
analysis = Analysis.objects.get(id=int(sys.argv[1]))
while not analysis.is_finished and time.monotonic() < deadline:
    time.sleep(0.2)
    analysis.refresh_from_db()
print(json.dumps({
    "status": analysis.status,
    "progress": analysis.progress,
    "has_report": bool(analysis.report_json),
    "uploads_left": sorted(p.name for p in settings.UPLOAD_DIR.iterdir()),
}))
User.objects.filter(email="worker.test@example.org").delete()
"""


def run_python(script: str, environ: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        env={**environ, "DJANGO_SETTINGS_MODULE": "rekindle.web.settings"},
        capture_output=True,
        text=True,
        timeout=WAIT_SECONDS + 60,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def queue_workers_of(parent: int) -> list[int]:
    listing = subprocess.run(
        ["ps", "-eo", "pid=,ppid=,args="], capture_output=True, text=True, check=True
    ).stdout
    rows = [line.split(None, 2) for line in listing.splitlines() if line.strip()]
    return [int(row[0]) for row in rows if int(row[1]) == parent and "db_worker" in row[2]]


def still_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_the_served_worker_runs_a_queued_analysis(
    server_environ: dict[str, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    subprocess.run(
        [sys.executable, "-m", "rekindle.web", "migrate", "-v0"],
        env=server_environ,
        check=True,
        timeout=WAIT_SECONDS,
    )
    analysis_id = run_python(ENQUEUE, server_environ, str(SMALL_CHAT))

    port = free_port()
    command = [sys.executable, "-m", "rekindle.web", "serve", "--port", str(port)]
    command += ["--workers", "1", "--task-workers", "1"]
    with (
        (tmp_path / "stdout.txt").open("wb") as stdout,
        (tmp_path / "stderr.txt").open("wb") as stderr,
    ):
        process = subprocess.Popen(
            command, env=server_environ, cwd=tmp_path, stdout=stdout, stderr=stderr
        )
    server = RunningServer(process, tmp_path, f"http://127.0.0.1:{port}/")
    try:
        assert server.get("/health")[0] == 200
        workers = queue_workers_of(process.pid)
        outcome = json.loads(
            run_python(WAIT_AND_CLEAN_UP, server_environ, analysis_id, str(WAIT_SECONDS))
        )
    finally:
        exit_status = server.stop()

    assert outcome == {"status": "done", "progress": 100, "has_report": True, "uploads_left": []}
    assert exit_status == 0
    assert len(workers) == 1
    assert all(not still_running(pid) for pid in workers)
