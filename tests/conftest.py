"""Shared fixtures: golden-file comparison, a private copy of the site and the example case."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from .support.project import ROOT, copy_project

# Property tests assert behaviour, never speed: Hypothesis' default 200 ms deadline turns a
# loaded CI machine (or engineers sharing two cores) into failures that say nothing about the code.
settings.register_profile("casebook", deadline=None)
settings.load_profile("casebook")

GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden files from the current output instead of comparing",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/<name>; --update-golden rewrites the file instead."""
    update = bool(request.config.getoption("--update-golden"))

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path}; run pytest --update-golden"
        assert actual == path.read_text(encoding="utf-8")

    return check


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def case_yaml() -> str:
    return (ROOT / "case_data" / "ppp-ad-baricitinib" / "case.yaml").read_text(encoding="utf-8")
