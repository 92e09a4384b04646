"""MkDocs' dirty-build warning, dropped so that strict previews build; other warnings kept."""

from __future__ import annotations

import logging

import pytest
from casebook_mkdocs.dirty_warning import quiet_dirty_warning


def test_dirty_build_warning_is_dropped_and_others_kept(caplog: pytest.LogCaptureFixture) -> None:
    quiet_dirty_warning()
    logger = logging.getLogger("mkdocs.commands.build")
    with caplog.at_level(logging.WARNING):
        logger.warning("A 'dirty' build is being performed, this will likely lead to ...")
        logger.warning("Something else")
    assert [r.getMessage() for r in caplog.records] == ["Something else"]
