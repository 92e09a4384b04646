"""MkDocs adapter for Casebook: hands each build event to the core library; glue only."""

from __future__ import annotations

import gc
import importlib
import logging
import os
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from casebook_mkdocs.dirty_warning import quiet_dirty_warning
from casebook_mkdocs.files import BuildTracker, expire_static_pages, site_context
from casebook_mkdocs.memory import IdleCollector
from casebook_mkdocs.search_index import SearchIndexWriter
from casebook_mkdocs.site_swap import SiteSwap
from casebook_mkdocs.theme_cache import MemoryBytecodeCache, reuse_theme_work
from casebook_mkdocs.watch import CaseChanges, watch_natively
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.casebook")
_state: dict[str, Any] = {"command": "build", "dirty": False, "signature": None}
# Kept across the rebuilds of one `mkdocs serve`, which never reloads this module.
_tracker = BuildTracker()
_templates = MemoryBytecodeCache()
_collector = IdleCollector()
_changes = CaseChanges()
_search = SearchIndexWriter()
_swap = SiteSwap()


def on_startup(*, command: str, dirty: bool) -> None:
    _state["command"] = command
    _state["dirty"] = dirty
    if dirty:
        quiet_dirty_warning()


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
    return importlib.import_module("casebook.assemble")


@event_priority(100)  # before the search plugin makes a theme environment for its translations
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    started = time.perf_counter()
    if _state["command"] == "serve":
        _collector.build_started()
        reuse_theme_work(config.theme, _templates)
    core = _core()
    errors = importlib.import_module("casebook.errors")
    load = importlib.import_module("casebook.load")
    config_file = Path(str(config.config_file_path))
    project_root = config_file.parent
    try:
        settings = load.read_settings(
            config.extra.get("casebook", {}), site_url=config.site_url, source=config_file
        )
        serving = _state["command"] == "serve"
        _state["case_root"] = project_root / settings.case_dir
        _state["output"] = core.build_site_output(
            project_root,
            settings=settings,
            include_drafts=serving,
            rebuilds=serving,
            changed=_changes.take() if serving else None,
        )
    except (errors.CaseDataError, errors.SettingsError) as exc:
        _changes.forget()
        raise PluginError(f"{exc.heading}:\n{exc}") from None
    except Exception as exc:
        _changes.forget()
        # A bug in Casebook, not in the author's data: say so in one line, not a traceback.
        if os.environ.get("CASEBOOK_DEBUG"):
            raise
        raise PluginError(
            f"internal error in Casebook ({type(exc).__name__}: {exc}); please report it, "
            "or set CASEBOOK_DEBUG=1 to see the traceback"
        ) from None
    publish: Any = importlib.import_module("casebook.publish")
    _state["sanitizer"] = publish.PageSanitizer(project_root)
    for warning in _state["output"].warnings:
        log.warning(warning.format())
    if _state["command"] in {"build", "gh-deploy"} and not _state["dirty"]:
        _swap.begin(config)
    if _state["command"] != "serve":
        # What exists now (the core's modules, the site's pages and file lists) lives until
        # the process ends: keep the garbage collections of the rest of a one-off build from
        # walking it (a fifth of a second at 1,000 cases).
        gc.freeze()
    _state["seconds"] = time.perf_counter() - started
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    started = time.perf_counter()
    output = _state["output"]
    context = site_context(config, ((case.page_uri, case.tags) for case in output.cases))
    for file in _tracker.files(
        config,
        pages=output.pages,
        copies=output.asset_files,
        contents=output.assets,
        context=context,
    ):
        files.append(file)
    if _state["dirty"] and _tracker.rebuilding_all:
        expire_static_pages(files)
    seconds = _state["seconds"] + time.perf_counter() - started
    # The layer's own cost, measured here because whole-build timings are too noisy to show it.
    count = f"{len(output.cases)} case{'' if len(output.cases) == 1 else 's'}"
    log.info(
        f"Casebook: {count} in {seconds:.2f} seconds "
        f"({output.reused} unchanged, from the build cache)"
    )
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Pages made from case data pass an allow-list sanitiser, whatever the Markdown made."""
    uri = page.file.src_uri
    if uri not in _state["output"].pages:
        return html
    if _state["command"] != "serve":
        # MkDocs holds every page's Markdown and HTML until the end of a build; a converted
        # page's Markdown is not read again (a preview keeps it, to compare the next build
        # with). With the HTML and head let go once the page is written (on_post_page), this
        # took a tenth off the peak memory of a 1,000-case build.
        page.markdown = ""
        page.file.content_string = ""
        _state["output"].pages[uri] = ""
    return str(_state["sanitizer"](uri, html))


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    # overrides/main.html puts these into <head>; the core built them from escaped values.
    output = _state["output"]
    context["casebook_head"] = output.heads.get(page.file.src_uri, "")
    context["casebook_site_head"] = output.site_head
    return context


@event_priority(-100)  # after every other plugin has seen the page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """A written case page's HTML and head are not read again (see on_page_content)."""
    uri = page.file.src_uri
    if _state["command"] != "serve" and uri in _state["output"].pages:
        page.content = ""
        _state["output"].heads.pop(uri, None)
    return output


@event_priority(100)  # before the search plugin writes its index
def on_post_build(*, config: MkDocsConfig) -> None:
    if _state["dirty"]:
        _search.prepare(config, rebuilding_all=_tracker.rebuilding_all)
    _swap.check()
    _tracker.succeeded()
    if _state["command"] == "serve":
        _collector.build_finished()


def on_build_error(*, error: Exception) -> None:
    _tracker.failed()
    _changes.forget()
    if _state["command"] == "serve":
        _collector.build_finished()


def on_serve(server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
    _state["polling"] = watch_natively(server)
    if _state["polling"] is not None and "case_root" in _state:
        # The case data is watched natively, so its events say which folders changed.
        _changes.start(server.observer, _state["case_root"])
    return server


def on_shutdown() -> None:
    _collector.stop()
    _swap.close()
    if _state.get("polling") is not None:
        _state["polling"].stop()
