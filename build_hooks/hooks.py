"""MkDocs adapter for Casebook: hands each build event to the core library; glue only."""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.casebook")
_state: dict[str, Any] = {"command": "build", "dirty": False, "signature": None}


class _WarningCount(logging.Handler):
    """Counts what `--strict` counts, so a strict failure can keep the old site in place."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def on_startup(*, command: str, dirty: bool) -> None:
    _state["command"] = command
    _state["dirty"] = dirty


def _core() -> ModuleType:
    """The core, re-imported when its source changed: `mkdocs serve` never reloads hooks, and
    authors expect an edit to the renderer to show on the next reload."""
    import casebook

    package_dir = Path(casebook.__file__).parent
    signature = tuple(
        (str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(package_dir.rglob("*.py"))
    )
    if signature != _state["signature"]:
        for name in [n for n in sys.modules if n == "casebook" or n.startswith("casebook.")]:
            del sys.modules[name]
        _state["signature"] = signature
    return importlib.import_module("casebook.site_build")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    core = _core()
    errors = importlib.import_module("casebook.errors")
    project_root = Path(str(config.config_file_path)).parent
    try:
        settings = core.read_settings(config.extra.get("casebook", {}))
        _state["output"] = core.build_site_output(
            project_root, settings=settings, include_drafts=_state["command"] == "serve"
        )
    except (errors.CaseDataError, core.SettingsError) as exc:
        raise PluginError(f"case data has errors:\n{exc}") from None
    for warning in _state["output"].warnings:
        log.warning(warning.format())
    if _state["command"] in {"build", "gh-deploy"} and not _state["dirty"]:
        # MkDocs empties site_dir before writing; build elsewhere and swap in on success.
        staging = importlib.import_module("casebook.staging")
        _state["target"] = Path(config.site_dir)
        _state["staging"] = staging.staging_dir_for(_state["target"])
        config.site_dir = str(_state["staging"])
        _state["warnings"] = _WarningCount()
        logging.getLogger("mkdocs").addHandler(_state["warnings"])
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    output = _state["output"]
    for uri, content in output.pages.items():
        files.append(File.generated(config, uri, content=content))
    for uri, data in output.assets.items():
        files.append(File.generated(config, uri, content=data))
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Pages made from case data pass an allow-list sanitiser, whatever the Markdown made."""
    if page.file.src_uri in _state["output"].pages:
        sanitize: Any = importlib.import_module("casebook.sanitize")
        return str(sanitize.sanitize_html(html))
    return html


def on_post_build(*, config: MkDocsConfig) -> None:
    if "staging" not in _state:
        return
    staging_dir: Path = _state.pop("staging")
    target: Path = _state.pop("target")
    counter: _WarningCount = _state.pop("warnings")
    logging.getLogger("mkdocs").removeHandler(counter)
    config.site_dir = str(target)
    staging = importlib.import_module("casebook.staging")
    publish = importlib.import_module("casebook.image_publish")
    leaks = publish.find_metadata_in_folder(staging_dir)
    if leaks:
        staging.discard(staging_dir)
        lines = [f"{path}: {', '.join(found)}" for path, found in sorted(leaks.items())]
        raise PluginError("published images still carry metadata:\n" + "\n".join(lines))
    if config.strict and counter.count:
        staging.discard(staging_dir)  # MkDocs aborts next; the last good site stays
        return
    staging.promote(staging_dir, target)


def on_build_error(*, error: Exception) -> None:
    if "staging" in _state:
        importlib.import_module("casebook.staging").discard(_state.pop("staging"))
        logging.getLogger("mkdocs").removeHandler(_state.pop("warnings"))
        _state.pop("target")
