"""Run MkDocs on a copy of the project, as an author would from a shell."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MKDOCS = [sys.executable, "-m", "mkdocs"]


def mkdocs_env(project: Path) -> dict[str, str]:
    env = dict(os.environ)
    # The copy's own core must win over the installed one, so a test can edit it.
    env["PYTHONPATH"] = str(project / "build_hooks")
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def build(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            *MKDOCS,
            "build",
            "--strict",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site_dir),
            *extra,
        ],
        cwd=project,
        env=mkdocs_env(project),
        capture_output=True,
        text=True,
        timeout=300,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, needle: str, *, timeout: float) -> str:
    """Poll `url` until its text contains `needle`; fail with the last text seen."""
    deadline = time.monotonic() + timeout
    text: str | None = None
    while time.monotonic() < deadline:
        text = fetch(url)
        if text is not None and needle in text:
            return text
        time.sleep(0.5)
    raise AssertionError(f"{needle!r} did not appear at {url} within {timeout}s")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


@contextmanager
def serving(project: Path, log: Path, *options: str, ready: tuple[str, str]) -> Iterator[str]:
    """`mkdocs serve` of `project` on a free port, as an author runs it, with what it prints
    in `log`; yields the site's address once the page at `ready[0]` (relative to it) shows
    `ready[1]`, and stops the server afterwards."""
    port = free_port()
    with log.open("w") as stderr:
        process = subprocess.Popen(
            [*MKDOCS, "serve", *options, "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=mkdocs_env(project),
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    url = f"http://127.0.0.1:{port}/casebook/"
    try:
        wait_for(url + ready[0], ready[1], timeout=120)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
