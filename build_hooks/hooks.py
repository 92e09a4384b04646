"""MkDocs adapter for Casebook: hands each build event to the core library; glue only."""

from __future__ import annotations

import importlib
import logging
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.plugins.casebook")
_state: dict[str, Any] = {"command": "build", "signature": None}


def on_startup(*, command: str, dirty: bool) -> None:
    _state["command"] = command


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
    started = time.perf_counter()
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
    _state["seconds"] = time.perf_counter() - started
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    started = time.perf_counter()
    output = _state["output"]
    for uri, content in output.pages.items():
        files.append(File.generated(config, uri, content=content))
    for uri, data in output.assets.items():
        files.append(File.generated(config, uri, content=data))
    for uri, path in output.asset_files.items():
        files.append(File.generated(config, uri, abs_src_path=path))
    seconds = _state["seconds"] + time.perf_counter() - started
    # The layer's own cost, measured here because whole-build timings are too noisy to show it.
    log.info(
        f"Casebook: {len(output.cases)} cases ({output.reused} unchanged, from the build cache) "
        f"prepared in {seconds:.2f} seconds"
    )
    return files
