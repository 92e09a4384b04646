"""Reading on a phone (390 px wide): no page scrolls sideways, the tables a reader scans first,
the case list and the CARE checklist, show every column without scrolling their box, and a
table that must scroll in its box can be scrolled from the keyboard."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from ..support.browser import axe_violations, describe_violations
from .conftest import PHONE

pytestmark = pytest.mark.browser

CASE = "cases/ppp-ad-baricitinib/"
PAGES = {"home": "", "case": CASE, "care": CASE + "care/", "tags": "tags/"}


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_does_not_scroll_sideways(
    open_page: Callable[[ViewportSize], Page], example_site_url: str, path: str
) -> None:
    page = open_page(PHONE)
    page.goto(example_site_url + path)
    # Wide content may scroll inside its own box (Material wraps tables so), never the page.
    page_width, viewport = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert page_width <= viewport


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("", ["Case", "Diagnosis", "Main treatment", "Published"]),
        (CASE + "care/", ["#", "Item", "Status", "Where in the case"]),
    ],
    ids=["home", "care"],
)
def test_table_shows_every_column(
    open_page: Callable[[ViewportSize], Page],
    example_site_url: str,
    path: str,
    headers: list[str],
) -> None:
    page = open_page(PHONE)
    page.goto(example_site_url + path)
    table = page.locator("article table").first
    expect(table.locator("thead th")).to_have_text(headers)
    cells = table.locator("th, td")
    assert cells.count() > len(headers)
    outside = [
        (cell.inner_text(), box)
        for cell in cells.all()
        if (box := cell.bounding_box()) is None or box["x"] < 0 or box["x"] + box["width"] > 390
    ]
    assert outside == [], "cells cut off at the screen's edge"


def test_table_too_wide_for_the_screen_scrolls_from_the_keyboard(
    open_page: Callable[[ViewportSize], Page], example_site_url: str
) -> None:
    # At 320 px, the narrowest phones, the outcome-score table (no link in it) overflows.
    page = open_page({"width": 320, "height": 700})
    page.goto(example_site_url + CASE)
    overflowing = page.locator(".md-typeset__scrollwrap").evaluate_all(
        "boxes => boxes.filter(b => b.scrollWidth > b.clientWidth && !b.querySelector('a')).length"
    )
    assert overflowing > 0, "no box overflows: the test would check nothing"
    violations = axe_violations(page, rules=["scrollable-region-focusable"])
    if violations:
        pytest.fail(describe_violations(violations), pytrace=False)
