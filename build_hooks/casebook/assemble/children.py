"""Child processes that work on the build cache: this copy of the core, a request on stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

MAX_CHILDREN = 2
"""Two: the build process waits while they render, so two cores are used; a third
child's memory (about 100 MB) would buy nothing on the two-core machines Casebook is measured
on."""
PER_CHILD_AT_LEAST = 10
"""A child takes at least this many items: starting one costs about half a second."""


def shares(items: Sequence[str]) -> list[list[str]]:
    """`items` split between as many children as are worth starting on the cores the build
    may use; interleaved, not halves, since neighbouring cases tend to be alike in size."""
    workers = max(1, min(MAX_CHILDREN, _usable_cores(), len(items) // PER_CHILD_AT_LEAST))
    return [list(items[start::workers]) for start in range(workers)]


def start_child(code: str, request: dict[str, Any]) -> subprocess.Popen[bytes] | None:
    """A Python child running `code` with `request` as JSON on its stdin and its stdout piped
    back; None if it could not be started (the build then does the work itself)."""
    # The child must import this very copy of the core, wherever the build found it.
    package_parent = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_parent, env.get("PYTHONPATH")]))
    try:
        child = subprocess.Popen(
            [sys.executable, "-c", code],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
    except OSError:
        return None
    assert child.stdin is not None
    try:
        child.stdin.write(json.dumps(request).encode())
        child.stdin.close()
    except OSError:  # it died before reading its request
        child.kill()
        child.wait()
        return None
    return child


def finish_child(child: subprocess.Popen[bytes]) -> Any:
    """The JSON the child printed last, once it has exited; None if it failed."""
    assert child.stdout is not None
    printed = child.stdout.read()
    child.stdout.close()
    if child.wait() != 0:
        return None
    # The last line: a library may have printed something of its own before it.
    lines = printed.strip().splitlines()
    try:
        return json.loads(lines[-1]) if lines else None
    except ValueError:
        return None


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
