"""Idle-time garbage collection for `mkdocs serve`: full collections out of the rebuilds."""

from __future__ import annotations

import gc
import threading


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
