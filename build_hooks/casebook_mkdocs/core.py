"""The core as the adapter sees it: `casebook.api`, typed, and imported afresh when it changed."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from casebook import api


class Core(Protocol):
    """Everything the adapter uses of the core, with its types.

    mypy checks below that `casebook.api` provides it; at run time the adapter reaches the core
    only through CoreLoader, so that no module of this package holds a copy of the core from
    before an edit (tests/test_layout.py keeps it so).
    """

    @property
    def CaseDataError(self) -> type[api.CaseDataError]: ...

    @property
    def SettingsError(self) -> type[api.SettingsError]: ...

    @property
    def PageSanitizer(self) -> type[api.PageSanitizer]: ...

    @property
    def PdfsFailed(self) -> type[api.PdfsFailed]: ...

    def read_settings(
        self, raw: Mapping[str, Any], *, site_url: str | None = ..., source: Path | None = ...
    ) -> api.SiteSettings: ...

    def build_site_output(
        self,
        project_root: Path,
        *,
        settings: api.SiteSettings,
        include_drafts: bool,
        rebuilds: bool = ...,
        changed: Collection[str] | None = ...,
        show_errors: bool = ...,
        settings_file: Path | None = ...,
    ) -> api.SiteOutput: ...

    def find_metadata_in_site(
        self, folder: Path, *, project_root: Path | None = ...
    ) -> dict[str, list[str]]: ...

    def staging_dir_for(self, target: Path) -> Path: ...

    def admin_files(
        self,
        project_root: Path,
        *,
        case_dir: str,
        title: str,
        backend_url: str | None,
        published: api.EditorSettings | None,
    ) -> api.AdminFiles: ...

    def promote(self, staging: Path, target: Path) -> None:
        """Raises StagingError, with a one-line message, when the site cannot be swapped in."""

    @property
    def StagingError(self) -> type[api.StagingError]: ...

    def explain_os_error(self, error: OSError, target: Path) -> str | None: ...

    def discard(self, path: Path) -> None: ...

    def warm_up(self) -> None: ...


if TYPE_CHECKING:
    # The contract, checked by mypy --strict: the facade module is a Core.
    _CONTRACT: Core = api


class CoreLoader:
    """`casebook.api`, imported afresh whenever a .py file of the core changed since last time.

    `mkdocs serve` never reloads hook code, and authors expect an edit to the renderer to show
    on the next reload. Only `<package>.*` is dropped from sys.modules: this package, which
    holds what a preview keeps between rebuilds, stays as it is.
    """

    def __init__(self, package: str = "casebook") -> None:
        self._package = package
        self._signature: tuple[tuple[str, int, int], ...] | None = None

    def __call__(self) -> Core:
        package_dir = Path(str(importlib.import_module(self._package).__file__)).parent
        signature = tuple(
            (str(p), p.stat().st_mtime_ns, p.stat().st_size)
            for p in sorted(package_dir.rglob("*.py"))
        )
        if signature != self._signature:
            prefix = f"{self._package}."
            for name in [n for n in sys.modules if n == self._package or n.startswith(prefix)]:
                del sys.modules[name]
            self._signature = signature
        return cast(Core, importlib.import_module(f"{self._package}.api"))
