"""Idle-time garbage collection between preview rebuilds."""

from __future__ import annotations

import gc
import time
import weakref

from casebook_mkdocs.memory import IdleCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_idle_collector_freezes_after_a_build_and_collects_when_idle() -> None:
    collector = IdleCollector(delay=0.05)
    garbage = _Cycle()
    alive = weakref.ref(garbage)
    try:
        collector.build_finished()
        # Frozen: the next build's collections do not walk what the last build left.
        assert gc.get_freeze_count() > 0
        del garbage
        gc.collect()
        assert alive() is not None, "a frozen cycle is not collected during a build"
        deadline = time.monotonic() + 5
        # Collected, then the survivors frozen again (the cycle can die before the freeze).
        while alive() is not None or gc.get_freeze_count() == 0:
            assert time.monotonic() < deadline, "the idle collection never ran"
            time.sleep(0.02)
    finally:
        collector.stop()
    assert gc.get_freeze_count() == 0


def test_idle_collection_waits_while_a_build_runs() -> None:
    collector = IdleCollector(delay=0.05)
    garbage = _Cycle()
    alive = weakref.ref(garbage)
    try:
        collector.build_finished()
        del garbage
        collector.build_started()  # a save within the delay: no collection during this build
        time.sleep(0.2)
        assert alive() is not None
    finally:
        collector.stop()
    gc.collect()
    assert alive() is None
