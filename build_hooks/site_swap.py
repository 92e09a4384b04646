"""MkDocs glue for atomic builds: render into a staging folder, swap it in only when good."""

from __future__ import annotations

import importlib
import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError


class _WarningCount(logging.Handler):
    """Counts what `--strict` counts, so a strict failure can keep the old site in place."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class SiteSwap:
    """One build's staging folder; MkDocs empties site_dir before it writes a single page."""

    def __init__(self) -> None:
        self._current: dict[str, Any] = {}

    def begin(self, config: MkDocsConfig) -> None:
        staging = importlib.import_module("casebook.staging")
        target = Path(config.site_dir)
        counter = _WarningCount()
        logging.getLogger("mkdocs").addHandler(counter)
        self._current = {
            "target": target,
            "staging": staging.staging_dir_for(target),
            "counter": counter,
        }
        config.site_dir = str(self._current["staging"])

    def finish(self, config: MkDocsConfig) -> None:
        """Check the staged site and swap it in; leave the old one when the build is not good."""
        if not self._current:
            return
        current, self._current = self._current, {}
        logging.getLogger("mkdocs").removeHandler(current["counter"])
        config.site_dir = str(current["target"])
        staging = importlib.import_module("casebook.staging")
        publish = importlib.import_module("casebook.image_publish")
        leaks = publish.find_metadata_in_folder(current["staging"])
        if leaks:
            staging.discard(current["staging"])
            lines = [f"{path}: {', '.join(found)}" for path, found in sorted(leaks.items())]
            raise PluginError("published images still carry metadata:\n" + "\n".join(lines))
        if config.strict and current["counter"].count:
            staging.discard(current["staging"])  # MkDocs aborts next; the last good site stays
            return
        staging.promote(current["staging"], current["target"])

    def abort(self) -> None:
        if self._current:
            current, self._current = self._current, {}
            logging.getLogger("mkdocs").removeHandler(current["counter"])
            importlib.import_module("casebook.staging").discard(current["staging"])
