"""Fast previews under `mkdocs serve --dirty`: rebuild only the pages whose Markdown changed.

MkDocs' dirty build skips a file when it says it is not modified, but treats every generated
file as modified. Here a generated page is modified when its text differs from the previous
build's, and a figure when its re-encoded file does. Pages that list other pages (the tag
index) cannot be rebuilt alone, so when the list of cases or their tags change, or mkdocs.yml
does, every page is rebuilt.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
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

POLLING_VARIABLE = "CASEBOOK_SERVE_POLLING"
# Changes only: a native observer also reports files being opened and read, and every build
# reads the case files, so those events would start the next build in an endless loop.
_CHANGES: list[type[FileSystemEvent]] = [
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


_DIRTY_WARNING = "A 'dirty' build is being performed"


class _DirtyWarningFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_DIRTY_WARNING)


def quiet_dirty_warning() -> None:
    """Drop MkDocs' warning that a dirty build may leave links and navigation stale: this module
    rebuilds everything when they could be, and under `strict: true` the warning alone would
    abort every preview build."""
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _DirtyWarningFilter) for f in logger.filters):
        logger.addFilter(_DirtyWarningFilter())


class Tracked(File):
    """A generated file that knows whether it changed since the previous build."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed or not os.path.isfile(self.abs_dest_path)


class BuildTracker:
    """What the previous successful build wrote, to tell which files need writing again."""

    def __init__(self) -> None:
        self._generated: dict[str, str | bytes] = {}
        self._copies: dict[str, Tracked] = {}
        self._context: str | None = None
        self._pending: tuple[dict[str, str | bytes], dict[str, Tracked], str] | None = None
        self.rebuilding_all = True

    def files(
        self,
        config: MkDocsConfig,
        *,
        pages: Mapping[str, str],
        copies: Mapping[str, str],
        contents: Mapping[str, bytes] | None = None,
        context: str,
    ) -> list[Tracked]:
        """Files for `pages` (site path -> Markdown), `copies` (site path -> a file whose name
        changes with its content, as in the image cache) and `contents` (site path -> bytes of
        a small generated file, such as the feed)."""
        self.rebuilding_all = context != self._context
        generated: dict[str, str | bytes] = {**pages, **(contents or {})}
        files = []
        for uri, content in generated.items():
            file = Tracked.generated(config, uri, content=content)
            assert isinstance(file, Tracked)
            file.changed = self.rebuilding_all or self._generated.get(uri) != content
            files.append(file)
        # Copies are reused as they are: making thousands of File objects costs a tenth of a
        # second.
        copied: dict[str, Tracked] = {}
        for uri, path in copies.items():
            copy = self._copies.get(uri)
            if copy is not None and copy.abs_src_path == path and copy.dest_dir == config.site_dir:
                copy.changed = False
            else:
                created = Tracked.generated(config, uri, abs_src_path=path)
                assert isinstance(created, Tracked)
                copy = created
            copied[uri] = copy
        files.extend(copied.values())
        self._pending = (generated, copied, context)
        return files

    def succeeded(self) -> None:
        if self._pending is not None:
            self._generated, self._copies, self._context = self._pending
        self._pending = None

    def failed(self) -> None:
        """A build that failed after choosing its files may have written any of them: rebuild
        all next time. One that failed before (invalid case data, saved mid-edit) wrote nothing,
        and the next save should still rebuild one page, not a thousand."""
        if self._pending is not None:
            self._generated, self._copies, self._context = {}, {}, None
        self._pending = None


class IdleCollector:
    """Keep Python's full garbage collections out of preview rebuilds.

    A served site of a thousand cases keeps millions of long-lived objects (every case's
    output, MkDocs' files and pages), and a full collection that walks them all took a quarter
    of a second of one rebuild in three. After each build everything alive is frozen, so
    collections during the next build only look at new objects; once the server has been idle
    for `delay` seconds, the previous build's garbage is collected and the survivors frozen
    again. The delay is short: the browser reloads the page within a few hundredths of a
    second of the build, and the collection should be over while the author reads it, not be
    running when the next save comes.
    """

    def __init__(self, delay: float = 0.25) -> None:
        self._delay = delay
        self._timer: threading.Timer | None = None

    def build_started(self) -> None:
        self._cancel()

    def build_finished(self) -> None:
        self._cancel()
        gc.freeze()
        self._timer = threading.Timer(self._delay, self.collect)
        self._timer.daemon = True
        self._timer.start()

    def collect(self) -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def stop(self) -> None:
        self._cancel()
        gc.unfreeze()

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


def site_context(config: MkDocsConfig, listings: Iterable[tuple[str, Iterable[str]]]) -> str:
    """Digest of what every page's HTML depends on besides its own Markdown: the configuration,
    the theme overrides every page is rendered with, and, through the tag index, each case's
    tags."""
    hasher = hashlib.sha256()
    if config.config_file_path:
        hasher.update(Path(config.config_file_path).read_bytes())
    custom_dir = getattr(getattr(config, "theme", None), "custom_dir", None)
    if custom_dir and os.path.isdir(custom_dir):
        for path in sorted(Path(custom_dir).rglob("*")):
            if path.is_file():
                hasher.update(f"{path.relative_to(custom_dir).as_posix()}\0".encode())
                hasher.update(hashlib.sha256(path.read_bytes()).digest())
    for uri, tags in listings:
        hasher.update(f"{uri}\0{'|'.join(tags)}\0".encode())
    return hasher.hexdigest()


def expire_static_pages(files: Files) -> None:
    """Make MkDocs' dirty build rebuild the pages written by hand in docs/ as well: it rebuilds
    a page whose output is missing."""
    for file in files.documentation_pages():
        if not isinstance(file, Tracked) and os.path.isfile(file.abs_dest_path):
            os.remove(file.abs_dest_path)


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
        observer.schedule(self, self._root, recursive=True, event_filter=_CHANGES)

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
    before this event. Returns that polling observer, which the caller stops on shutdown.

    Notifications do not cross some Docker and network mounts; set CASEBOOK_SERVE_POLLING=1
    there to keep MkDocs' polling."""
    if os.environ.get(POLLING_VARIABLE) or not isinstance(
        getattr(server, "observer", None), PollingObserver
    ):
        return None
    native = Observer()
    if isinstance(native, PollingObserver):
        return None
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
            event_filter=event_filter or _CHANGES,
            follow_symlink=follow_symlink,
        )

    native.schedule = schedule_changes  # type: ignore[method-assign]
    polling: BaseObserver = server.observer
    server.observer = native
    if polling.emitters:
        polling.start()
    return polling
