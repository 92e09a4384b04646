"""The search index of a `mkdocs serve --dirty` rebuild, made from each page's kept entries.

mkdocs-material writes the whole index after every rebuild: 14 MB of JSON at 1,000 cases,
0.16 s to encode, though a save changes one or two pages. It also keeps the previous index and
replaces the entries of the first rebuilt page only, assuming one page changed; with the home
page among those rebuilt, it would drop every other page.

Here the entries of each rebuilt page are encoded once and kept, replacing that page's earlier
ones, and the index is the kept pieces joined. Material's own encoder writes the part before the
entries (its configuration), so the file is the one Material would write, up to the order of
the pages, which search does not depend on.
"""

from __future__ import annotations

import copy
import json
import logging
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.plugins.casebook")

# What mkdocs-material 9.8.1's search plugin does, and this relies on (pinned by
# tests/casebook_mkdocs/test_search_index.py): its on_post_build, after this one, writes
# `self.search_index.generate_search_index(self.search_index_prev)`; the index keeps its
# entries in a list, `entries`; and an index without entries encodes to JSON ending thus.
_NO_ENTRIES = '"docs":[]}'


class SearchIndexWriter:
    def __init__(self) -> None:
        self._pages: dict[str, str] = {}
        self._declined = False

    def prepare(self, config: MkDocsConfig, *, rebuilding_all: bool) -> bool:
        """Hand the search plugin the whole index before it writes it (on_post_build), and say
        whether it was. If the plugin is not the one this expects, it is left to write its own
        index, and the preview says so once."""
        plugin: Any = config.plugins.get("material/search") or config.plugins.get("search")
        index: Any = getattr(plugin, "search_index", None)
        entries = getattr(index, "entries", None)
        generate = getattr(type(index), "generate_search_index", None)
        if not isinstance(entries, list) or not callable(generate):
            return self._decline()
        empty = copy.copy(index)
        empty.entries = []
        head = generate(empty, None)
        if not isinstance(head, str) or not head.endswith(_NO_ENTRIES):
            return self._decline()
        if rebuilding_all:
            # Also after a build that failed once pages were indexed (see BuildTracker.failed).
            self._pages = {}
        rebuilt: dict[str, list[str]] = {}
        for entry in entries:
            encoded = json.dumps(entry, separators=(",", ":"), default=str)
            rebuilt.setdefault(_page_of(entry), []).append(encoded)
        self._pages.update((page, ",".join(pieces)) for page, pieces in rebuilt.items())
        data = head[: -len(_NO_ENTRIES)] + '"docs":[' + ",".join(self._pages.values()) + "]}"
        # The one patch: this index's encoder returns the joined pieces.
        index.generate_search_index = lambda previous: data
        # Material would merge its previous index into this one; the kept pages replace it.
        plugin.search_index_prev = None
        return True

    def _decline(self) -> bool:
        if not self._declined:
            log.info(
                "Casebook: the search plugin is not the mkdocs-material 9.8.1 one this preview "
                "expects; its own index may lose pages when a save rebuilds several (restart "
                "the preview to mend it)"
            )
        self._declined = True
        return False


def _page_of(entry: Any) -> str:
    return str(entry.get("location", "")).split("#", 1)[0] if isinstance(entry, dict) else ""
