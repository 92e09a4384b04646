"""Serve a built site on loopback, drive Debian's Chromium through Playwright, run axe-core."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

from .project import ROOT

CHROMIUM = "/usr/bin/chromium"
# Installed from package-lock.json by ./dev.sh (npm ci); loaded into the page under test.
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Without the background-networking flags Chromium keeps trying hosts this machine cannot reach.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """A static file server for `root` on a free loopback port; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def search_for(page: Page, query: str) -> None:
    """Type `query` into the site search until its first result shows."""
    search = page.locator("input.md-search__input")
    search.click()
    result = page.locator(".md-search-result__item a").first
    # The index loads in a web worker with no ready signal; a query typed before it is ready
    # is dropped, so type again until results come or the time is up.
    for _ in range(30):
        search.fill("")
        search.press_sequentially(query)
        if result.is_visible():
            return
        page.wait_for_timeout(500)


def axe_violations(
    page: Page, *, tags: list[str] | None = None, rules: list[str] | None = None
) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now: the given rules, else the given tags."""
    assert AXE_SCRIPT.exists(), f"{AXE_SCRIPT} is missing: ./dev.sh test installs it (npm ci)"
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    run_only = (
        {"type": "rule", "values": rules}
        if rules
        else {"type": "tag", "values": tags or WCAG_21_AA}
    )
    violations = page.evaluate(
        "runOnly => axe.run(document, {runOnly}).then(r => r.violations)", run_only
    )
    return list(violations)


def describe_violations(violations: list[dict[str, Any]]) -> str:
    """One line per violation and one per offending element, for a readable failure."""
    lines: list[str] = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            target = " >>> ".join(
                " ".join(part) if isinstance(part, list) else part for part in node["target"]
            )
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"  {target}: {summary}")
    return "\n".join(lines)
