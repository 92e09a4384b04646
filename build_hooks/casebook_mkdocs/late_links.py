"""Quiet MkDocs' note on each link to a file it does not copy itself: the PDFs are copied last.

The PDFs are in MkDocs' file list, so that links to them resolve, but excluded, so that MkDocs
does not copy them before they are typeset (see files.BuildTracker); MkDocs then notes every
link to one, twice per case page: two thousand lines at a thousand cases, each saying that a
file the site does hold is left out of it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

# The wording of MkDocs 1.6.1's note (mkdocs/structure/pages.py, _RelativePathTreeprocessor),
# on the logger of that module; tests/casebook_mkdocs/test_late_links.py pins both.
PAGES_LOGGER = "mkdocs.structure.pages"
_EXCLUDED_LINK = re.compile(r"contains a link to '(.+)' which is excluded from the built site\.$")


class LateLinks(logging.Filter):
    """Drops the note for links to this build's late files, and no other."""

    def __init__(self) -> None:
        super().__init__()
        self._uris: frozenset[str] = frozenset()

    def expect(self, uris: Iterable[str]) -> None:
        self._uris = frozenset(uris)

    def filter(self, record: logging.LogRecord) -> bool:
        found = _EXCLUDED_LINK.search(record.getMessage())
        return found is None or found[1] not in self._uris

    def install(self) -> None:
        logger = logging.getLogger(PAGES_LOGGER)
        if self not in logger.filters:
            logger.addFilter(self)
