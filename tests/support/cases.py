"""Helpers for tests that load a variant of the example case from a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from casebook.article.article import Article
from casebook.errors import Diagnostic
from casebook.load import load_case
from casebook.models.settings import SiteSettings

from .project import ROOT

EXAMPLE = ROOT / "case_data" / "ppp-ad-baricitinib"


def example_text() -> str:
    return (EXAMPLE / "case.yaml").read_text(encoding="utf-8")


def load_variant(
    tmp_path: Path,
    text: str,
    *,
    case_id: str = "ppp-ad-baricitinib",
    settings: SiteSettings | None = None,
) -> tuple[Article | None, list[Diagnostic]]:
    """Load `text` as case_data/<case_id>/case.yaml, with the example's figure files beside it."""
    folder = tmp_path / "case_data" / case_id
    shutil.copytree(EXAMPLE / "figures", folder / "figures")
    (folder / "case.yaml").write_text(text, encoding="utf-8")
    return load_case(folder, project_root=tmp_path, settings=settings)


def example_article(tmp_path: Path, text: str | None = None) -> Article:
    article, diagnostics = load_variant(tmp_path, example_text() if text is None else text)
    assert article is not None, [d.format() for d in diagnostics]
    return article


def section(page: str, start: str, end: str) -> str:
    """The text of `page` from the line `start` up to (not including) the line `end`."""
    first = page.index(start)
    return page[first : page.index(end, first)]


def variant_messages(tmp_path: Path, text: str) -> list[str]:
    article, diagnostics = load_variant(tmp_path, text)
    assert article is None or not diagnostics
    return [d.format() for d in diagnostics]


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def line_of(text: str, snippet: str) -> int:
    """1-based line where `snippet` (unique in `text`) starts."""
    assert text.count(snippet) == 1, f"{snippet!r} occurs {text.count(snippet)} times"
    return text[: text.index(snippet)].count("\n") + 1
