"""The native watcher of the case data, and which case folders it saw change."""

from __future__ import annotations

import inspect
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import mkdocs.commands.serve
import pytest
from casebook_mkdocs.watch import CHANGES, CaseChanges, watch_natively
from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileModifiedEvent, FileMovedEvent
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver


class _Observer:
    def __init__(self) -> None:
        self.scheduled: list[tuple[Any, str, bool]] = []

    def schedule(self, handler: Any, path: str, *, recursive: bool, event_filter: Any) -> None:
        self.scheduled.append((handler, path, recursive))


def test_case_changes_name_the_folders_the_watcher_saw(tmp_path: Path) -> None:
    root = tmp_path / "case_data"
    (root / "a" / "figures").mkdir(parents=True)
    changes = CaseChanges()
    assert changes.take() is None  # no watcher yet: read every folder
    observer = _Observer()
    changes.start(cast(Any, observer), root)
    assert observer.scheduled == [(changes, os.path.realpath(root), True)]
    assert changes.take() is None  # a save before the watcher started was not seen
    real = os.path.realpath(root)
    changes.on_any_event(FileModifiedEvent(f"{real}/a/figures/x.png"))
    changes.on_any_event(FileMovedEvent(f"{real}/b", f"{real}/c"))
    assert changes.take() == {"a", "b", "c"}
    assert changes.take() == set()
    changes.on_any_event(FileModifiedEvent(f"{real}/a/case.yaml"))
    changes.forget()  # a failed build: which folders it read is not known
    assert changes.take() is None
    assert changes.take() == set()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveReloadServer]:
    """MkDocs' own live-reload server, never started: no thread, no bound port."""
    made = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        yield made
    finally:
        made.server_close()


def test_mkdocs_server_polls_through_its_observer_attribute(
    server: LiveReloadServer, tmp_path: Path
) -> None:
    """Pins what watch_natively relies on in MkDocs 1.6.1 and watchdog 7.1.0: the server keeps
    a PollingObserver in `observer`, schedules each watch() on whatever is there with
    `schedule(handler, path, recursive=...)` and no event filter, `serve` calls on_serve
    after watching docs/ and mkdocs.yml and before the `watch:` paths, and an observer's
    schedule takes the keywords that watch_natively passes on."""
    assert type(server.observer) is PollingObserver
    scheduled: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    server.observer = cast(Any, SimpleNamespace(schedule=lambda *a, **k: scheduled.append((a, k))))
    server.watch(str(tmp_path))
    assert [(len(args), args[1], kwargs) for args, kwargs in scheduled] == [
        (2, str(tmp_path), {"recursive": True})
    ]
    source = inspect.getsource(mkdocs.commands.serve.serve)
    steps = ["server.watch(config.docs_dir)", "plugins.on_serve(", "for item in config.watch"]
    found = [source.find(step) for step in steps]
    assert -1 not in found and found == sorted(found)
    parameters = inspect.signature(BaseObserver.schedule).parameters
    assert [(name, p.kind.name) for name, p in parameters.items()] == [
        ("self", "POSITIONAL_OR_KEYWORD"),
        ("event_handler", "POSITIONAL_OR_KEYWORD"),
        ("path", "POSITIONAL_OR_KEYWORD"),
        ("recursive", "KEYWORD_ONLY"),
        ("event_filter", "KEYWORD_ONLY"),
        ("follow_symlink", "KEYWORD_ONLY"),
    ]


def test_paths_watched_after_on_serve_get_native_changes_only(
    server: LiveReloadServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CASEBOOK_SERVE_POLLING", raising=False)
    polling = server.observer
    native = watch_natively(server)
    if native is None:
        pytest.skip("no change notifications on this system")
    assert native is polling
    assert not isinstance(server.observer, PollingObserver)
    server.watch(str(tmp_path))
    assert server._watch_refs[str(tmp_path)].event_filter == frozenset(CHANGES)


def test_a_server_without_the_polling_observer_is_left_to_mkdocs(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CASEBOOK_SERVE_POLLING", raising=False)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.casebook"):
        assert watch_natively(SimpleNamespace(watchers=[])) is None
    assert [r.getMessage() for r in caplog.records] == [
        "Casebook: this MkDocs' live-reload server has no polling observer where MkDocs 1.6.1 "
        "keeps one; MkDocs watches the case data itself"
    ]
