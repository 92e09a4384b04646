from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from casebook.models.numbering import Numbering
from casebook.models.settings import SiteSettings
from casebook.scholarly.jats import case_jats
from casebook.scholarly.jats_text import inline, paragraphs
from casebook.scholarly.record import build_record
from lxml import etree

from ..support.golden_cases import GOLDEN_CASES, SYNTHETIC, golden_article, golden_record
from ..support.jats_dtd import ARCHIVING, PUBLISHING, declared_tag_set, dtd_errors
from ..support.jats_pmc import check_jats
from ..support.scholarly_cases import SETTINGS, example_article, variant_article

XLINK = "{http://www.w3.org/1999/xlink}href"


def _example_xml(settings: SiteSettings = SETTINGS) -> bytes:
    article = example_article()
    return case_jats(article, build_record(article, settings=settings)).encode("utf-8")


@pytest.mark.parametrize("case_id", GOLDEN_CASES)
def test_jats_matches_golden(case_id: str, golden: Callable[[str, str], None]) -> None:
    golden(f"{case_id}/{case_id}.xml", case_jats(golden_article(case_id), golden_record(case_id)))


@pytest.mark.parametrize("case_id", GOLDEN_CASES)
def test_golden_cases_pass_the_pmc_checks(case_id: str) -> None:
    xml = case_jats(golden_article(case_id), golden_record(case_id))
    assert check_jats(xml.encode("utf-8")) == []


@pytest.mark.parametrize("case_id", GOLDEN_CASES)
def test_golden_cases_are_valid_against_the_publishing_dtd(case_id: str) -> None:
    xml = case_jats(golden_article(case_id), golden_record(case_id))
    assert declared_tag_set(xml) == PUBLISHING
    assert dtd_errors(xml) == []


@pytest.mark.parametrize("case_id", GOLDEN_CASES)
def test_without_an_issn_the_archiving_tag_set_is_declared_and_valid(case_id: str) -> None:
    settings = SETTINGS.model_copy(update={"issn": None})
    xml = case_jats(
        golden_article(case_id), build_record(golden_article(case_id), settings=settings)
    )
    assert declared_tag_set(xml) == ARCHIVING
    assert dtd_errors(xml) == []
    # The Publishing tag set requires the ISSN that the Archiving one does without.
    publishing = xml.replace(ARCHIVING, PUBLISHING).replace("JATS-archivearticle1", "X")
    assert [e for e in dtd_errors(publishing) if "journal-meta" in e] == [
        "line 5: Element journal-meta content does not follow the DTD, expecting "
        "(journal-id+ , journal-title-group* , (contrib-group | aff | aff-alternatives)* , "
        "issn+ , issn-l? , isbn* , publisher? , notes* , self-uri*), "
        "got (journal-id journal-title-group publisher )"
    ]


def test_the_dtd_check_reports_what_the_dtd_forbids() -> None:
    root = etree.fromstring(_example_xml())
    sec = root.find("body/sec")
    sec.append(sec.find("fig-group"))  # a figure after the sub-section
    xml = etree.tostring(
        root.getroottree(), doctype=f'<!DOCTYPE article PUBLIC "{PUBLISHING}" "x">'
    )
    [error] = dtd_errors(xml)
    assert error.endswith("got (title p list p p p sec fig-group )")


def test_a_site_without_issn_is_told_pmc_needs_one() -> None:
    settings = SETTINGS.model_copy(update={"issn": None})
    assert check_jats(_example_xml(settings)) == [
        "journal-meta lacks the journal's ISSN (PubMed Central requires it)"
    ]


def test_example_front_matter_states_what_is_known() -> None:
    root = etree.fromstring(_example_xml())
    # A letter is tagged as one, as its heading subject says.
    assert root.get("article-type") == "letter"
    meta = root.find("front/article-meta")
    assert meta.findtext("article-categories/subj-group/subject") == "Letter"
    assert meta.findtext("title-group/article-title") == (
        "Palmoplantar pustulosis with atopic dermatitis responding to baricitinib"
    )
    assert meta.findtext("contrib-group/contrib/collab") == "Casebook example editors"
    assert meta.find("article-id[@pub-id-type='doi']") is None
    assert meta.find("abstract") is None  # a letter without one
    assert meta.find("volume") is None
    assert meta.findtext("elocation-id") == "ppp-ad-baricitinib"
    assert meta.findtext("pub-date/year") == "2026"
    assert meta.find("pub-date").get("iso-8601-date") == "2026-11-26"
    permissions = meta.find("permissions")
    assert [
        permissions.findtext(f"copyright-{part}") for part in ("statement", "year", "holder")
    ] == [
        "© 2026 Casebook example editors",
        "2026",
        "Casebook example editors",
    ]
    licence = permissions.find("license")
    assert licence.get("license-type") == "open-access"
    assert licence.get(XLINK) == "https://creativecommons.org/licenses/by-nc-sa/4.0/"
    assert meta.findtext("kwd-group/kwd") == "palmoplantar pustulosis"


def test_example_body_figures_consent_and_references() -> None:
    article = example_article()
    root = etree.fromstring(_example_xml())
    assert [s.findtext("title") for s in root.iterfind("body/sec")] == [
        "Presentation",
        "Investigations",
        "Histology",
        "Diagnosis",
        "Treatment and outcome",
        "Discussion",
    ]
    # Each lettered panel is a figure of its own in its figure's group.
    assert [(g.get("id"), g.findtext("label")) for g in root.iter("fig-group")] == [
        ("fig-clinical", "Figure 1"),
        ("fig-followup", "Figure 3"),
    ]
    figs = list(root.iter("fig"))
    panels = [p for f in article.figures for p in f.panels]
    assert [f.get("id") for f in figs] == [
        "fig-clinical-back",
        "fig-clinical-soles",
        "fig-histology-back",
        "fig-histology-sole",
        "fig-scores",
        "fig-followup-trunk",
        "fig-followup-soles",
    ]
    assert [f.findtext("label") for f in figs] == [
        "Figure 1a",
        "Figure 1b",
        "Figure 1c",
        "Figure 1d",
        "Figure 2",
        "Figure 3a",
        "Figure 3b",
    ]
    assert [f.find("graphic").get(XLINK) for f in figs] == [
        "charts/fig-scores.png" if p.chart else p.file for p in panels
    ]
    assert [f.findtext("graphic/alt-text") for f in figs] == [p.alt for p in panels]
    back = "".join(figs[0].find("caption").itertext()).strip()
    assert back.startswith("Back: dark red patches") and "generated placeholder" in back
    consent = root.find("back/sec[@sec-type='ethics-statement']")
    assert consent.findtext("p") == article.case.consent.statement
    refs = root.findall("back/ref-list/ref")
    assert [r.get("id") for r in refs] == [f"ref-{r.id}" for r in article.references]
    cited = refs[1].find("citation-alternatives/element-citation")
    assert cited.find("person-group/etal") is not None
    assert cited.findtext("pub-id[@pub-id-type='pmid']") == "29410014"
    # An article number is an elocation-id, not a first page.
    koumaki = refs[4].find("citation-alternatives/element-citation")
    assert (koumaki.find("fpage"), koumaki.findtext("elocation-id")) == (None, "001383")


def test_mixed_citation_is_the_page_reference_with_its_identifiers_tagged() -> None:
    root = etree.fromstring(_example_xml())
    mixed = root.find("back/ref-list/ref[@id='ref-guttman2019']/citation-alternatives/")
    mixed = mixed.getnext()
    assert mixed.tag == "mixed-citation"
    assert "".join(mixed.itertext()).endswith(
        "J Am Acad Dermatol. 2019;80(4):913-921.e9. doi:10.1016/j.jaad.2018.01.018 "
        "PubMed PMID: 29410014."
    )
    assert [(p.get("pub-id-type"), p.text) for p in mixed.iter("pub-id")] == [
        ("doi", "10.1016/j.jaad.2018.01.018"),
        ("pmid", "29410014"),
    ]


def test_variant_front_matter_has_people_orcid_doi_and_pages(tmp_path: Path) -> None:
    article = variant_article(tmp_path)
    xml = case_jats(article, build_record(article, settings=SETTINGS)).encode("utf-8")
    assert check_jats(xml) == []
    assert dtd_errors(xml) == []
    meta = etree.fromstring(xml).find("front/article-meta")
    person, group = meta.findall("contrib-group/contrib")
    assert person.get("corresp") == "yes"
    assert person.findtext("contrib-id[@contrib-id-type='orcid']") == (
        "https://orcid.org/0000-0002-1825-0097"
    )
    assert (person.findtext("name/surname"), person.findtext("name/given-names")) == (
        "García-López",
        "Ana María",
    )
    assert [x.get("rid") for x in person.iterfind("xref")] == ["aff-derm", "aff-lab"]
    assert group.findtext("collab") == "Skin Study Group"
    aff = meta.find("contrib-group/aff[@id='aff-derm']")
    assert (aff.findtext("city"), aff.findtext("country")) == ("Springfield", "Freedonia")
    assert meta.findtext("article-id[@pub-id-type='doi']") == "10.5555/casebook.2026.001"
    # 'e101' numbers the article: an elocation-id, where PMC looks for it.
    assert [meta.findtext(n) for n in ("volume", "issue", "elocation-id")] == ["3", "2", "e101"]
    assert meta.find("fpage") is None
    assert (
        meta.findtext("permissions/copyright-holder") == "Ana María García-López, Skin Study Group"
    )


def test_synthetic_abstract_introduction_and_the_figure_first_cited_there() -> None:
    xml = case_jats(golden_article(SYNTHETIC), golden_record(SYNTHETIC))
    root = etree.fromstring(xml.encode("utf-8"))
    abstract = root.find("front/article-meta/abstract")
    assert "".join(abstract.itertext()).strip().startswith("A made-up case for the test suite")
    assert abstract.find(".//xref[@ref-type='fig']").get("rid") == "fig-skin"
    intro = root.find("body/sec[@sec-type='intro']")
    assert intro.findtext("title") == "Introduction"
    # First cited in the abstract, the figure opens the body with the introduction.
    assert intro.find("fig-group").get("id") == "fig-skin"
    assert root.find("body/sec[@id='presentation']").get("sec-type") == "cases"


def test_chart_panels_point_at_the_png_copy() -> None:
    root = etree.fromstring(case_jats(golden_article(SYNTHETIC), golden_record(SYNTHETIC)).encode())
    group = root.find(".//fig-group[@id='fig-scores']")
    assert [(g.get(XLINK), g.get("mime-subtype")) for g in group.iter("graphic")] == [
        ("charts/fig-scores-a.png", "png"),
        ("charts/fig-scores-b.png", "png"),
    ]


def test_checks_report_what_pmc_would_reject() -> None:
    root = etree.fromstring(_example_xml())
    meta = root.find("front/article-meta")
    meta.append(meta.find("title-group"))  # out of JATS order
    root.find(".//graphic/alt-text").getparent().remove(root.find(".//graphic/alt-text"))
    etree.SubElement(root.find("body/sec"), "em").text = "HTML"
    etree.SubElement(root.find("body/sec"), "xref", rid="ref-missing")
    etree.SubElement(root.find("body/sec"), "xref", {"ref-type": "fig", "rid": "table-treatment"})
    root.find("back").remove(root.find("back/sec"))
    root.set("article-type", "case-report")
    chart = root.find(".//fig[@id='fig-scores']/graphic")
    chart.set(XLINK, "charts/fig-scores.svg")
    permissions = meta.find("permissions")
    permissions.remove(permissions.find("copyright-statement"))
    del permissions.find("license").attrib["license-type"]
    koumaki = root.find(".//ref[@id='ref-koumaki2019']/citation-alternatives/element-citation")
    koumaki.find("elocation-id").tag = "fpage"
    assert check_jats(etree.tostring(root)) == [
        "license has no license-type",
        "permissions lacks a copyright-statement",
        "article-type 'case-report' beside a heading subject of 'Letter'",
        "<title-group> comes too late in article-meta (JATS order)",
        "back lacks the consent statement (sec-type='ethics-statement')",
        "a graphic of figure 'fig-clinical-back' has no alt-text",
        "graphic 'charts/fig-scores.svg' is not in a format PMC takes",
        "xref to 'ref-missing' points at no element",
        "figure xref to 'table-treatment' points at a <table-wrap>",
        "reference 'ref-koumaki2019' gives an article number as <fpage>",
        "<em> is not a JATS element Casebook emits",
    ]
    assert check_jats(b"<article>")[0].startswith("not well-formed XML")


def test_inline_markdown_and_tokens_become_jats() -> None:
    numbering = Numbering(
        figure_numbers={"fig-a": 1},
        panel_labels={"fig-a-b": "1b"},
        reference_order=["smith2020", "lee2021"],
    )
    text = (
        "**Bold** and *italic* with `code`, [a link](https://x.org/?a=1&b=2) [@lee2021; @smith2020]"
    )
    assert str(inline(text, numbering)) == (
        "<bold>Bold</bold> and <italic>italic</italic> with <monospace>code</monospace>, "
        '<ext-link ext-link-type="uri" xlink:href="https://x.org/?a=1&amp;b=2">a link</ext-link>'
        '<sup><xref ref-type="bibr" rid="ref-smith2020">1</xref>,'
        '<xref ref-type="bibr" rid="ref-lee2021">2</xref></sup>'
    )
    assert str(inline("see [@fig-a-b] and @fig-a", numbering)) == (
        'see (<xref ref-type="fig" rid="fig-a-b">Figure 1b</xref>) and '
        '<xref ref-type="fig" rid="fig-a">Figure 1</xref>'
    )


def test_markup_in_author_text_stays_text() -> None:
    text = "A <script>alert(1)</script> & <b>x</b>\n\nsecond   paragraph"
    assert str(paragraphs(text, Numbering())) == (
        "<p>A &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;x&lt;/b&gt;</p>\n"
        "<p>second paragraph</p>"
    )
