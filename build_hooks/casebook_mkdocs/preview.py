"""A preview that always answers: warnings never abort it, and a failed rebuild leaves the last
good site served, with the error at the top of every page, instead of a server that waits.

MkDocs 1.6.1 aborts a `strict` build after its last event when anything logged a warning,
and its live-reload server holds every request until a rebuild succeeds, so one warning or
one error froze the preview (the browser spins; "The server will appear stuck until build
errors are resolved"). Warnings stay fatal for `mkdocs build`; errors in case data do not
reach here at all in a preview (the core makes them pages, casebook.render.error_page).
"""

from __future__ import annotations

import html
import logging
import os
import re
import string
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import CountHandler

from casebook_mkdocs.core import Core

if TYPE_CHECKING:
    from casebook.api import SiteOutput

log = logging.getLogger("mkdocs.plugins.casebook")

_BANNER = string.Template(
    (Path(__file__).parent / "templates" / "preview_banner.html").read_text(encoding="utf-8")
)
_BODY = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)

StartResponse = Callable[..., Any]
App = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def relax_strict(config: MkDocsConfig) -> None:
    """Let this preview build finish whatever was logged as a warning.

    Relies on MkDocs 1.6.1's `build` deciding strictness before on_config, by adding a
    `mkdocs.utils.CountHandler` to the `mkdocs` logger, and aborting after on_post_build when
    it counted anything; tests/casebook_mkdocs/test_preview.py pins both. The warnings are
    still printed, and `mkdocs build` (and CI) still fails on them."""
    config.strict = False
    logger = logging.getLogger("mkdocs")
    for handler in [h for h in logger.handlers if isinstance(h, CountHandler)]:
        logger.removeHandler(handler)


class PreviewGuard:
    """Keeps a `mkdocs serve` answering after a failed rebuild, and says so in the page."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._failure: str | None = None
        self._noted: str | None = None

    @property
    def failure(self) -> str | None:
        """What the last rebuild failed with, or None after a good one."""
        with self._lock:
            return self._failure

    def note(self, error: BaseException) -> None:
        """The error a build failed with, as MkDocs hands it to on_build_error (the builder
        only sees MkDocs' 'Aborted with a BuildError!' that replaces it)."""
        with self._lock:
            self._noted = str(error) or type(error).__name__

    def install(self, server: Any) -> None:
        """Wrap the server's builder and its web application.

        Relies on MkDocs 1.6.1's LiveReloadServer calling `self.builder()` for each rebuild,
        making the rebuilt site visible only when that returns, and serving through the WSGI
        application of wsgiref's `get_app`/`set_app`; tests/casebook_mkdocs/test_preview.py
        pins these."""
        build: Callable[[], None] = server.builder

        def builder() -> None:
            with self._lock:
                self._noted = None
            try:
                build()
            except Exception as exc:  # MkDocs' Abort included: it is an Exception too
                if os.environ.get("CASEBOOK_DEBUG"):
                    log.exception("Casebook: the rebuild failed")
                with self._lock:
                    noted, self._noted = self._noted, None
                    self._failure = noted or str(exc) or type(exc).__name__
                if noted is None:
                    # Failed before MkDocs' build logged it (mkdocs.yml unreadable, say).
                    log.error(self._failure)
                log.error(
                    "Casebook: the preview keeps the last good site, with this error at the "
                    "top of every page; fix it and save"
                )
            else:
                with self._lock:
                    self._failure = None

        server.builder = builder
        server.set_app(self.app(server.get_app()))

    def app(self, inner: App) -> App:
        """`inner` with the failure shown at the top of every HTML page while there is one."""

        def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
            failure = self.failure
            if failure is None:
                return inner(environ, start_response)
            captured: list[tuple[str, list[tuple[str, str]]]] = []

            def capture(status: str, headers: list[tuple[str, str]], *exc_info: Any) -> Any:
                captured.append((status, headers))
                return lambda data: None

            body = inner(environ, capture)
            status, headers = captured[-1]
            kind = next((v for k, v in headers if k.lower() == "content-type"), "")
            if not kind.startswith("text/html"):
                start_response(status, headers)
                return body
            try:
                content = b"".join(body)
            finally:
                close = getattr(body, "close", None)
                if close is not None:
                    close()
            content = with_banner(content, failure)
            kept = [(k, v) for k, v in headers if k.lower() != "content-length"]
            start_response(status, [*kept, ("Content-Length", str(len(content)))])
            return [content]

        return application


def with_banner(page: bytes, failure: str) -> bytes:
    """`page` with the banner saying the preview is stale, first thing in its body."""
    banner = _BANNER.substitute(message=html.escape(failure)).encode("utf-8")
    found = _BODY.search(page)
    at = found.end() if found else 0
    return page[:at] + banner + page[at:]


def report_case_errors(core: Core, output: SiteOutput, *, site_url: str) -> None:
    """Print the errors of the cases a preview shows as error pages, as a build would print
    them, and where the preview shows them."""
    if not output.broken:
        return
    found = [d for case in output.broken for d in case.diagnostics]
    error = core.CaseDataError(found, files=output.folders)
    log.error(f"{error.heading}:\n{error}")
    uris = [case.page_uri for case in output.broken if case.page_uri]
    pages = [site_url + uri.removesuffix("index.md") for uri in uris]
    where = f" at {', '.join(pages)}" if pages else ""
    log.error(
        f"Casebook: the preview shows these errors{where} and on the home page until they are "
        "fixed; a build refuses to publish them"
    )
