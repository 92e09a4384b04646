"""MkDocs hooks for Casebook: each event handed to the core or to casebook_mkdocs; glue only."""

from __future__ import annotations

import gc
import logging
import os
import time
from pathlib import Path
from typing import Any

from casebook_mkdocs.core import CoreLoader
from casebook_mkdocs.dirty_warning import quiet_dirty_warning
from casebook_mkdocs.files import BuildTracker, expire_static_pages, site_context
from casebook_mkdocs.late_links import LateLinks
from casebook_mkdocs.memory import IdleCollector
from casebook_mkdocs.preview import PreviewGuard, relax_strict, report_case_errors
from casebook_mkdocs.search_index import SearchIndexWriter
from casebook_mkdocs.site_swap import SiteSwap
from casebook_mkdocs.state import Build, Command
from casebook_mkdocs.theme_cache import MemoryBytecodeCache, reuse_theme_work
from casebook_mkdocs.watch import CaseChanges, watch_natively
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.casebook")


# Kept across the rebuilds of one `mkdocs serve`, which never reloads this module.
_command = Command()
_core = CoreLoader()
_tracker = BuildTracker()
_templates = MemoryBytecodeCache()
_collector = IdleCollector()
_changes = CaseChanges()
_search = SearchIndexWriter()
_swap = SiteSwap()
_guard = PreviewGuard()
_late_links = LateLinks()


def on_startup(*, command: str, dirty: bool) -> None:
    _command.name = command
    _command.dirty = dirty
    _late_links.install()
    if dirty:
        quiet_dirty_warning()


@event_priority(100)  # before the search plugin makes a theme environment for its translations
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    started = time.perf_counter()
    _command.build = None
    serving = _command.serving
    if serving:
        relax_strict(config)  # a preview never aborts on warnings; `mkdocs build` still does
        _collector.build_started()
        reuse_theme_work(config.theme, _templates)
    core = _core()
    config_file = Path(str(config.config_file_path))
    project_root = config_file.parent
    try:
        settings = core.read_settings(
            config.extra.get("casebook", {}), site_url=config.site_url, source=config_file
        )
        _command.case_root = project_root / settings.case_dir
        output = core.build_site_output(
            project_root,
            settings=settings,
            include_drafts=serving,
            rebuilds=serving,
            changed=_changes.take() if serving else None,
            show_errors=serving,
            settings_file=config_file,
        )
        # The form editor at admin/: the preview's when ./dev.sh edit runs its local backend.
        admin = core.admin_files(
            project_root,
            case_dir=settings.case_dir,
            title=settings.title,
            backend_url=os.environ.get("CASEBOOK_EDITOR_BACKEND") if serving else None,
            published=settings.editor,
        )
    except (core.CaseDataError, core.SettingsError) as exc:
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
    sanitize = core.PageSanitizer(project_root)
    for warning in output.warnings:
        log.warning(warning.format())
    report_case_errors(core, output, site_url=str(config.site_url or "/"))
    if _command.name in {"build", "gh-deploy"} and not _command.dirty:
        _swap.begin(config, core)
    if not serving:
        # What exists now (the core's modules, the site's pages and file lists) lives until
        # the process ends: keep the garbage collections of the rest of a one-off build from
        # walking it (a fifth of a second at 1,000 cases).
        gc.freeze()
    _command.build = Build(core, output, sanitize, time.perf_counter() - started, admin)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    started = time.perf_counter()
    build = _command.current()
    output = build.output
    context = site_context(config, ((case.page_uri, case.tags) for case in output.cases))
    late = output.pdfs.files()
    for file in _tracker.files(
        config,
        pages=output.pages,
        copies=output.asset_files,
        contents=output.assets,
        late=late,
        context=context,
    ):
        files.append(file)
    _late_links.expect(late)
    if _command.dirty and _tracker.rebuilding_all:
        expire_static_pages(files)
    for uri, text in build.admin.contents.items():
        files.append(File.generated(config, uri, content=text))
    for uri, path in build.admin.copies.items():
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    # The layer's own cost, measured here because whole-build timings are too noisy to show it.
    log.info(output.summary(build.seconds + time.perf_counter() - started))
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Pages made from case data pass an allow-list sanitiser, whatever the Markdown made."""
    build = _command.current()
    uri = page.file.src_uri
    if uri not in build.output.pages:
        return html
    if not _command.serving:
        # MkDocs holds every page's Markdown and HTML until the end of a build; a converted
        # page's Markdown is not read again (a preview keeps it, to compare the next build
        # with). With the HTML and head let go once the page is written (on_post_page), this
        # took a tenth off the peak memory of a 1,000-case build.
        page.markdown = ""
        page.file.content_string = ""
        build.output.pages[uri] = ""
    return build.sanitize(uri, html)


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    # overrides/main.html puts these into <head>; the core built them from escaped values. A
    # case page's head goes where `casebook render` puts it for other engines, its metadata.
    output = _command.current().output
    head = output.heads.get(page.file.src_uri)
    if head is not None:
        page.meta["casebook_head"] = head
    context["casebook_site_head"] = output.site_head
    return context


@event_priority(-100)  # after every other plugin has seen the page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """A written case page's HTML and head are not read again (see on_page_content)."""
    built = _command.current().output
    uri = page.file.src_uri
    if not _command.serving and uri in built.pages:
        page.content = ""
        page.meta.pop("casebook_head", None)
        built.heads.pop(uri, None)
    return output


@event_priority(100)  # before the search plugin writes its index
def on_post_build(*, config: MkDocsConfig) -> None:
    build = _command.current()
    # The PDFs were typeset in the background while MkDocs built the pages.
    try:
        for warning in build.output.pdfs.finish():
            log.warning(warning.format())
    except build.core.PdfsFailed as exc:
        raise PluginError(str(exc)) from None
    _tracker.copy_late(dirty=_command.dirty)
    if _command.dirty:
        _search.prepare(config, rebuilding_all=_tracker.rebuilding_all)
    _swap.check()
    _tracker.succeeded()
    if _command.serving:
        if _command.warmed is not build.core:
            build.core.warm_up()
            _command.warmed = build.core
        _collector.build_finished()


def on_build_error(*, error: Exception) -> None:
    if _command.build is not None:
        _command.build.output.pdfs.abandon()
    _tracker.failed()
    _changes.forget()
    _guard.note(error)
    if _command.serving:
        _collector.build_finished()
    _swap.failed(error)


def on_serve(server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
    _guard.install(server)  # a failed rebuild keeps the last good site served, with a banner
    _command.polling = watch_natively(server)
    if _command.polling is not None and _command.case_root is not None:
        # The case data is watched natively, so its events say which folders changed.
        _changes.start(server.observer, _command.case_root)
    return server


def on_shutdown() -> None:
    _collector.stop()
    _swap.close()
    if _command.polling is not None:
        _command.polling.stop()
