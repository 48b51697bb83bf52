"""Templates and static files ship in the built package, not only in a source checkout.

An installed wheel holds only the data files that pyproject.toml's package-data names. A
template or stylesheet left out would break every page of an installed Rekindle while the
tests, run from the checkout, still pass.
"""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
PACKAGE = REPOSITORY / "src" / "rekindle"
WEB = PACKAGE / "web"


def package_data_patterns() -> list[str]:
    with (REPOSITORY / "pyproject.toml").open("rb") as pyproject:
        config = tomllib.load(pyproject)
    patterns: list[str] = config["tool"]["setuptools"]["package-data"]["rekindle"]
    return patterns


def test_every_template_and_static_file_is_named_in_package_data() -> None:
    patterns = package_data_patterns()
    data_files = [
        path.relative_to(PACKAGE).as_posix()
        for folder in (WEB / "templates", WEB / "static")
        for path in folder.rglob("*")
        if path.is_file()
    ]

    left_out = [name for name in data_files if not any(fnmatch.fnmatch(name, p) for p in patterns)]

    assert data_files
    assert left_out == [], f"add patterns to [tool.setuptools.package-data]: {left_out}"
