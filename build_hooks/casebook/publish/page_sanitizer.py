"""Sanitise each generated page once per content: at a thousand cases, running the allow-list
sanitiser over every page on every build cost more than everything else Casebook does."""

from __future__ import annotations

import hashlib
from pathlib import Path

from casebook.publish.build_cache import CACHE_DIR, BuildCache, core_fingerprint
from casebook.publish.sanitize import sanitize_html

_KIND = "sanitized-pages"


class PageSanitizer:
    """`sanitize_html` with the result kept in the build cache of `project_root`.

    The key is the page's HTML and the core's fingerprint (which covers the allow-list and the
    nh3 version), so a remembered result is exactly what sanitising would return now. One
    entry per page: the cache does not grow with every edit.
    """

    def __init__(self, project_root: Path) -> None:
        self._cache = BuildCache.shared(project_root / CACHE_DIR)
        self._fingerprint = core_fingerprint()

    def __call__(self, uri: str, html: str) -> str:
        name = hashlib.sha256(uri.encode()).hexdigest()[:32]
        key = f"{self._fingerprint}:{hashlib.sha256(html.encode()).hexdigest()}"
        # Not kept in memory: a preview sanitises only the pages that changed.
        remembered = self._cache.get(_KIND, name, key=key, type_=bytes, remember=False)
        if remembered is not None:
            return remembered.decode("utf-8")
        cleaned = sanitize_html(html)
        # Stored as bytes: a str read back would carry a UTF-8 copy for as long as it lives,
        # and MkDocs holds every page's HTML until it writes the page (27 MB at 1,000 cases).
        self._cache.put(_KIND, name, cleaned.encode("utf-8"), key=key, remember=False)
        return cleaned
