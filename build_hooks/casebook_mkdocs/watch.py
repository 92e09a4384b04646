"""The case data watched with the system's change notifications, and which case folders changed.

MkDocs polls every watched file twice a second; at a thousand cases that costs a tenth of each
second and delays noticing a save. Here the paths under `watch:` get a native observer, whose
events also tell the core which case folders to read again.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Any

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileAttribEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.plugins.casebook")

POLLING_VARIABLE = "CASEBOOK_SERVE_POLLING"
# Changes only: a native observer also reports files being opened and read, and every build
# reads the case files, so those events would start the next build in an endless loop.
CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileAttribEvent,
    FileClosedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]


class CaseChanges(FileSystemEventHandler):
    """The case folders the native watcher saw change since the last build.

    `take()` answers None (read every folder) until the watcher runs and once more after it
    starts, since a save before then was not seen; from then on, the names of the folders
    with an event since the previous `take()`.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._root: str | None = None
        self._folders: set[str] | None = None

    def start(self, observer: BaseObserver, case_root: Path) -> None:
        if not case_root.is_dir():
            return
        self._root = os.path.realpath(case_root)
        observer.schedule(self, self._root, recursive=True, event_filter=CHANGES)

    def on_any_event(self, event: FileSystemEvent) -> None:
        with self._lock:
            if self._folders is None or self._root is None:
                return
            for path in (event.src_path, getattr(event, "dest_path", "")):
                relative = os.path.relpath(os.fsdecode(path), self._root) if path else ""
                if relative and not relative.startswith(".."):
                    self._folders.add(relative.split(os.sep, 1)[0])

    def forget(self) -> None:
        """After a failed build, which folders it read is not known: read them all next time."""
        with self._lock:
            self._folders = None

    def take(self) -> set[str] | None:
        with self._lock:
            taken = self._folders
            self._folders = set() if self._root is not None else None
        return taken


def watch_natively(server: Any) -> BaseObserver | None:
    """Watch the paths listed under `watch:` (the case data) with the system's change
    notifications instead of MkDocs' polling, which looks at every file twice a second: with a
    thousand cases that takes a tenth of each second and adds a quarter of a second, on average,
    before a save is noticed. MkDocs keeps polling docs/ and mkdocs.yml, which it scheduled
    before this event. Returns that polling observer, which the caller stops on shutdown, or
    None when MkDocs keeps polling everything.

    Relies on MkDocs 1.6.1's LiveReloadServer keeping its PollingObserver in `observer` and
    scheduling every later `watch()` on it with `schedule(handler, path, recursive=...)`, and
    on `serve` watching `watch:` after on_serve; tests/casebook_mkdocs/test_watch.py pins these.

    Notifications do not cross some Docker and network mounts; set CASEBOOK_SERVE_POLLING=1
    there to keep MkDocs' polling."""
    if os.environ.get(POLLING_VARIABLE):
        return None
    if not isinstance(getattr(server, "observer", None), PollingObserver):
        log.info(
            "Casebook: this MkDocs' live-reload server has no polling observer where MkDocs "
            "1.6.1 keeps one; MkDocs watches the case data itself"
        )
        return None
    native = Observer()
    if isinstance(native, PollingObserver):
        return None  # no change notifications on this system: MkDocs' polling is as good
    schedule = native.schedule

    def schedule_changes(
        event_handler: FileSystemEventHandler,
        path: str | Path,
        *,
        recursive: bool = False,
        event_filter: list[type[FileSystemEvent]] | None = None,
        follow_symlink: bool = False,
    ) -> Any:
        return schedule(
            event_handler,
            path,
            recursive=recursive,
            event_filter=event_filter or CHANGES,
            follow_symlink=follow_symlink,
        )

    # MkDocs' watch() schedules without an event filter; every watch it adds from here on
    # gets the changes-only one.
    native.schedule = schedule_changes  # type: ignore[method-assign]
    polling: BaseObserver = server.observer
    server.observer = native
    if polling.emitters:
        polling.start()
    return polling
