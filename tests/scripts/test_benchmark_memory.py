"""scripts/benchmark.py counts the memory of a build's whole process tree, shared pages once."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from ..support.project import ROOT

# Two children of one parent, each holding 60 MB of its own and all of the interpreter's
# shared code; the parent waits.
_PARENT = """
import subprocess, sys
child = "x = bytearray(60_000_000); print('ready', flush=True); import time; time.sleep(30)"
children = [subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE) for _ in "ab"]
for c in children:
    c.stdout.readline()
print("ready", flush=True)
[c.wait() for c in children]
"""


def test_the_tree_is_summed_and_shared_pages_are_counted_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    benchmark = importlib.import_module("benchmark")
    parent = subprocess.Popen([sys.executable, "-c", _PARENT], stdout=subprocess.PIPE)
    try:
        assert parent.stdout is not None and parent.stdout.readline() == b"ready\n"
        rss, pss = benchmark.tree_kib(parent.pid)
    finally:
        subprocess.run(["pkill", "-P", str(parent.pid)], check=False)
        parent.kill()
        parent.wait()
    # Both children's 60 MB, with the parent: the whole tree, not its first process.
    assert pss >= 2 * 60_000 and rss >= 2 * 60_000
    # Three interpreters share their code: RSS counts it three times, PSS once.
    assert pss < rss
