"""The data directory and the secret key generated into it."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from rekindle.web.data_dir import load_or_create_secret_key, prepare_data_dir

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def file_mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def print_setting(
    name: str, environ: dict[str, str], cwd: Path
) -> subprocess.CompletedProcess[str]:
    """Load Rekindle's settings in a fresh Python and print one of them."""
    program = f"from django.conf import settings; print(settings.{name})"
    return subprocess.run(
        [sys.executable, "-c", program],
        env={**environ, "DJANGO_SETTINGS_MODULE": "rekindle.web.settings"},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@posix_only
def test_a_new_secret_key_is_stored_readable_by_its_owner_only(tmp_path: Path) -> None:
    key_file = prepare_data_dir(tmp_path / "data") / "secret_key"

    key = load_or_create_secret_key(key_file)

    assert len(key) >= 50
    assert key_file.read_text().strip() == key
    assert file_mode(key_file) == 0o600
    assert file_mode(key_file.parent) == 0o700
    assert [path.name for path in key_file.parent.iterdir()] == ["secret_key"]


def test_the_stored_secret_key_is_reused(tmp_path: Path) -> None:
    key_file = prepare_data_dir(tmp_path) / "secret_key"

    first = load_or_create_secret_key(key_file)
    second = load_or_create_secret_key(key_file)

    assert first == second


def test_an_emptied_key_file_is_a_clear_error(tmp_path: Path) -> None:
    key_file = tmp_path / "secret_key"
    key_file.write_text("\n")

    with pytest.raises(ImproperlyConfigured, match="is empty; delete it"):
        load_or_create_secret_key(key_file)


def test_a_data_dir_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("oops")

    with pytest.raises(ImproperlyConfigured, match="REKINDLE_DATA_DIR"):
        prepare_data_dir(not_a_folder)


@posix_only
def test_the_settings_keep_the_same_generated_key_across_restarts(
    rekindle_environ: dict[str, str], data_dir: Path, tmp_path: Path
) -> None:
    first_start = print_setting("SECRET_KEY", rekindle_environ, tmp_path)
    second_start = print_setting("SECRET_KEY", rekindle_environ, tmp_path)

    assert first_start.returncode == 0, first_start.stderr
    key = first_start.stdout.strip()
    assert key == second_start.stdout.strip()
    assert (data_dir / "secret_key").read_text().strip() == key
    assert file_mode(data_dir / "secret_key") == 0o600


def test_a_configured_secret_key_is_used_and_nothing_is_generated(
    rekindle_environ: dict[str, str], data_dir: Path, tmp_path: Path
) -> None:
    environ = {**rekindle_environ, "REKINDLE_SECRET_KEY": "configured-by-the-owner"}

    started = print_setting("SECRET_KEY", environ, tmp_path)

    assert started.stdout.strip() == "configured-by-the-owner"
    assert not (data_dir / "secret_key").exists()


def test_the_data_dir_defaults_to_var_in_the_working_directory(
    rekindle_environ: dict[str, str], tmp_path: Path
) -> None:
    environ = {
        name: value for name, value in rekindle_environ.items() if name != "REKINDLE_DATA_DIR"
    }

    started = print_setting("DATABASES['default']['NAME']", environ, tmp_path)

    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == str(tmp_path.resolve() / "var" / "rekindle.sqlite3")
    assert (tmp_path / "var" / "secret_key").exists()


def test_a_malformed_variable_stops_the_app_with_one_line_and_no_traceback(
    rekindle_environ: dict[str, str], tmp_path: Path
) -> None:
    environ = {**rekindle_environ, "REKINDLE_DEBUG": "maybe"}

    started = subprocess.run(
        [sys.executable, "-m", "rekindle.web", "check"],
        env=environ,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert started.returncode == 2
    assert started.stderr.strip() == (
        "Configuration error: REKINDLE_DEBUG must be true or false, got 'maybe'"
    )
