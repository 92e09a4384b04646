"""MkDocs glue for atomic builds: render into a staging folder, swap it in only when good.

Relies on MkDocs 1.6.1 running on_shutdown after `build` has returned or raised (its --strict
abort included) and before gh-deploy reads the site folder, and on --strict counting warnings
of the `mkdocs` logger; tests/casebook_mkdocs/test_site_swap.py pins both.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError

from casebook_mkdocs.core import Core


class _WarningCount(logging.Handler):
    """Counts what `--strict` counts, so a strict failure can keep the old site in place."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class _Staged:
    core: Core
    config: MkDocsConfig
    target: Path
    staging: Path
    counter: _WarningCount
    built: bool = False


class SiteSwap:
    """One build's staging folder; MkDocs empties site_dir before it writes a single page.

    The swap happens at shutdown, after every plugin (search writes its index last) and after
    MkDocs has decided whether --strict aborts, and before gh-deploy reads the site folder.
    """

    def __init__(self) -> None:
        self._current: _Staged | None = None

    def begin(self, config: MkDocsConfig, core: Core) -> None:
        target = Path(config.site_dir)
        counter = _WarningCount()
        logging.getLogger("mkdocs").addHandler(counter)
        self._current = _Staged(core, config, target, core.staging_dir_for(target), counter)
        config.site_dir = str(self._current.staging)

    def check(self) -> None:
        """At the end of the build: no published image may carry metadata."""
        current = self._current
        if current is None:
            return
        project_root = Path(str(current.config.config_file_path)).parent
        leaks = current.core.find_metadata_in_site(current.staging, project_root=project_root)
        if leaks:
            lines = [f"{path}: {', '.join(found)}" for path, found in sorted(leaks.items())]
            raise PluginError("published images still carry metadata:\n" + "\n".join(lines))
        current.built = True

    def close(self) -> None:
        """Swap the staged site in if the build is good; otherwise leave the old one."""
        current, self._current = self._current, None
        if current is None:
            return
        logging.getLogger("mkdocs").removeHandler(current.counter)
        config = current.config
        config.site_dir = str(current.target)
        if current.built and not (config.strict and current.counter.count):
            try:
                current.core.promote(current.staging, current.target)
            except current.core.StagingError as error:
                raise Abort(f"Aborted: {error}") from None
        else:
            with contextlib.suppress(OSError):
                current.core.discard(current.staging)

    def failed(self, error: Exception) -> None:
        """A build that could not write its files (a full disk, a read-only folder) ends with
        one line saying what to free or fix, not a traceback; the staged half is removed by
        `close`, and the old site stays."""
        current = self._current
        if current is not None and isinstance(error, OSError):
            explained = current.core.explain_os_error(error, current.target)
            if explained is not None:
                raise Abort(f"Aborted: {explained}") from None
