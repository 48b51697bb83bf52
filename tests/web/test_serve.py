"""``python -m rekindle.web serve`` starts a real gunicorn server that shows the home page.

On SQLite the server gets its own database in a temporary data directory. On PostgreSQL it
is pointed at the test database pytest-django created, so the real-server path is proven on
both databases and the developer's own database is never touched.
"""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.db import connections

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="gunicorn needs a POSIX system")

STARTUP_SECONDS = 60
POLL_INTERVAL_SECONDS = 0.1
STOP_SECONDS = 30

# Loopback only, and never through a proxy the developer's environment may name.
loopback_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def postgres_url(database: dict[str, Any]) -> str:
    credentials = quote(database["USER"] or "", safe="")
    if database["PASSWORD"]:
        credentials += ":" + quote(database["PASSWORD"], safe="")
    port = f":{database['PORT']}" if database["PORT"] else ""
    host = database["HOST"] or "127.0.0.1"
    return f"postgres://{credentials}@{host}{port}/{quote(database['NAME'], safe='')}"


@pytest.fixture
def server_environ(rekindle_environ: dict[str, str], django_db_setup: None) -> dict[str, str]:
    """SQLite: the data directory's own file. PostgreSQL: the already-created test database."""
    database = connections["default"].settings_dict
    if database["ENGINE"] == "django.db.backends.postgresql":
        return {**rekindle_environ, "DATABASE_URL": postgres_url(database)}
    return rekindle_environ


class RunningServer:
    def __init__(self, process: subprocess.Popen[bytes], log_dir: Path, url: str) -> None:
        self.process = process
        self.log_dir = log_dir
        self.url = url

    @property
    def stdout(self) -> str:
        return (self.log_dir / "stdout.txt").read_text()

    @property
    def stderr(self) -> str:
        return (self.log_dir / "stderr.txt").read_text()

    def get(self, path: str) -> tuple[int, str]:
        """Fetch ``path``, retrying while the server is still starting."""
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if self.process.poll() is not None:
                pytest.fail(f"serve exited with {self.process.returncode}:\n{self.stderr}")
            try:
                with loopback_opener.open(self.url + path.lstrip("/"), timeout=5) as response:
                    return response.status, response.read().decode()
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline:
                    pytest.fail(f"serve did not answer within {STARTUP_SECONDS}s:\n{self.stderr}")
                time.sleep(POLL_INTERVAL_SECONDS)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.terminate()
        try:
            return self.process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise


@pytest.fixture
def server(server_environ: dict[str, str], tmp_path: Path) -> Iterator[RunningServer]:
    port = free_port()
    command = [sys.executable, "-m", "rekindle.web", "serve"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--workers", "1"]
    with (
        (tmp_path / "stdout.txt").open("wb") as stdout,
        (tmp_path / "stderr.txt").open("wb") as stderr,
    ):
        process = subprocess.Popen(
            command, env=server_environ, cwd=tmp_path, stdout=stdout, stderr=stderr
        )
    running = RunningServer(process, tmp_path, f"http://127.0.0.1:{port}/")
    try:
        yield running
    finally:
        running.stop()


def test_serve_shows_the_home_page_from_a_real_server(server: RunningServer) -> None:
    status, page = server.get("/")

    assert status == 200
    assert "Find your way back to each other" in page
    assert "Rekindle is an AI coach, not a therapist or a substitute for therapy." in page
    assert server.stop() == 0
    assert f"Rekindle is serving on {server.url}" in server.stdout


def test_serve_prepares_the_database_and_the_static_files(
    server: RunningServer, data_dir: Path
) -> None:
    status, health = server.get("/health")
    assert (status, health) == (200, '{"status": "ok", "database": "ok", "queue": "ok"}')

    page = server.get("/")[1]
    stylesheet = page.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    assert (
        stylesheet.startswith("/static/rekindle/site.")
        and stylesheet != "/static/rekindle/site.css"
    )
    css_status, css = server.get(stylesheet)
    assert css_status == 200
    assert "--ember" in css
    # The quick-exit script, like every static file, comes from WhiteNoise under a hashed name.
    script = page.split('<script src="', 1)[1].split('"', 1)[0]
    assert script.startswith("/static/rekindle/quick-exit.")
    assert script != "/static/rekindle/quick-exit.js"
    script_status, code = server.get(script)
    assert script_status == 200
    assert "location.replace(" in code

    assert server.stop() == 0
    database_file = data_dir / "rekindle.sqlite3"
    if connections["default"].vendor == "postgresql":
        assert not database_file.exists()
    else:
        with sqlite3.connect(database_file) as database:
            assert database.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_serve_says_clearly_when_its_port_is_taken(
    rekindle_environ: dict[str, str], tmp_path: Path
) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as other_program:
        other_program.bind(("127.0.0.1", 0))
        other_program.listen()
        port = other_program.getsockname()[1]

        started = subprocess.run(
            [sys.executable, "-m", "rekindle.web", "serve", "--port", str(port)],
            env=rekindle_environ,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=STARTUP_SECONDS,
            check=False,
        )

    assert started.returncode == 1
    assert f"Cannot listen on 127.0.0.1:{port}" in started.stderr
    assert "already in use" in started.stderr
    assert "serving on" not in started.stdout
