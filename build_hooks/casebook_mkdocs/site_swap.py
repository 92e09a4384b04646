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
    """One build's staging folder; MkDocs empties site_dir before it writes a single page.

    The swap happens at shutdown, after every plugin (search writes its index last) and after
    MkDocs has decided whether --strict aborts, and before gh-deploy reads the site folder.
    """

    def __init__(self) -> None:
        self._current: dict[str, Any] = {}

    def begin(self, config: MkDocsConfig) -> None:
        publish = importlib.import_module("casebook.publish")
        target = Path(config.site_dir)
        counter = _WarningCount()
        logging.getLogger("mkdocs").addHandler(counter)
        self._current = {
            "config": config,
            "target": target,
            "staging": publish.staging_dir_for(target),
            "counter": counter,
            "built": False,
        }
        config.site_dir = str(self._current["staging"])

    def check(self) -> None:
        """At the end of the build: no published image may carry metadata."""
        if not self._current:
            return
        publish = importlib.import_module("casebook.publish")
        config: MkDocsConfig = self._current["config"]
        project_root = Path(str(config.config_file_path)).parent
        leaks = publish.find_metadata_in_site(self._current["staging"], project_root=project_root)
        if leaks:
            lines = [f"{path}: {', '.join(found)}" for path, found in sorted(leaks.items())]
            raise PluginError("published images still carry metadata:\n" + "\n".join(lines))
        self._current["built"] = True

    def close(self) -> None:
        """Swap the staged site in if the build is good; otherwise leave the old one."""
        if not self._current:
            return
        current, self._current = self._current, {}
        logging.getLogger("mkdocs").removeHandler(current["counter"])
        config: MkDocsConfig = current["config"]
        config.site_dir = str(current["target"])
        publish = importlib.import_module("casebook.publish")
        good = current["built"] and not (config.strict and current["counter"].count)
        if good:
            publish.promote(current["staging"], current["target"])
        else:
            publish.discard(current["staging"])
