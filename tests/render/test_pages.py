"""Golden Markdown for the example case and the home page, and what templates must never do."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import lxml.html
import markdown
import pytest
from casebook.article.listing import case_listing
from casebook.models.settings import SiteSettings
from casebook.render.home import render_home_pages
from casebook.render.pages import render_care_page, render_case_page
from casebook.scholarly.outputs import scholarly_output

from ..support.cases import example_text, load_variant
from ..support.golden_cases import (
    GOLDEN_CASES,
    SYNTHETIC,
    golden_article,
    synthetic_draft,
)
from ..support.scholarly_cases import SETTINGS

SITE = SiteSettings(title="Casebook", description="Clinical case reports.")


def test_example_case_page_matches_golden(
    tmp_path: Path, golden: Callable[[str, str], None]
) -> None:
    article, problems = load_variant(tmp_path, example_text())
    assert problems == [] and article is not None
    golden("ppp-ad-baricitinib/index.md", render_case_page(article, site=SITE))


def test_home_page_matches_golden(tmp_path: Path, golden: Callable[[str, str], None]) -> None:
    article, _ = load_variant(tmp_path, example_text())
    assert article is not None
    golden("home.md", render_home_pages([case_listing(article)], site=SITE)["index.md"])


def test_synthetic_case_page_with_its_cite_block_matches_golden(
    golden: Callable[[str, str], None],
) -> None:
    article = golden_article(SYNTHETIC)
    cite = scholarly_output(article, settings=SETTINGS).cite
    assert cite is not None
    golden(f"{SYNTHETIC}/index.md", render_case_page(article, site=SITE, cite=cite))


def test_synthetic_care_page_matches_golden(golden: Callable[[str, str], None]) -> None:
    golden(f"{SYNTHETIC}/care.md", render_care_page(golden_article(SYNTHETIC), site=SITE))


def test_synthetic_draft_page_matches_golden(
    tmp_path: Path, golden: Callable[[str, str], None]
) -> None:
    article, problems = synthetic_draft(tmp_path)
    assert problems == [] and article is not None
    assert scholarly_output(article, settings=SETTINGS).cite is None
    golden(f"{SYNTHETIC}/draft/index.md", render_case_page(article, site=SITE))


def test_home_page_of_both_golden_cases_matches_golden(golden: Callable[[str, str], None]) -> None:
    listings = [case_listing(golden_article(c)) for c in GOLDEN_CASES]
    golden(f"{SYNTHETIC}/home.md", render_home_pages(listings, site=SITE)["index.md"])


def _html(page: str) -> lxml.html.HtmlElement:
    """A page as the site's Markdown extensions turn it into HTML, front matter left out."""
    body = page.split("\n---\n", 1)[1] if page.startswith("---\n") else page
    extensions = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "toc"]
    return lxml.html.fragment_fromstring(
        markdown.markdown(body, extensions=extensions), create_parent="div"
    )


@pytest.mark.parametrize("case_id", GOLDEN_CASES)
def test_the_title_reads_as_written_in_the_heading_and_on_the_home_page(case_id: str) -> None:
    article = golden_article(case_id)
    heading = _html(render_case_page(article, site=SITE)).find("h1")
    assert heading.text_content() == article.title
    home = _html(render_home_pages([case_listing(article)], site=SITE)["index.md"])
    [link] = home.xpath("//a[contains(@href, 'cases/')]")
    assert link.text_content() == article.title


@pytest.mark.parametrize("case_id", GOLDEN_CASES)
def test_the_title_reads_as_written_on_the_care_page(case_id: str) -> None:
    article = golden_article(case_id)
    care = _html(render_care_page(article, site=SITE))
    [link] = care.xpath("//p[starts-with(., 'For the case')]/a[@href='index.md']")
    assert link.text_content() == article.title


def test_case_text_is_never_evaluated_as_a_template(tmp_path: Path) -> None:
    # The text policy refuses template syntax up front; the renderer must be safe without it.
    article, problems = load_variant(tmp_path, example_text())
    assert problems == [] and article is not None and article.case.outcome is not None
    summary = "{{ 7 * 7 }} {% include 'case.md.j2' %} The skin stayed clear"
    outcome = article.case.outcome.model_copy(update={"summary": summary})
    [part] = article.parts  # the page reads the patient's record, made from the case's
    record = part.record.model_copy(update={"outcome": outcome})
    hostile = dataclasses.replace(article, parts=(dataclasses.replace(part, record=record),))
    page = render_case_page(hostile, site=SITE)
    assert summary in page
    assert "49" not in page


def test_sections_without_data_are_left_out(tmp_path: Path) -> None:
    text = example_text()
    start = text.index("investigations:\n")
    end = text.index("histology:\n")
    text = text[:start] + "investigations: []\n\n" + text[end:]
    article, problems = load_variant(tmp_path, text)
    assert problems == [] and article is not None
    page = render_case_page(article, site=SITE)
    assert "## Investigations" not in page
    assert "## Histology" in page


def test_the_byline_names_the_collection_with_its_issn_volume_and_issue_when_given(
    tmp_path: Path,
) -> None:
    article, _ = load_variant(tmp_path, example_text())
    assert article is not None
    page = render_case_page(article, site=SETTINGS)
    assert "\nCasebook Example Collection · ISSN 0000-0000\n" in page
    # Without an ISSN, volume or issue there is nothing to add to the title of the site.
    assert "Casebook Example Collection" not in render_case_page(article, site=SITE)
    synthetic = render_case_page(golden_article(SYNTHETIC), site=SETTINGS)
    assert "\nCasebook Example Collection, volume 12, issue 3&amp;4 · ISSN 0000-0000\n" in (
        synthetic
    )
