"""WCAG 2.1 AA in a real browser: axe-core finds nothing on the example site's pages."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from ..support.browser import axe_violations, describe_violations, search_for
from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

CASE = "cases/ppp-ad-baricitinib/"
PAGES = {"home": "", "case": CASE, "care": CASE + "care/", "tags": "tags/"}
# Best-practice rules outside the WCAG tags that readers reported failing: the search dialog's
# name, the CARE table's empty header cell, scroll boxes the keyboard cannot reach.
REPORTED = ["aria-dialog-name", "empty-table-header", "scrollable-region-focusable"]


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page) + axe_violations(page, rules=REPORTED)
    if violations:
        pytest.fail(describe_violations(violations), pytrace=False)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_wcag_aa_violations(
    open_page: Callable[[ViewportSize], Page],
    example_site_url: str,
    path: str,
    viewport: ViewportSize,
) -> None:
    page = open_page(viewport)
    page.goto(example_site_url + path)
    assert_accessible(page)


def test_search_with_results_has_no_wcag_aa_violations(
    open_page: Callable[[ViewportSize], Page], example_site_url: str
) -> None:
    page = open_page(DESKTOP)
    page.goto(example_site_url)
    search_for(page, "baricitinib")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    expect(page.get_by_role("dialog", name="Search")).to_be_visible()
    assert_accessible(page)


def test_care_table_headers_are_all_named(
    open_page: Callable[[ViewportSize], Page], example_site_url: str
) -> None:
    page = open_page(DESKTOP)
    page.goto(example_site_url + PAGES["care"])
    headers = page.locator("article th").all_inner_texts()
    assert headers and all(text.strip() for text in headers), headers
