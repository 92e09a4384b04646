from __future__ import annotations

from pathlib import Path

from casebook.scholarly.outputs import scholarly_output, site_files

from ..support.cases import example_text, replace_once
from ..support.scholarly_cases import SETTINGS, example_article, variant_article


def test_a_published_case_gets_four_text_downloads_beside_its_page() -> None:
    """The fifth, the PDF, is typeset once the figures are published (casebook.assemble)."""
    output = scholarly_output(example_article(), settings=SETTINGS)
    assert sorted(output.files) == [
        "cases/ppp-ad-baricitinib/ppp-ad-baricitinib.bib",
        "cases/ppp-ad-baricitinib/ppp-ad-baricitinib.json",
        "cases/ppp-ad-baricitinib/ppp-ad-baricitinib.ris",
        "cases/ppp-ad-baricitinib/ppp-ad-baricitinib.xml",
    ]
    assert output.cite is not None
    assert [label for label, _, _ in output.cite.downloads] == ["BibTeX", "RIS", "CSL-JSON"]
    assert output.cite.full_text == (
        ("PDF", "ppp-ad-baricitinib.pdf", "application/pdf"),
        ("JATS XML", "ppp-ad-baricitinib.xml", "application/jats+xml"),
    )
    assert output.cite.pdf == "ppp-ad-baricitinib.pdf"
    assert output.record.pdf_path == "cases/ppp-ad-baricitinib/ppp-ad-baricitinib.pdf"
    assert 'name="citation_publication_date"' in output.head_html


def test_an_undated_draft_has_head_tags_but_nothing_to_cite(tmp_path: Path) -> None:
    text = replace_once(
        example_text(), "  status: published\n  date: 2026-11-26\n", "  status: draft\n"
    )
    output = scholarly_output(variant_article(tmp_path, text), settings=SETTINGS)
    assert output.cite is None and output.files == {}
    assert 'name="citation_title"' in output.head_html
    assert 'name="citation_publication_date"' not in output.head_html
    files, head = site_files([output.record], settings=SETTINGS)
    assert (files, head) == ({}, "")  # no dated case, no feed
