"""Every output of the synthetic fixtures for the kinds of case report the example is not: one
case with imaging, procedures, pathology, microbiology, genetics, a structured abstract and a
CARE timeline, and a case series of three patients, some facts 'not stated' (tests/fixtures/,
never published)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from casebook.article.listing import case_listing
from casebook.load import load_case
from casebook.models.settings import SiteSettings
from casebook.render.home import render_home_pages
from casebook.render.pages import render_care_page, render_case_page
from casebook.scholarly.head_meta import case_head_html
from casebook.scholarly.jats import case_jats
from casebook.scholarly.json_ld import article_json_ld
from casebook.scholarly.outputs import scholarly_output
from lxml import etree
from pyld import jsonld

from .support.golden_cases import FIXTURES, golden_article, golden_record
from .support.jats_dtd import dtd_errors
from .support.jats_pmc import check_jats
from .support.schema_org import document_loader, vocabulary_problems
from .support.scholarly_cases import SETTINGS

SINGLE = "synthetic-imaging-genetics"
SERIES = "synthetic-case-series"
KIND_CASES = (SINGLE, SERIES)
SITE = SiteSettings(title="Casebook", description="Clinical case reports.")


@pytest.mark.parametrize("case_id", KIND_CASES)
def test_case_page_matches_golden(case_id: str, golden: Callable[[str, str], None]) -> None:
    article = golden_article(case_id)
    cite = scholarly_output(article, settings=SETTINGS).cite
    golden(f"{case_id}/index.md", render_case_page(article, site=SITE, cite=cite))


@pytest.mark.parametrize("case_id", KIND_CASES)
def test_care_page_matches_golden(case_id: str, golden: Callable[[str, str], None]) -> None:
    golden(f"{case_id}/care.md", render_care_page(golden_article(case_id), site=SITE))


@pytest.mark.parametrize("case_id", KIND_CASES)
def test_jats_matches_golden_is_valid_and_passes_the_pmc_checks(
    case_id: str, golden: Callable[[str, str], None]
) -> None:
    xml = case_jats(golden_article(case_id), golden_record(case_id))
    golden(f"{case_id}/{case_id}.xml", xml)
    assert check_jats(xml.encode("utf-8")) == []
    assert dtd_errors(xml) == []


@pytest.mark.parametrize("case_id", KIND_CASES)
def test_head_matches_golden(case_id: str, golden: Callable[[str, str], None]) -> None:
    golden(f"{case_id}/head.html", case_head_html(golden_record(case_id)))


def test_every_part_is_on_the_page_in_care_order() -> None:
    page = render_case_page(golden_article(SINGLE), site=SITE)
    headings = [line for line in page.splitlines() if line.startswith("#")]
    assert headings[1:14] == [
        "## Abstract { #abstract }",
        "## Introduction { #introduction }",
        "## Presentation { #presentation }",
        "### Examination { #examination }",
        "## Timeline of events { #events }",
        "## Investigations { #investigations }",
        "## Imaging and other studies { #imaging }",
        "## Histology { #histology }",
        "## Microbiology and serology { #microbiology }",
        "## Genetic testing { #genetics }",
        "## Diagnosis { #diagnosis }",
        "## Treatment and outcome { #treatment-and-outcome }",
        "### Timeline { #timeline }",
    ]
    assert "**Background:** A made-up case" in page
    assert "| year -13 | First blisters, in the neonatal period (made up) |" in page
    assert "| Immunohistochemistry | Type VII collagen | negative: absent along" in page
    assert "| *COL7A1* | NM\\_000094\\.4:c\\.1234G\\>A p\\.&#40;Gly412Arg&#41; (<a" in page


def test_each_patient_of_a_series_has_sections_and_charts_of_their_own() -> None:
    article = golden_article(SERIES)
    assert [(p.label, p.anchor("timeline")) for p in article.parts] == [
        ("Patient 1", "patient-1-timeline"),
        ("Patient 2", "patient-2-timeline"),
        ("Patient 3", "patient-3-timeline"),
    ]
    assert [c.file for c in article.charts] == [
        "charts/patient-1-timeline.svg",
        "charts/patient-2-timeline.svg",
        "charts/patient-3-timeline.svg",
    ]
    # Figures stand in the section of the patient whose data first cites them.
    figures = {k: v for k, v in article.placement.items() if k.startswith("fig-")}
    assert figures == {"fig-trunk": "patient-1-presentation", "fig-ct": "patient-3-imaging"}
    assert article.diagnoses == [
        "Synthetic annular eruption",
        "Synthetic annular eruption with systemic features",
    ]
    page = render_case_page(article, site=SITE)
    assert (
        "| [Patient 3](#patient-3) | 47-year-old patient | Synthetic annular eruption with "
        "systemic features | prednisolone; ciclosporin | Improved, with residual plaques at "
        "week 10. |"
    ) in page


def test_a_figure_first_cited_outside_the_patients_stands_in_that_section(tmp_path: Path) -> None:
    folder = tmp_path / "case_data" / SERIES
    shutil.copytree(FIXTURES / SERIES, folder)
    path = folder / "case.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("then a table across them.", "then a table (@fig-ct)."), "utf-8")
    article, diagnostics = load_case(folder, project_root=tmp_path)
    assert article is not None and diagnostics == []
    assert article.placement["fig-ct"] == "introduction"
    assert "then a table (<a" in render_case_page(article, site=SITE)


def test_a_series_is_one_jats_sec_per_patient_after_the_summary_table() -> None:
    root = etree.fromstring(case_jats(golden_article(SERIES), golden_record(SERIES)).encode())
    body = root.find("body")
    assert [(s.get("id"), s.get("sec-type")) for s in body.findall("sec")][:5] == [
        ("introduction", "intro"),
        ("series-summary", None),
        ("patient-1", "cases"),
        ("patient-2", "cases"),
        ("patient-3", "cases"),
    ]
    assert [s.get("id") for s in body.findall("sec[@id='patient-3']/sec")] == [
        "patient-3-presentation",
        "patient-3-imaging",
        "patient-3-histology",
        "patient-3-microbiology",
        "patient-3-diagnosis",
        "patient-3-adverse-drug-reaction",
        "patient-3-treatment-and-outcome",
    ]


def test_a_structured_abstract_is_one_jats_sec_per_part() -> None:
    root = etree.fromstring(case_jats(golden_article(SINGLE), golden_record(SINGLE)).encode())
    abstract = root.find("front/article-meta/abstract")
    assert [s.findtext("title") for s in abstract.findall("sec")] == [
        "Background",
        "Case presentation",
        "Conclusions",
    ]
    assert root.findtext("back/sec[@id='consent']/p").startswith("Synthetic: no patient exists.")


def _expand(data: dict[str, Any]) -> list[dict[str, Any]]:
    expanded: list[dict[str, Any]] = jsonld.expand(data, {"documentLoader": document_loader})
    return expanded


def test_json_ld_mentions_the_studies_and_procedures_in_schema_org_terms() -> None:
    data = article_json_ld(golden_record(SINGLE))
    assert vocabulary_problems(_expand(data)) == []
    assert data["mentions"] == [
        {
            "@type": "ImagingTest",
            "name": "MRI, left lower leg",
            "imagingTechnique": {"@id": "https://schema.org/MRI"},
        },
        {
            "@type": "ImagingTest",
            "name": "Ultrasound, left inguinal lymph nodes",
            "imagingTechnique": {"@id": "https://schema.org/Ultrasound"},
        },
        {"@type": "MedicalTest", "name": "ECG"},
        {
            "@type": "MedicalProcedure",
            "name": "Excision of the shin lesion with a split-skin graft",
            "bodyLocation": "Left shin",
        },
        {"@type": "MedicalProcedure", "name": "Upper endoscopy"},
        {"@type": "MedicalTest", "name": "Gene panel (COL7A1)"},
    ]


def test_json_ld_of_a_series_is_about_every_patient_s_diagnosis() -> None:
    data = article_json_ld(golden_record(SERIES))
    assert vocabulary_problems(_expand(data)) == []
    assert data["description"] == (
        "Case series: Synthetic annular eruption, Synthetic annular eruption with systemic features"
    )
    assert [s["name"] for s in data["about"] if s["@type"] == "MedicalCondition"] == [
        "Synthetic annular eruption",
        "Synthetic annular eruption with systemic features",
    ]


def test_the_home_page_says_a_series_is_one() -> None:
    listings = [case_listing(golden_article(c)) for c in KIND_CASES]
    home = render_home_pages(listings, site=SITE)["index.md"]
    assert (
        "made\\-up drug eruption](cases/synthetic-case-series/index.md) (case series of 3 " in home
    )
    assert "made\\-up 14\\-year\\-old](cases/synthetic-imaging-genetics/index.md) |" in home


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("No osteomyelitis.", "No osteomyelitis on 3 March 2024.", "imaging[0].impression"),
        ("Partial graft loss at the lower edge", "Graft loss, seen by Dr Smith", "procedures[0]"),
        ("Swab of the shin erosion", "Swab taken at 12 Main Street", "cultures[0].specimen"),
        ("Plaques on both arms", "Plaques on both arms on 1 May 2024", "patients[1].timeline[0]"),
    ],
)
def test_new_text_fields_are_checked_for_identifiers(
    tmp_path: Path, old: str, new: str, field: str
) -> None:
    case_id = SERIES if field.startswith("patients") else SINGLE
    folder = tmp_path / "case_data" / case_id
    shutil.copytree(FIXTURES / case_id, folder)
    path = folder / "case.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    article, diagnostics = load_case(folder, project_root=tmp_path)
    assert article is None
    assert [d.field for d in diagnostics] and all(d.field.startswith(field) for d in diagnostics)


def test_structured_abstract_misspelt_part_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "case_data" / SINGLE
    shutil.copytree(FIXTURES / SINGLE, folder)
    path = folder / "case.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  conclusions: >-", "  conclusion: >-"), encoding="utf-8")
    article, diagnostics = load_case(folder, project_root=tmp_path)
    assert article is None
    line = text[: text.index("  conclusions: >-")].count("\n") + 1
    assert [d.format() for d in diagnostics] == [
        f"case_data/{SINGLE}/case.yaml:29:3: abstract.conclusions: missing required field "
        "'conclusions' (add 'conclusions:' here)",
        f"case_data/{SINGLE}/case.yaml:{line}:3: abstract.conclusion: unknown key 'conclusion' "
        "(did you mean 'conclusions'?)",
    ]
