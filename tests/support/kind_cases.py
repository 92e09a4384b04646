"""The synthetic fixtures of the other kinds of case report (tests/fixtures/, never published),
and variants of them loaded from a temporary folder for exact error messages."""

from __future__ import annotations

import shutil
from pathlib import Path

from casebook.errors import Diagnostic
from casebook.load import load_case

from .project import ROOT

ADVERSE_REACTION = "synthetic-adverse-reaction"
UNTIMED_COURSE = "synthetic-untimed-course"
"""A treatment course known only by its order: no times, a single dose, an outcome timed from
the second drug."""
KIND_FIXTURES = (ADVERSE_REACTION, UNTIMED_COURSE)


def fixture_folder(case_id: str) -> Path:
    return ROOT / "tests" / "fixtures" / case_id


def fixture_text(case_id: str = ADVERSE_REACTION) -> str:
    return (fixture_folder(case_id) / "case.yaml").read_text(encoding="utf-8")


def display(case_id: str = ADVERSE_REACTION) -> str:
    """The case file as error messages name it."""
    return f"case_data/{case_id}/case.yaml"


def load_fixture_variant(
    tmp_path: Path, text: str, *, case_id: str = ADVERSE_REACTION
) -> list[Diagnostic]:
    folder = tmp_path / "case_data" / case_id
    shutil.copytree(fixture_folder(case_id) / "figures", folder / "figures")
    (folder / "case.yaml").write_text(text, encoding="utf-8")
    _, diagnostics = load_case(folder, project_root=tmp_path)
    return diagnostics


def fixture_messages(tmp_path: Path, text: str, *, case_id: str = ADVERSE_REACTION) -> list[str]:
    return [d.format() for d in load_fixture_variant(tmp_path, text, case_id=case_id)]
