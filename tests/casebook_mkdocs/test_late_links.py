"""MkDocs' note on links to excluded files: dropped for the late files (the PDFs), kept else."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from casebook_mkdocs.late_links import PAGES_LOGGER, LateLinks
from mkdocs.commands.build import build
from mkdocs.config import load_config

from ..support.logs import Records


@pytest.fixture
def page_log() -> Iterator[tuple[Records, LateLinks]]:
    logger = logging.getLogger(PAGES_LOGGER)
    records, late = Records(logging.DEBUG), LateLinks()
    logger.addHandler(records)
    level = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        yield records, late
    finally:
        logger.removeHandler(records)
        logger.removeFilter(late)
        logger.setLevel(level)


def build_linking(tmp_path: Path) -> None:
    """A real build of a page linking two files that MkDocs is told not to copy."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n\n[PDF](case.pdf) and [other](other.pdf)\n")
    (docs / "case.pdf").write_bytes(b"%PDF")
    (docs / "other.pdf").write_bytes(b"%PDF")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Pinned\nexclude_docs: |\n  case.pdf\n  other.pdf\n"
    )
    build(load_config(str(tmp_path / "mkdocs.yml")))


def notes(records: Records) -> list[str]:
    return [m for m in records.messages if "which is excluded from the built site" in m]


def test_mkdocs_notes_links_to_excluded_files_in_these_words(
    tmp_path: Path, page_log: tuple[Records, LateLinks]
) -> None:
    """Pins MkDocs 1.6.1: should the wording change, the notes come back, and nothing else."""
    records, _ = page_log
    build_linking(tmp_path)
    assert notes(records) == [
        "Doc file 'index.md' contains a link to 'case.pdf' which is excluded from the built site.",
        "Doc file 'index.md' contains a link to 'other.pdf' which is excluded from the built site.",
    ]


def test_the_note_is_dropped_for_late_files_only(
    tmp_path: Path, page_log: tuple[Records, LateLinks]
) -> None:
    records, late = page_log
    late.install()
    late.install()  # once, however often the hooks start
    assert logging.getLogger(PAGES_LOGGER).filters.count(late) == 1
    late.expect(["case.pdf"])
    build_linking(tmp_path)
    assert notes(records) == [
        "Doc file 'index.md' contains a link to 'other.pdf' which is excluded from the built site."
    ]
