"""The benchmark's synthetic cases stay valid as the case model changes."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest
from casebook.load import load_cases

from ..support.project import ROOT

SCRIPTS = ROOT / "scripts"


@pytest.fixture
def synthetic_cases(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(SCRIPTS))
    return importlib.import_module("synthetic_cases")


def test_synthetic_cases_load_without_errors(tmp_path: Path, synthetic_cases: ModuleType) -> None:
    synthetic_cases.write_corpus(tmp_path / "case_data", count=3)
    result = load_cases(tmp_path / "case_data", project_root=tmp_path)
    assert [d.format() for d in result.diagnostics] == []
    assert [a.id for a in result.articles] == [
        "synthetic-00000",
        "synthetic-00001",
        "synthetic-00002",
    ]
    assert all(a.title.startswith("Synthetic case") for a in result.articles)


def test_synthetic_cases_are_the_same_every_time(synthetic_cases: ModuleType) -> None:
    assert synthetic_cases.case_data(7) == synthetic_cases.case_data(7)
    assert synthetic_cases.case_data(7) != synthetic_cases.case_data(8)
