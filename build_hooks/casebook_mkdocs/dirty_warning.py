"""Silence MkDocs' dirty-build warning, which every preview rebuild would print."""

from __future__ import annotations

import logging

# The wording of MkDocs 1.6.1's warning (mkdocs/commands/build.py, `build`), on the logger of
# that module; tests/casebook_mkdocs/test_dirty_warning.py pins both.
DIRTY_WARNING = "A 'dirty' build is being performed"
BUILD_LOGGER = "mkdocs.commands.build"


class _DirtyWarningFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def quiet_dirty_warning() -> None:
    """Drop MkDocs' warning that a dirty build may leave links and navigation stale: the
    adapter rebuilds everything when they could be (see files.BuildTracker), so on every save
    the warning would only cry wolf (a preview no longer aborts on warnings, see preview.py).
    Should MkDocs reword it, the filter lets it through and previews print it again until the
    pin is updated."""
    logger = logging.getLogger(BUILD_LOGGER)
    if not any(isinstance(f, _DirtyWarningFilter) for f in logger.filters):
        logger.addFilter(_DirtyWarningFilter())
