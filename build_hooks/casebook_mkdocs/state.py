"""What the hooks know between MkDocs events: the command being run, and the current build."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from casebook_mkdocs.core import Core

if TYPE_CHECKING:
    from casebook.api import AdminFiles, PageSanitizer, SiteOutput
    from watchdog.observers.api import BaseObserver


@dataclass(frozen=True)
class Build:
    """What on_config made for the other events of the same build."""

    core: Core
    output: SiteOutput
    sanitize: PageSanitizer
    seconds: float
    admin: AdminFiles
    """The form editor's files at admin/, or none."""


@dataclass
class Command:
    """The command being run: one `mkdocs build`, or one `mkdocs serve` and all its rebuilds."""

    name: str = "build"
    dirty: bool = False
    case_root: Path | None = None
    polling: BaseObserver | None = None
    build: Build | None = None
    warmed: Core | None = None
    """The core a preview last made ready for an edit (a changed core is imported afresh)."""

    @property
    def serving(self) -> bool:
        return self.name == "serve"

    def current(self) -> Build:
        if self.build is None:
            raise RuntimeError("a build event ran before on_config")
        return self.build
