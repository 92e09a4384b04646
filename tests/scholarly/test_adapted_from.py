"""The work a case was adapted from, with its authors, issue, date and licence, in every output:
the page's notice, CSL-JSON, BibTeX, RIS, JSON-LD and the JATS. The full source is the synthetic
edge-case fixture's (tests/fixtures/synthetic-edge-cases: a made-up work); the example's source
states only title, journal, year and volume, and its outputs say no more."""

from __future__ import annotations

import json
from pathlib import Path

import rispy
from bibtexparser import middlewares
from bibtexparser.entrypoint import parse_string
from casebook.models import SourceAttribution
from casebook.models.settings import SiteSettings
from casebook.render import render_case_page, to_csl
from casebook.scholarly.adapted_from import original_date, source_citation, source_reference
from casebook.scholarly.citation_export import bibtex, csl_json, ris
from casebook.scholarly.jats import case_jats
from casebook.scholarly.json_ld import article_json_ld
from lxml import etree
from pyld import jsonld

from ..support.cases import example_text, line_of, replace_once, variant_messages
from ..support.citeproc_js import citeproc_js
from ..support.golden_cases import SYNTHETIC, golden_article, golden_record
from ..support.schema_org import document_loader, vocabulary_problems

XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# The synthetic source as the NLM style prints it: authors, et al., date, volume, issue, pages.
SYNTHETIC_SOURCE = (
    "Ôrigin-d’Exemple ÅB, Synthetic “Source” & Fixture Group, et al. A made-up source: "
    "“quotes” & a < b > c {braces} $5 #1 *star* _under_ |pipe|. Journal of Synthetic & "
    "Invented Reports. 2023 Nov 5;7(2 & 3):101–9. doi:10.5555/synthetic.source.2023.101"
)


def _source() -> SourceAttribution:
    source = golden_article(SYNTHETIC).case.publication.adapted_from
    assert source is not None
    return source


def test_the_source_is_cited_as_reference_managers_cite_it() -> None:
    source = _source()
    assert source_citation(source).text == SYNTHETIC_SOURCE
    assert citeproc_js([to_csl(source_reference(source))]) == [SYNTHETIC_SOURCE]
    assert original_date(source) == "2023-11-05"


def test_the_page_notice_gives_the_citation_and_the_licence() -> None:
    page = render_case_page(golden_article(SYNTHETIC), site=SiteSettings())
    [notice] = [line for line in page.splitlines() if "This page retells" in line]
    assert "Ôrigin\\-d’Exemple ÅB, Synthetic “Source” &amp; Fixture Group, et al\\." in notice
    assert "2023 Nov 5;7&#40;2 &amp; 3&#41;:101–9\\." in notice
    assert (
        "doi:[10.5555/synthetic.source.2023.101](https://doi.org/10.5555/synthetic.source.2023.101)"
        " The source is published under the licence CC-BY-4.0. Made up for the test suite; no "
        "such work exists."
    ) in notice


def test_csl_json_carries_the_original_and_the_whole_citation() -> None:
    [item] = json.loads(csl_json(golden_record(SYNTHETIC)))
    assert item["original-author"] == [
        {"family": "Ôrigin-d'Exemple", "given": "Å. B."},
        {"literal": 'Synthetic "Source" & Fixture Group'},
        {"literal": "et al."},
    ]
    assert item["original-title"] == _source().title
    assert item["original-date"] == {"date-parts": [[2023, 11, 5]]}
    assert item["note"] == f"Adapted from: {SYNTHETIC_SOURCE}"


def test_bibtex_carries_the_original_title_date_and_citation() -> None:
    library = parse_string(
        bibtex(golden_record(SYNTHETIC)),
        append_middleware=[middlewares.LatexDecodingMiddleware()],
    )
    assert library.failed_blocks == []
    [entry] = library.entries
    fields = {key: field.value for key, field in entry.fields_dict.items()}
    assert fields["origtitle"] == _source().title
    assert fields["origdate"] == "2023-11-05"
    assert fields["addendum"] == f"Adapted from: {SYNTHETIC_SOURCE}"


def test_ris_carries_the_original_publication() -> None:
    [entry] = rispy.loads(ris(golden_record(SYNTHETIC)))
    assert entry["original_publication"] == SYNTHETIC_SOURCE


def test_json_ld_is_based_on_the_source_with_authors_issue_date_and_licence() -> None:
    data = article_json_ld(golden_record(SYNTHETIC))
    based_on = data["isBasedOn"]
    assert [a["name"] for a in based_on["author"]] == [
        "Å. B. Ôrigin-d'Exemple",
        'Synthetic "Source" & Fixture Group',
    ]
    assert based_on["datePublished"] == "2023-11-05"
    assert based_on["isPartOf"]["issueNumber"] == "2&3"
    assert based_on["isPartOf"]["isPartOf"]["volumeNumber"] == "7"
    assert based_on["license"] == "https://creativecommons.org/licenses/by/4.0/"
    expanded = jsonld.expand(data, {"documentLoader": document_loader})
    assert vocabulary_problems(expanded) == []


def test_jats_related_article_holds_the_source_as_a_citation() -> None:
    xml = case_jats(golden_article(SYNTHETIC), golden_record(SYNTHETIC))
    meta = etree.fromstring(xml.encode("utf-8")).find("front/article-meta")
    related = meta.find("related-article")
    assert related is not None
    assert related.getprevious().tag == "self-uri"
    assert dict(related.attrib) == {
        "related-article-type": "adapted-from",
        "ext-link-type": "doi",
        XLINK_HREF: "10.5555/synthetic.source.2023.101",
        "vol": "7",
        "issue": "2&3",
        "page": "101",
    }
    group = related.find("person-group")
    assert [n.findtext("surname") for n in group.iter("name")] == ["Ôrigin-d'Exemple"]
    assert group.findtext("collab") == 'Synthetic "Source" & Fixture Group'
    assert group.find("etal") is not None
    found = {tag: related.findtext(tag) for tag in ("source", "year", "month", "day")}
    assert found == {
        "source": "Journal of Synthetic & Invented Reports",
        "year": "2023",
        "month": "11",
        "day": "05",
    }
    parts = ("volume", "issue", "fpage", "lpage", "pub-id")
    assert [related.findtext(tag) for tag in parts] == [
        "7",
        "2&3",
        "101",
        "9",
        "10.5555/synthetic.source.2023.101",
    ]
    note = "".join(etree.fromstring(xml.encode()).find("back/notes/p").itertext())
    assert SYNTHETIC_SOURCE in note
    assert "The source is published under the licence CC-BY-4.0." in note


def test_the_example_source_says_only_what_is_known() -> None:
    xml = case_jats(golden_article("ppp-ad-baricitinib"), golden_record("ppp-ad-baricitinib"))
    assert (
        '<related-article related-article-type="adapted-from" vol="90"><article-title>A case of '
        "palmoplantar pustulosis with atopic dermatitis: Baricitinib is a safe and effective "
        "treatment</article-title>. <source>Indian Journal of Dermatology, Venereology and "
        "Leprology</source>. <year>2024</year>;<volume>90</volume>.</related-article>"
    ) in xml


def test_issued_must_be_in_the_year(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        "    year: 2024\n",
        "    year: 2024\n    issued: {date-parts: [[2023, 12]]}\n",
    )
    line = line_of(text, "    title: >-\n      A case of palmoplantar")
    assert variant_messages(tmp_path, text) == [
        f"case_data/ppp-ad-baricitinib/case.yaml:{line}:5: publication.adapted_from: issued is "
        "in 2023 but year is 2024: give the same year in both"
    ]
