"""What only a browser shows: numbering on screen, links that land, the lightbox and search."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

import pypdf
import pytest
from playwright.sync_api import Page, ViewportSize, expect

from ..support.browser import search_for
from .conftest import DESKTOP

pytestmark = pytest.mark.browser

CASE = "cases/ppp-ad-baricitinib/"


@pytest.fixture
def site_url(example_site_url: str) -> str:
    return example_site_url


@pytest.fixture
def page(open_page: Callable[[ViewportSize], Page]) -> Page:
    return open_page(DESKTOP)


def target_id(page: Page) -> str:
    return str(page.evaluate("document.querySelector(':target')?.id ?? ''"))


def test_figures_and_panels_are_numbered(page: Page, site_url: str) -> None:
    page.goto(site_url + CASE)
    captions = page.locator("figure.cb-figure figcaption")
    expect(captions).to_have_count(3)
    expect(captions.nth(0)).to_contain_text("Figure 1. (a) Back:")
    expect(captions.nth(0)).to_contain_text("(d) Biopsy from the sole")
    expect(captions.nth(1)).to_contain_text("Figure 2. EASI for the truncal rash")
    expect(captions.nth(2)).to_contain_text("Figure 3. (a) The truncal lesions")
    labels = page.locator("#fig-clinical .cb-panel-label").all_inner_texts()
    assert labels == ["a", "b", "c", "d"]
    for image in page.locator("figure.cb-figure img").all():
        assert image.get_attribute("alt")
        # Images load lazily: bring each into view, then it must decode.
        image.scroll_into_view_if_needed()
        image.evaluate("img => img.decode()")
        assert image.evaluate("img => img.naturalWidth") > 0


def test_citation_leads_to_its_reference(page: Page, site_url: str) -> None:
    page.goto(site_url + CASE)
    first = page.locator("sup.cb-cite a").first
    expect(first).to_have_text("1")
    first.click()
    assert page.url.endswith("#ref-yamamoto2021")
    assert target_id(page) == "ref-yamamoto2021"
    reference = page.locator("li#ref-yamamoto2021")
    expect(reference).to_be_in_viewport()
    expect(reference).to_contain_text("Similarity and difference between palmoplantar")
    expect(reference.locator("a[href='https://doi.org/10.1111/1346-8138.15826']")).to_have_count(1)


def test_figure_cross_reference_lands_on_the_panel(page: Page, site_url: str) -> None:
    page.goto(site_url + CASE)
    link = page.locator("a.cb-xref", has_text="Figure 1c")
    link.first.click()
    assert target_id(page) == "fig-histology-back"
    expect(page.locator("#fig-histology-back img")).to_be_in_viewport()


def test_image_opens_in_the_lightbox(page: Page, site_url: str) -> None:
    page.goto(site_url + CASE)
    page.locator("#fig-clinical-soles img").click()
    lightbox = page.locator(".glightbox-container")
    expect(lightbox).to_be_visible()
    expect(lightbox.locator(".gslide.current img")).to_have_attribute(
        "src", re.compile(r"/cases/ppp-ad-baricitinib/figures/clinical-soles\.png$")
    )


def test_search_finds_the_case_by_drug(page: Page, site_url: str) -> None:
    page.goto(site_url)
    search_for(page, "baricitinib")
    result = page.locator(".md-search-result__item a").first
    expect(result).to_be_visible()
    expect(result).to_have_attribute("href", re.compile(rf"/{CASE}(\?h=baricitinib)?$"))
    result.click()
    expect(page.locator("h1")).to_contain_text(
        "Palmoplantar pustulosis with atopic dermatitis responding to baricitinib"
    )


def test_tags_page_lists_the_case(page: Page, site_url: str) -> None:
    page.goto(site_url + "tags/")
    expect(page.locator("article")).to_contain_text("Baricitinib")
    expect(page.locator(f"article a[href$='{CASE}']").first).to_be_visible()


def charts_loaded(page: Page) -> list[list[Any]]:
    """Every chart image on the page, brought into view and decoded: [src, width, alt]."""
    for image in page.locator("img[src^='charts/']").all():
        image.scroll_into_view_if_needed()
        image.evaluate("img => img.decode()")
    return list(
        page.eval_on_selector_all(
            "img[src^='charts/']",
            "imgs => imgs.map(i => [i.getAttribute('src'), i.naturalWidth, i.alt])",
        )
    )


def test_charts_render_with_alt_text(page: Page, site_url: str) -> None:
    page.goto(site_url + CASE)
    charts = charts_loaded(page)
    assert [src for src, _, _ in charts] == ["charts/timeline.svg", "charts/fig-scores.svg"]
    assert all(width > 300 for _, width, _ in charts)
    assert charts[0][2].startswith("Chart of the treatment course in weeks")
    assert charts[1][2].startswith("Line chart of EASI and PPPASI")


def test_the_timeline_text_fits_its_chart(page: Page, site_url: str) -> None:
    """The timeline is laid out with the font's metrics at build time: as the browser sets
    its text, every line stays inside the image and no lane's name runs into a bar."""
    page.goto(site_url + CASE + "charts/timeline.svg")
    drawn = page.evaluate(
        "() => { const svg = document.documentElement; const view = svg.viewBox.baseVal;"
        " const texts = [...svg.querySelectorAll('text')].map(t => { const b = t.getBBox();"
        " return [t.textContent, t.getAttribute('text-anchor'), b.x, b.y, b.x + b.width,"
        " b.y + b.height]; });"
        " const bars = [...svg.querySelectorAll('rect[stroke]')].map(r => r.getBBox().x);"
        " return {width: view.width, height: view.height, texts, bars}; }"
    )
    texts = drawn["texts"]
    assert {"baricitinib", "Weeks since the start of treatment", "4 mg", "off"} <= {
        t[0] for t in texts
    }
    for text, _, left, top, right, bottom in texts:
        assert 0 <= left < right <= drawn["width"], text
        assert 0 <= top < bottom <= drawn["height"], text
    lanes = [t for t in texts if t[1] == "end"]
    assert [t[0] for t in lanes] == ["baricitinib"]
    assert all(right < min(drawn["bars"]) for _, _, _, _, right, _ in lanes)


def test_timeline_chart_is_followed_by_its_table(page: Page, site_url: str) -> None:
    page.goto(site_url + CASE)
    rows = page.eval_on_selector(
        "#chart-timeline",
        # The theme wraps a table in scroll containers: find the next element holding one.
        "f => { let t = f.nextElementSibling; "
        "while (t && t.tagName !== 'TABLE' && !t.querySelector('table')) t = t.nextElementSibling;"
        " const table = t && (t.tagName === 'TABLE' ? t : t.querySelector('table'));"
        " return table ? table.querySelectorAll('tbody tr').length : 0 }",
    )
    assert rows == 7


def test_figure_2_has_its_values_and_says_they_are_illustrative(page: Page, site_url: str) -> None:
    page.goto(site_url + CASE)
    expect(page.locator("#fig-scores figcaption")).to_contain_text(
        "Illustrative values: the source gives no numbers for these scores."
    )
    details = page.locator("details.cb-chart-details")
    details.locator("summary").click()
    table = details.locator("table.cb-chart-data")
    expect(table).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(8)
    assert table.locator("thead th").all_inner_texts() == [
        "Time",
        "EASI (truncal rash)",
        "PPPASI (palmoplantar lesions)",
    ]


def test_care_page_links_land_on_the_case(page: Page, site_url: str) -> None:
    page.goto(site_url + CASE + "care/")
    expect(page.locator("h1")).to_contain_text("CARE checklist")
    page.locator("a", has_text="Timeline").first.click()
    page.wait_for_url(re.compile(r"/cases/ppp-ad-baricitinib/#timeline$"))
    expect(page.locator("#timeline")).to_be_in_viewport()


def test_print_view_is_the_article_alone(page: Page, site_url: str) -> None:
    page.goto(site_url + CASE)
    page.emulate_media(media="print")
    chrome = ".md-header, .md-tabs, .md-sidebar, .md-search, .md-footer, .md-top, .headerlink"
    shown = page.locator(chrome).evaluate_all(
        "els => els.filter(e => getComputedStyle(e).display !== 'none').map(e => e.className)"
    )
    assert shown == []
    figures = page.locator("figure.cb-figure").evaluate_all(
        "els => els.map(e => getComputedStyle(e).breakInside)"
    )
    assert figures == ["avoid"] * 3
    after = page.locator("li#ref-koumaki2019 a[href^='https://doi.org/']").evaluate(
        "a => getComputedStyle(a, '::after').content"
    )
    assert after == "none"  # a DOI's link text is its address already
    pubmed = page.locator(".cb-references a[href*='pubmed']").first.evaluate(
        "a => [a.href, getComputedStyle(a, '::after').content]"
    )
    assert pubmed[1] == f'" <{pubmed[0]}>"'  # a PMID's address is printed after it
    text = "".join(
        p.extract_text() for p in pypdf.PdfReader(io.BytesIO(page.pdf(format="A4"))).pages
    )
    assert "Palmoplantar pustulosis with atopic dermatitis" in text
    for chrome_text in ("Authors' guide", "Search", "Made with"):
        assert chrome_text not in text


def test_the_page_links_its_pdf(page: Page, site_url: str) -> None:
    page.goto(site_url + CASE)
    link = page.locator("a.cb-pdf")
    expect(link).to_have_text("Download PDF")
    response = page.request.get(site_url + CASE + str(link.get_attribute("href")))
    assert response.ok and response.body().startswith(b"%PDF-")
    head = page.locator("meta[name='citation_pdf_url']").get_attribute("content")
    assert head is not None and head.endswith("/cases/ppp-ad-baricitinib/ppp-ad-baricitinib.pdf")
