from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

import lxml.html
import pytest
from casebook.models import Reference
from casebook.scholarly.head_meta import (
    case_head_html,
    highwire_tags,
    open_graph_tags,
    reference_tag,
)
from casebook.scholarly.json_ld import article_json_ld
from casebook.scholarly.record import build_record

from ..support.golden_cases import GOLDEN_CASES, golden_record, synthetic_draft
from ..support.scholarly_cases import SETTINGS, example_article, variant_article

HOSTILE_TITLE = 'Pustules </script><script>alert(1)</script> & "quoted" <!-- <b>bold</b>'


@pytest.mark.parametrize("case_id", GOLDEN_CASES)
def test_head_html_matches_golden(case_id: str, golden: Callable[[str, str], None]) -> None:
    golden(f"{case_id}/head.html", case_head_html(golden_record(case_id)))


def test_head_html_of_an_undated_draft_matches_golden(
    tmp_path: Path, golden: Callable[[str, str], None]
) -> None:
    article, problems = synthetic_draft(tmp_path)
    assert problems == [] and article is not None
    golden(
        "synthetic-edge-cases/draft/head.html",
        case_head_html(build_record(article, settings=SETTINGS)),
    )


def _head(html: str) -> lxml.html.HtmlElement:
    document = lxml.html.document_fromstring(f"<html><head>{html}</head><body></body></html>")
    return document.find("head")


def test_highwire_tags_pair_each_author_with_institution_and_orcid(tmp_path: Path) -> None:
    tags = highwire_tags(build_record(variant_article(tmp_path), settings=SETTINGS))
    assert tags[:12] == [
        ("citation_title", tags[0][1]),
        ("citation_author", "García-López, Ana María"),
        (
            "citation_author_institution",
            "Department of Dermatology, Example Hospital, Springfield, Freedonia",
        ),
        ("citation_author_institution", "Pathology Laboratory"),
        ("citation_author_orcid", "https://orcid.org/0000-0002-1825-0097"),
        ("citation_author_email", "ana@example.org"),
        # The group is left out beside a person: Scholar reads each citation_author as one.
        ("citation_publication_date", "2026/11/26"),
        ("citation_journal_title", "Casebook Example Collection"),
        ("citation_journal_abbrev", "Casebook Ex Coll"),
        ("citation_issn", "0000-0000"),
        ("citation_publisher", "Casebook project"),
        ("citation_volume", "3"),
    ]
    names = [name for name, _ in tags]
    assert dict(tags)["citation_issue"] == "2"
    assert dict(tags)["citation_firstpage"] == "e101"
    assert dict(tags)["citation_doi"] == "10.5555/casebook.2026.001"
    assert names.count("citation_keywords") == 4
    assert names.count("citation_reference") == 5
    assert dict(tags)["citation_abstract_html_url"] == (
        "https://example.org/casebook/cases/ppp-ad-baricitinib/"
    )
    assert dict(tags)["citation_pdf_url"] == (
        "https://example.org/casebook/cases/ppp-ad-baricitinib/ppp-ad-baricitinib.pdf"
    )


def test_a_site_without_pdfs_names_none(tmp_path: Path) -> None:
    settings = SETTINGS.model_copy(update={"pdf": False})
    record = build_record(variant_article(tmp_path), settings=settings)
    names = [name for name, _ in highwire_tags(record)]
    assert "citation_abstract_html_url" in names and "citation_pdf_url" not in names
    assert record.downloads.pdf is None
    assert "encoding" not in article_json_ld(record)


def test_reference_tag_splits_pages_and_keeps_semicolons_out_of_values() -> None:
    reference = Reference.model_validate(
        {
            "id": "k",
            "type": "article-journal",
            "author": [{"family": "Doe", "given": "J."}, {"literal": "Study Group"}],
            "title": "Cause; effect",
            "container-title": "J Test",
            "issued": {"date-parts": [[2020]]},
            "page": "913-921.e9",
            "DOI": "10.1000/x",
        }
    )
    assert reference_tag(reference) == (
        "citation_title=Cause, effect; citation_author=Doe, J.; citation_author=Study Group; "
        "citation_journal_title=J Test; citation_publication_date=2020; "
        "citation_firstpage=913; citation_lastpage=921.e9; citation_doi=10.1000/x"
    )


def test_reference_tag_fields_cannot_hold_the_separator_or_a_line_break() -> None:
    reference = Reference.model_validate(
        {
            "id": "k",
            "type": "article-journal",
            "title": "Cause\u037e citation_author=Fake",
            "issued": {"date-parts": [[2020]]},
            "volume": "3; citation_doi=10.9/fake",
        }
    ).model_copy(update={"container_title": "J\nTest"})
    tag = reference_tag(reference)
    assert tag == (
        "citation_title=Cause, citation_author=Fake; citation_journal_title=J Test; "
        "citation_publication_date=2020; citation_volume=3, citation_doi=10.9/fake"
    )
    assert [part.split("=", 1)[0] for part in tag.split("; ")] == [
        "citation_title",
        "citation_journal_title",
        "citation_publication_date",
        "citation_volume",
    ]


def test_a_case_by_a_group_alone_names_the_group_as_its_author() -> None:
    tags = highwire_tags(build_record(example_article(), settings=SETTINGS))
    assert [value for name, value in tags if name == "citation_author"] == [
        "Casebook example editors"
    ]


def test_open_graph_tags_carry_no_clinical_image(tmp_path: Path) -> None:
    tags = dict(open_graph_tags(build_record(variant_article(tmp_path), settings=SETTINGS)))
    assert tags["og:type"] == "article"
    assert tags["og:url"] == "https://example.org/casebook/cases/ppp-ad-baricitinib/"
    assert tags["article:published_time"] == "2026-11-26"
    assert "og:image" not in tags


def test_hostile_case_text_cannot_break_out_of_the_head(tmp_path: Path) -> None:
    # The text policy refuses such a title at load time; the head must be safe without it.
    article = variant_article(tmp_path)
    publication = article.case.publication.model_copy(update={"title": HOSTILE_TITLE})
    case = article.case.model_copy(update={"publication": publication})
    record = build_record(dataclasses.replace(article, case=case), settings=SETTINGS)
    html = case_head_html(record)
    head = _head(html)
    # Every element stayed in <head>, with the text read back exactly as the author wrote it.
    metas = {m.get("name") or m.get("property"): m.get("content") for m in head.iter("meta")}
    assert metas["citation_title"] == HOSTILE_TITLE
    assert metas["og:title"] == HOSTILE_TITLE
    [script] = head.findall("script")
    assert script.get("type") == "application/ld+json"
    assert "</script" not in script.text.lower() and "<!--" not in script.text
    assert json.loads(script.text) == article_json_ld(record)
    assert json.loads(script.text)["headline"] == HOSTILE_TITLE
    assert len(head) == len(highwire_tags(record)) + len(open_graph_tags(record)) + 2
