"""``python -m rekindle.web serve``: prepare the database and static files, then serve.

It applies migrations, collects static files into the data directory, optionally seeds the
demo couple (``--demo``), starts the queue workers that run chat analyses (django-tasks'
``db_worker``, one by default) and starts gunicorn, a production-grade WSGI server, on the
given address. Stop it with Ctrl+C (or SIGTERM): gunicorn lets requests in progress finish
before it exits, and the workers finish the job in hand (a job cut short stays in the queue's
record as failed, and the person can run it again).
"""

from __future__ import annotations

import errno
import socket
import subprocess
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections
from django.http.request import validate_host
from gunicorn.app.base import BaseApplication

ALL_INTERFACES = frozenset({"0.0.0.0", "::"})


class Command(BaseCommand):
    help = "Apply migrations, collect static files, then serve Rekindle with gunicorn."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--host",
            default="127.0.0.1",
            help="Address to listen on (default 127.0.0.1, this machine only).",
        )
        parser.add_argument("--port", type=int, default=8000, help="Port (default 8000).")
        parser.add_argument("--workers", type=int, default=2, help="Worker processes (default 2).")
        parser.add_argument(
            "--task-workers",
            type=int,
            default=1,
            help="Queue workers that run chat analyses (default 1; 0 to run them elsewhere).",
        )
        parser.add_argument(
            "--demo",
            action="store_true",
            help="Create or refresh the demo couple and print their sign-in details.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        host: str = options["host"]
        port: int = options["port"]
        workers: int = options["workers"]
        if not 1 <= port <= 65535:
            raise CommandError(f"--port must be between 1 and 65535, got {port}")
        if workers < 1:
            raise CommandError(f"--workers must be 1 or more, got {workers}")
        task_workers: int = options["task_workers"]
        if task_workers < 0:
            raise CommandError(f"--task-workers must be 0 or more, got {task_workers}")
        check_can_listen(host, port)

        verbosity: int = options["verbosity"]
        call_command("migrate", interactive=False, verbosity=verbosity)
        call_command("collectstatic", interactive=False, verbosity=max(verbosity - 1, 0))
        if options["demo"]:
            call_command("seed_demo", verbosity=verbosity)
        # Workers are forked from this process; they must open their own connections.
        connections.close_all()

        self.stdout.write(f"Rekindle is serving on {served_url(host, port)} (Ctrl+C stops it)")
        warning = host_warning(host)
        if warning:
            self.stderr.write(warning)
        sys.stdout.flush()
        sys.stderr.flush()
        queue_workers = [start_queue_worker() for _ in range(task_workers)]
        try:
            GunicornServer(bind=bind_address(host, port), workers=workers).run()
        finally:
            stop_queue_workers(queue_workers)


QUEUE_WORKER_STOP_SECONDS = 20


def start_queue_worker() -> subprocess.Popen[bytes]:
    """One django-tasks database worker, as its own process beside gunicorn."""
    command = [sys.executable, "-m", "rekindle.web", "db_worker", "--no-reload"]
    return subprocess.Popen([*command, "--interval", "1", "--verbosity", "0"])


def stop_queue_workers(processes: list[subprocess.Popen[bytes]]) -> None:
    """Ask each worker to stop after its current job, and insist if it takes too long."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=QUEUE_WORKER_STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def bind_address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def check_can_listen(host: str, port: int) -> None:
    """Fail with a clear message, before any other work, when the address cannot be used.

    Gunicorn would otherwise retry for several seconds and log a string of errors.
    """
    try:
        family, kind, protocol, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM
        )[0]
    except socket.gaierror:
        raise CommandError(f"--host {host!r} is not an address this machine knows") from None
    with socket.socket(family, kind, protocol) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            hint = (
                "; stop the program using it or choose another with --port"
                if error.errno == errno.EADDRINUSE
                else ""
            )
            raise CommandError(
                f"Cannot listen on {bind_address(host, port)}: {error.strerror}{hint}"
            ) from None


def served_url(host: str, port: int) -> str:
    return f"http://{bind_address(host, port)}/"


def host_warning(host: str) -> str | None:
    """Say so when browsers will reach this address under a name Django will refuse."""
    allowed = ", ".join(settings.ALLOWED_HOSTS) or "(none)"
    if host in ALL_INTERFACES:
        return (
            f"Listening on every network interface. Only these host names are answered: "
            f"{allowed}; add yours to REKINDLE_ALLOWED_HOSTS."
        )
    if not validate_host(f"[{host}]" if ":" in host else host, settings.ALLOWED_HOSTS):
        return f"{host} is not in REKINDLE_ALLOWED_HOSTS ({allowed}); requests for it get 400."
    return None


class GunicornServer(BaseApplication):  # type: ignore[misc]
    """Gunicorn, configured in code and serving Rekindle's WSGI application."""

    def __init__(self, *, bind: str, workers: int) -> None:
        self.options = {
            "bind": [bind],
            "workers": workers,
            "proc_name": "rekindle",
            "errorlog": "-",
            # Gunicorn 25.1+ opens a control socket in the home directory by default; Rekindle
            # does not use it, and two instances would fight over the same path.
            "control_socket_disable": True,
        }
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if key in self.cfg.settings:  # older gunicorn versions lack some settings
                self.cfg.set(key, value)

    def load(self) -> Any:
        from rekindle.web.wsgi import application

        return application
