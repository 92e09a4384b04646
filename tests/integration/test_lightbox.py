"""The figure lightbox for keyboard and screen-reader readers: a named modal dialog that takes
focus, keeps it, shows the legend and gives focus back to the figure link on Escape."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, ViewportSize, expect

from ..support.browser import axe_violations, describe_violations
from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

CASE = "cases/ppp-ad-baricitinib/"
LINK = "#fig-clinical-soles a.glightbox"
DIALOG = "#glightbox-body"
SOLES_ALT = "Placeholder for a photograph of pustules on red, scaly patches of the soles."


def open_with_enter(page: Page, site_url: str) -> Locator:
    """Open Figure 1b's lightbox from the keyboard; return the dialog."""
    page.goto(site_url + CASE)
    page.locator(LINK).focus()
    page.keyboard.press("Enter")
    dialog = page.locator(DIALOG)
    expect(dialog.locator(".gslide.current img")).to_have_attribute(
        "src", re.compile(r"/figures/clinical-soles\.png$")
    )
    # GLightbox fades the slide in; a check made mid-fade measures blended colours that no
    # reader is left looking at, so wait until the dialog's own animations have finished.
    page.wait_for_function(
        """() => document.querySelector('#glightbox-body')
            .getAnimations({subtree: true})
            .every((a) => a.playState !== 'running' && a.playState !== 'pending')"""
    )
    return dialog


def expect_focus_inside(page: Page) -> None:
    expect(page.locator(f"{DIALOG} :focus")).to_have_count(1)


def test_enter_opens_the_lightbox_with_focus_inside(
    open_page: Callable[[ViewportSize], Page], example_site_url: str
) -> None:
    page = open_page(DESKTOP)
    dialog = open_with_enter(page, example_site_url)
    expect(dialog).to_be_visible()
    expect_focus_inside(page)


def test_lightbox_is_a_modal_dialog_named_after_the_figure(
    open_page: Callable[[ViewportSize], Page], example_site_url: str
) -> None:
    page = open_page(DESKTOP)
    open_with_enter(page, example_site_url)
    dialog = page.get_by_role("dialog", name="Figure 1b")
    expect(dialog).to_be_visible()
    expect(dialog).to_have_attribute("aria-modal", "true")
    # GLightbox's copy of the image keeps the figure's alt text.
    expect(dialog.locator(".gslide.current img")).to_have_attribute("alt", SOLES_ALT)
    # The name follows the image on show.
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("dialog", name="Figure 1c")).to_be_visible()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_lightbox_shows_the_legend_under_the_image(
    open_page: Callable[[ViewportSize], Page], example_site_url: str, viewport: ViewportSize
) -> None:
    page = open_page(viewport)
    dialog = open_with_enter(page, example_site_url)
    legend = dialog.locator(".gslide.current .gslide-description")
    expect(legend).to_be_visible()
    expect(legend).to_contain_text("Figure 1.")
    expect(legend).to_contain_text("(b) Soles: many pustules on large red, scaly patches")
    # Read out with the dialog's name, as a sighted reader sees it under the image.
    expect(dialog).to_have_accessible_description(re.compile(r"^Figure 1\. \(a\) Back: "))
    image = dialog.locator(".gslide.current .gslide-image img").bounding_box()
    text = legend.bounding_box()
    assert image and text
    # Under the picture, not laid over it (GLightbox's own narrow-screen layout does that).
    assert text["y"] >= image["y"] + image["height"] - 1


def test_tab_keeps_focus_in_the_lightbox(
    open_page: Callable[[ViewportSize], Page], example_site_url: str
) -> None:
    page = open_page(DESKTOP)
    open_with_enter(page, example_site_url)
    expect_focus_inside(page)
    for key in ["Tab"] * 4 + ["Shift+Tab"] * 4:
        page.keyboard.press(key)
        expect_focus_inside(page)


def test_escape_returns_focus_to_the_figure_link(
    open_page: Callable[[ViewportSize], Page], example_site_url: str
) -> None:
    page = open_page(DESKTOP)
    open_with_enter(page, example_site_url)
    # A reader moves among the lightbox's buttons first; focus must still come back.
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    expect(page.locator(DIALOG)).to_have_count(0)
    expect(page.locator(LINK)).to_be_focused()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_open_lightbox_has_no_wcag_aa_violations(
    open_page: Callable[[ViewportSize], Page], example_site_url: str, viewport: ViewportSize
) -> None:
    page = open_page(viewport)
    open_with_enter(page, example_site_url)
    expect_focus_inside(page)
    violations = axe_violations(page)
    if violations:
        pytest.fail(describe_violations(violations), pytrace=False)
