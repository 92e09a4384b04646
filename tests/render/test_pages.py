"""Golden Markdown for the example case and the home page, and what templates must never do."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from casebook.article.listing import case_listing
from casebook.models.settings import SiteSettings
from casebook.render.home import render_home_pages
from casebook.render.pages import render_case_page

from ..support.cases import example_text, load_variant

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


def test_case_text_is_never_evaluated_as_a_template(tmp_path: Path) -> None:
    # The text policy refuses template syntax up front; the renderer must be safe without it.
    article, problems = load_variant(tmp_path, example_text())
    assert problems == [] and article is not None and article.case.outcome is not None
    summary = "{{ 7 * 7 }} {% include 'case.md.j2' %} The skin stayed clear"
    outcome = article.case.outcome.model_copy(update={"summary": summary})
    hostile = dataclasses.replace(
        article, case=article.case.model_copy(update={"outcome": outcome})
    )
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
