"""A preview that always answers: no strict abort, and a failed rebuild keeps the last good
site served, with the error at the top of its pages."""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from casebook_mkdocs.preview import PreviewGuard, with_banner
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer

WARNING_HOOK = """
import logging

from casebook_mkdocs.preview import relax_strict


def on_config(config):
    if RELAX:
        relax_strict(config)
    logging.getLogger("mkdocs.plugins.test").warning("a warning strict mode counts")
    return config
"""


def strict_site(tmp_path: Path, *, relax: bool) -> Any:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "hook.py").write_text(WARNING_HOOK.replace("RELAX", str(relax)))
    (tmp_path / "mkdocs.yml").write_text("site_name: Pinned\nstrict: true\nhooks: [hook.py]\n")
    return load_config(str(tmp_path / "mkdocs.yml"))


def test_a_strict_build_aborts_on_a_warning_logged_in_on_config(tmp_path: Path) -> None:
    """Pins MkDocs 1.6.1: strictness is decided before on_config, and a warning logged in
    on_config aborts the build after its last event."""
    with pytest.raises(Abort, match="Aborted with 1 warnings in strict mode!"):
        build(strict_site(tmp_path, relax=False))
    assert (tmp_path / "site" / "index.html").is_file()  # aborted after writing every page


def test_a_relaxed_preview_build_finishes_and_still_prints_the_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = strict_site(tmp_path, relax=True)
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        build(config)
    assert config.strict is False
    assert "a warning strict mode counts" in caplog.messages


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveReloadServer]:
    """MkDocs' own live-reload server, never bound: its build loop runs in a thread."""
    (tmp_path / "index.html").write_text("<html><body><p>last good</p></body></html>")
    made = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    made.watch(str(tmp_path))  # a watched server injects live reload, as `serve` does
    try:
        yield made
    finally:
        made.server_close()


def rebuild(server: LiveReloadServer) -> bool:
    """Run one rebuild through MkDocs' own build loop, with the server's builder as it is;
    whether the rebuilt site became visible."""
    builder = server.builder
    done = threading.Event()

    def counting() -> None:
        try:
            builder()
        finally:
            done.set()

    server.builder = counting
    with server._rebuild_cond:
        server._want_rebuild = True
    loop = threading.Thread(target=server._build_loop, daemon=True)
    loop.start()
    assert done.wait(30)
    # The loop marks the site visible before it looks at _shutdown again.
    with server._rebuild_cond:
        server._shutdown = True
        server._rebuild_cond.notify_all()
    loop.join(30)
    server._shutdown = False
    server.builder = builder
    return bool(server._visible_epoch == server._wanted_epoch)


def failing() -> None:
    raise Abort("Aborted with a BuildError!")


def test_mkdocs_keeps_requests_waiting_after_a_failed_rebuild(server: LiveReloadServer) -> None:
    """Pins MkDocs 1.6.1: the server makes a rebuilt site visible only when its builder
    returns, and holds every page request until the visible site is the wanted one."""
    assert rebuild(server)
    server.builder = failing
    assert not rebuild(server)


def get(app: Any, path: str) -> tuple[str, dict[str, str], bytes]:
    answered: list[tuple[str, list[tuple[str, str]]]] = []
    environ = {"PATH_INFO": path, "REQUEST_METHOD": "GET", "wsgi.input": io.BytesIO()}
    body = b"".join(app(environ, lambda status, headers, *_: answered.append((status, headers))))
    status, headers = answered[-1]
    return status, dict(headers), body


def test_a_failed_rebuild_leaves_the_last_good_site_answering_with_a_banner(
    server: LiveReloadServer,
) -> None:
    guard = PreviewGuard()
    built: list[str] = []
    broken = [True]

    def builder() -> None:
        if broken[0]:
            # What MkDocs' build does with a PluginError: on_build_error, then its own Abort.
            guard.note(PluginError("the site settings are wrong:\nmkdocs.yml:3:1: <bad>"))
            failing()
        built.append("built")

    server.builder = builder
    guard.install(server)
    assert rebuild(server)
    assert guard.failure == "the site settings are wrong:\nmkdocs.yml:3:1: <bad>"
    status, headers, body = get(server.get_app(), "/")
    assert status == "200 OK"
    assert headers["Content-Length"] == str(len(body))
    assert body.startswith(b'<html><body><div id="casebook-preview-failed" role="alert"')
    assert b"the site settings are wrong:\nmkdocs.yml:3:1: &lt;bad&gt;</pre>" in body
    assert b"<p>last good</p>" in body and b"livereload(" in body
    broken[0] = False
    assert rebuild(server)
    assert built == ["built"]
    assert guard.failure is None
    assert b"casebook-preview-failed" not in get(server.get_app(), "/")[2]


def test_an_error_before_mkdocs_builds_is_printed_and_shown(
    server: LiveReloadServer, caplog: pytest.LogCaptureFixture
) -> None:
    """mkdocs.yml that does not parse fails before MkDocs' build, which would log it."""
    guard = PreviewGuard()

    def unreadable() -> None:
        raise Abort("MkDocs encountered an error parsing the configuration file")

    server.builder = unreadable
    guard.install(server)
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.casebook"):
        assert rebuild(server)
    assert caplog.messages == [
        "MkDocs encountered an error parsing the configuration file",
        "Casebook: the preview keeps the last good site, with this error at the top of every "
        "page; fix it and save",
    ]
    assert guard.failure == "MkDocs encountered an error parsing the configuration file"


def test_the_banner_goes_first_in_the_body_and_is_escaped() -> None:
    page = with_banner(b'<html><body class="x"><h1>Hi</h1></body></html>', "a <script> & more")
    assert page.startswith(b'<html><body class="x"><div id="casebook-preview-failed"')
    assert b"a &lt;script&gt; &amp; more</pre>" in page
    assert page.endswith(b"<h1>Hi</h1></body></html>")
