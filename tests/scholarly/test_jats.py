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

from ..support.golden_cases import (
    GOLDEN_CASES,
    failing_on_synthetic,
    golden_article,
    golden_record,
)
from ..support.jats_pmc import check_jats
from ..support.scholarly_cases import SETTINGS, example_article, variant_article

XLINK = "{http://www.w3.org/1999/xlink}href"


def _example_xml(settings: SiteSettings = SETTINGS) -> bytes:
    article = example_article()
    return case_jats(article, build_record(article, settings=settings)).encode("utf-8")


@pytest.mark.parametrize("case_id", GOLDEN_CASES)
def test_jats_matches_golden(case_id: str, golden: Callable[[str, str], None]) -> None:
    golden(f"{case_id}/{case_id}.xml", case_jats(golden_article(case_id), golden_record(case_id)))


@pytest.mark.parametrize(
    "case_id",
    failing_on_synthetic(
        "issue 19: the JATS has no abstract or introduction section, so a figure "
        "first cited there is left out and the cross-references to it point nowhere"
    ),
)
def test_golden_cases_pass_the_pmc_checks(case_id: str) -> None:
    xml = case_jats(golden_article(case_id), golden_record(case_id))
    assert check_jats(xml.encode("utf-8")) == []


def test_a_site_without_issn_is_told_pmc_needs_one() -> None:
    settings = SETTINGS.model_copy(update={"issn": None})
    assert check_jats(_example_xml(settings)) == [
        "journal-meta lacks the journal's ISSN (PubMed Central requires it)"
    ]


def test_example_front_matter_states_what_is_known() -> None:
    root = etree.fromstring(_example_xml())
    assert root.get("article-type") == "case-report"
    meta = root.find("front/article-meta")
    assert meta.findtext("title-group/article-title") == (
        "Palmoplantar pustulosis with atopic dermatitis responding to baricitinib"
    )
    assert meta.findtext("contrib-group/contrib/collab") == "Casebook example editors"
    assert meta.find("article-id[@pub-id-type='doi']") is None
    assert meta.find("volume") is None
    assert meta.findtext("pub-date/year") == "2026"
    assert meta.find("pub-date").get("iso-8601-date") == "2026-11-26"
    assert meta.find("permissions/license").get(XLINK) == (
        "https://creativecommons.org/licenses/by-nc-sa/4.0/"
    )
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
    graphics = list(root.iter("graphic"))
    panels = [p for f in article.figures for p in f.panels]
    assert [g.get(XLINK) for g in graphics] == [p.file for p in panels]
    assert [g.findtext("alt-text") for g in graphics] == [p.alt for p in panels]
    assert [f.findtext("label") for f in root.iter("fig")] == ["Figure 1", "Figure 2", "Figure 3"]
    assert "generated placeholders" in "".join(root.find(".//fig/caption").itertext())
    consent = root.find("back/sec[@sec-type='ethics-statement']")
    assert consent.findtext("p") == article.case.consent.statement
    refs = root.findall("back/ref-list/ref")
    assert [r.get("id") for r in refs] == [f"ref-{r.id}" for r in article.references]
    assert refs[1].find("element-citation/person-group/etal") is not None
    assert refs[1].findtext("element-citation/pub-id[@pub-id-type='pmid']") == "29410014"


def test_variant_front_matter_has_people_orcid_doi_and_pages(tmp_path: Path) -> None:
    article = variant_article(tmp_path)
    xml = case_jats(article, build_record(article, settings=SETTINGS)).encode("utf-8")
    assert check_jats(xml) == []
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
    assert [meta.findtext(n) for n in ("volume", "issue", "fpage")] == ["3", "2", "e101"]
    assert meta.find("elocation-id") is None


def test_checks_report_what_pmc_would_reject() -> None:
    root = etree.fromstring(_example_xml())
    meta = root.find("front/article-meta")
    meta.append(meta.find("title-group"))  # out of JATS order
    root.find(".//graphic/alt-text").getparent().remove(root.find(".//graphic/alt-text"))
    etree.SubElement(root.find("body/sec"), "em").text = "HTML"
    etree.SubElement(root.find("body/sec"), "xref", rid="ref-missing")
    root.find("back").remove(root.find("back/sec"))
    assert check_jats(etree.tostring(root)) == [
        "<title-group> comes too late in article-meta (JATS order)",
        "back lacks the consent statement (sec-type='ethics-statement')",
        "a graphic of figure 'fig-clinical' has no alt-text",
        "xref to 'ref-missing' points at no element",
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
