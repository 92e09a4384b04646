"""The example site built once, served on loopback, and a Chromium to open its pages in."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize

from ..support.browser import chromium, serve_directory
from ..support.project import copy_project
from ..support.sites import build

PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def example_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example project built strictly and served; the base URL ends in a slash."""
    base = tmp_path_factory.mktemp("example-site")
    project = copy_project(base / "project")
    result = build(project, base / "site")
    assert result.returncode == 0, result.stderr
    with serve_directory(base / "site") as url:
        yield url


@pytest.fixture(scope="session")
def shared_browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


@pytest.fixture
def open_page(shared_browser: Browser) -> Iterator[Callable[[ViewportSize], Page]]:
    """Pages at a given viewport, each in a fresh context; any JavaScript error fails the test."""
    contexts: list[BrowserContext] = []
    errors: list[str] = []

    def opener(viewport: ViewportSize) -> Page:
        context = shared_browser.new_context(viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        return page

    yield opener
    for context in contexts:
        context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"
