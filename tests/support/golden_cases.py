"""The cases whose every output is kept in tests/golden/<case-id>/: the example as it is
published, and a synthetic case (tests/fixtures/, never published) with the edge cases the
example lacks."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from casebook.article.article import Article
from casebook.errors import Diagnostic
from casebook.load import load_case
from casebook.scholarly.record import ScholarlyRecord, build_record

from .cases import EXAMPLE, replace_once
from .project import ROOT
from .scholarly_cases import SETTINGS

FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLE_ID = EXAMPLE.name
SYNTHETIC = "synthetic-edge-cases"
GOLDEN_CASES = (EXAMPLE_ID, SYNTHETIC)


def failing_on_synthetic(reason: str) -> list[Any]:
    """The golden cases as test parameters, the synthetic one expected to fail (strictly, on
    an assertion) for `reason`, which names the issue that fixes it."""
    mark = pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)
    return [EXAMPLE_ID, pytest.param(SYNTHETIC, marks=mark)]


def case_folder(case_id: str) -> Path:
    return EXAMPLE if case_id == EXAMPLE_ID else FIXTURES / case_id


@cache
def golden_article(case_id: str) -> Article:
    """The case loaded where it lies; it must load without a warning."""
    article, diagnostics = load_case(case_folder(case_id), project_root=ROOT)
    assert article is not None and diagnostics == [], [d.format() for d in diagnostics]
    return article


def golden_record(case_id: str) -> ScholarlyRecord:
    """Its record with every site setting filled in, so every optional element is written."""
    return build_record(golden_article(case_id), settings=SETTINGS)


def synthetic_draft(tmp_path: Path) -> tuple[Article | None, list[Diagnostic]]:
    """The synthetic case as an undated draft, loaded from a copy in `tmp_path`."""
    folder = tmp_path / SYNTHETIC
    shutil.copytree(FIXTURES / SYNTHETIC, folder)
    path = folder / "case.yaml"
    text = replace_once(
        path.read_text(encoding="utf-8"),
        "  status: published\n  date: 2025-03-14\n",
        "  status: draft\n",
    )
    path.write_text(text, encoding="utf-8")
    return load_case(folder, project_root=tmp_path)
