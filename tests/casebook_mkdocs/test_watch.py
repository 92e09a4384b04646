"""The native watcher of the case data, and which case folders it saw change."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, cast

from casebook_mkdocs.watch import CaseChanges
from watchdog.events import FileModifiedEvent, FileMovedEvent


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
