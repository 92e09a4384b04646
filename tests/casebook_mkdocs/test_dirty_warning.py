"""MkDocs' dirty-build warning, dropped from every preview rebuild; other warnings kept."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from casebook_mkdocs.dirty_warning import BUILD_LOGGER, DIRTY_WARNING, quiet_dirty_warning
from mkdocs.commands.build import build
from mkdocs.config import load_config

from ..support.logs import Records


@pytest.fixture
def build_log() -> Iterator[Records]:
    """What reaches MkDocs' build logger, with the logger's filters as they were afterwards."""
    logger = logging.getLogger(BUILD_LOGGER)
    filters = list(logger.filters)
    for installed in filters:
        logger.removeFilter(installed)
    records = Records()
    logger.addHandler(records)
    try:
        yield records
    finally:
        logger.removeHandler(records)
        for added in list(logger.filters):
            logger.removeFilter(added)
        for installed in filters:
            logger.addFilter(installed)


def dirty_build(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: Pinned\n")
    build(load_config(str(tmp_path / "mkdocs.yml")), dirty=True)


def test_mkdocs_still_warns_of_a_dirty_build_in_these_words(
    tmp_path: Path, build_log: Records
) -> None:
    """Pins MkDocs 1.6.1: a real dirty build warns on this logger, in this wording. Should it
    change, the filter lets the warning through and previews print it on every save."""
    dirty_build(tmp_path)
    assert [m for m in build_log.messages if m.startswith(DIRTY_WARNING)] != []


def test_dirty_build_warning_is_dropped_and_others_kept(tmp_path: Path, build_log: Records) -> None:
    quiet_dirty_warning()
    quiet_dirty_warning()  # once per process is enough, however often the hooks start
    assert len(logging.getLogger(BUILD_LOGGER).filters) == 1
    dirty_build(tmp_path)
    logging.getLogger(BUILD_LOGGER).warning("Something else")
    assert build_log.messages == ["Something else"]
