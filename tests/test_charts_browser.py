"""The built example in headless Chromium: charts render, and each has alt text and a text
equivalent a reader can reach."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import copy_project
from sites import build

pytestmark = [pytest.mark.browser, pytest.mark.integration]

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = tmp_path_factory.mktemp("charts")
    project = copy_project(base / "project")
    site = base / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def page(site_url: str) -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip("no Chromium at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.goto(site_url + "cases/ppp-ad-baricitinib/", wait_until="load")
        # Lazy images load when near the viewport: bring each one into view.
        for image in tab.locator("img[src^='charts/']").all():
            image.scroll_into_view_if_needed()
        tab.wait_for_function(
            "[...document.querySelectorAll(\"img[src^='charts/']\")]"
            ".every(i => i.complete && i.naturalWidth > 0)"
        )
        yield tab
        browser.close()


def test_every_chart_renders_with_alt_text(page: Any) -> None:
    charts = page.eval_on_selector_all(
        "img[src^='charts/']",
        "imgs => imgs.map(i => [i.getAttribute('src'), i.naturalWidth, i.alt.length])",
    )
    assert [src for src, _, _ in charts] == ["charts/timeline.svg", "charts/fig-scores.svg"]
    assert all(width > 300 and alt > 50 for _, width, alt in charts)


def test_timeline_chart_is_followed_by_its_table(page: Any) -> None:
    rows = page.eval_on_selector(
        "#chart-timeline",
        # The theme wraps a table in scroll containers: find the next element holding one.
        "f => { let t = f.nextElementSibling; "
        "while (t && t.tagName !== 'TABLE' && !t.querySelector('table')) t = t.nextElementSibling;"
        " const table = t && (t.tagName === 'TABLE' ? t : t.querySelector('table'));"
        " return table ? table.querySelectorAll('tbody tr').length : 0 }",
    )
    assert rows == 7


def test_figure_2_has_its_values_and_says_they_are_illustrative(page: Any) -> None:
    caption = page.inner_text("#fig-scores figcaption")
    assert "Illustrative values: the source gives no numbers for these scores." in caption
    details = page.locator("details.cb-chart-details")
    details.locator("summary").click()
    table = details.locator("table.cb-chart-data")
    assert table.is_visible()
    assert table.locator("tbody tr").count() == 8
    assert table.locator("thead th").all_inner_texts() == [
        "Time",
        "EASI (truncal rash)",
        "PPPASI (palmoplantar lesions)",
    ]


def test_care_page_links_resolve(page: Any, site_url: str) -> None:
    page.goto(site_url + "cases/ppp-ad-baricitinib/care/", wait_until="load")
    assert page.locator("h1").inner_text().startswith("CARE checklist")
    href = page.locator("a", has_text="Timeline").first.get_attribute("href")
    assert href == "../#timeline"
