"""Golden outputs of the synthetic fixture of each other kind of case report (tests/fixtures/,
never published): the case page, the CARE page, the JATS and the JSON-LD."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from functools import cache

import pytest
from casebook.article import Article
from casebook.load import load_case
from casebook.models.settings import SiteSettings
from casebook.render.pages import render_care_page, render_case_page
from casebook.scholarly.jats import case_jats
from casebook.scholarly.json_ld import article_json_ld
from casebook.scholarly.record import build_record
from lxml import etree
from pyld import jsonld

from ..support.jats_dtd import assert_valid_jats
from ..support.jats_pmc import check_jats
from ..support.kind_cases import ADVERSE_REACTION, KIND_FIXTURES, fixture_folder
from ..support.project import ROOT
from ..support.schema_org import document_loader, vocabulary_problems
from ..support.scholarly_cases import SETTINGS

SITE = SiteSettings(title="Casebook", description="Clinical case reports.")


@cache
def kind_article(case_id: str) -> Article:
    article, diagnostics = load_case(fixture_folder(case_id), project_root=ROOT)
    assert article is not None and diagnostics == [], [d.format() for d in diagnostics]
    return article


@pytest.mark.parametrize("case_id", KIND_FIXTURES)
def test_case_page_matches_golden(case_id: str, golden: Callable[[str, str], None]) -> None:
    golden(f"{case_id}/index.md", render_case_page(kind_article(case_id), site=SITE))


@pytest.mark.parametrize("case_id", KIND_FIXTURES)
def test_care_page_matches_golden(case_id: str, golden: Callable[[str, str], None]) -> None:
    golden(f"{case_id}/care.md", render_care_page(kind_article(case_id), site=SITE))


@pytest.mark.parametrize("case_id", KIND_FIXTURES)
def test_jats_matches_golden_and_passes_the_pmc_checks(
    case_id: str, golden: Callable[[str, str], None]
) -> None:
    article = kind_article(case_id)
    xml = case_jats(article, build_record(article, settings=SETTINGS))
    golden(f"{case_id}/{case_id}.xml", xml)
    etree.fromstring(xml.encode("utf-8"))
    assert check_jats(xml.encode("utf-8")) == []
    assert_valid_jats(xml)


@pytest.mark.parametrize("case_id", KIND_FIXTURES)
def test_json_ld_matches_golden_and_uses_schema_org_terms(
    case_id: str, golden: Callable[[str, str], None]
) -> None:
    article = kind_article(case_id)
    data = article_json_ld(build_record(article, settings=SETTINGS))
    golden(f"{case_id}/json-ld.json", json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    expanded = jsonld.expand(data, {"documentLoader": document_loader})
    assert vocabulary_problems(expanded) == []


def test_the_suspected_drug_is_a_therapy_with_its_adverse_outcome() -> None:
    data = article_json_ld(build_record(kind_article(ADVERSE_REACTION), settings=SETTINGS))
    therapies = [s for s in data["about"] if s["@type"] == "MedicalTherapy"]
    assert therapies[0] == {
        "@type": "MedicalTherapy",
        "name": "allopurinol treatment",
        "drug": {"@type": "Drug", "name": "allopurinol", "administrationRoute": "oral"},
        "adverseOutcome": {
            "@type": "MedicalCondition",
            "name": "drug reaction with eosinophilia and systemic symptoms (DRESS)",
        },
    }
    assert {"@type": "Drug", "name": "allopurinol"} in data["about"]


def test_the_care_page_counts_the_new_items() -> None:
    care = render_care_page(kind_article(ADVERSE_REACTION), site=SITE)
    assert (
        "| 5 | Patient information | addressed | [Presentation](index.md#presentation), "
        "[History](index.md#history) |"
    ) in care
    assert (
        "| 6 | Clinical findings | addressed | [Vital signs](index.md#vital-signs), "
        "[Examination by body system](index.md#examination-systems), "
        "[Examination by body site](index.md#examination-sites) |"
    ) in care
    assert "[Causality](index.md#causality)" in care
    assert "[Adverse drug reaction](index.md#adverse-drug-reaction)" in care


def test_a_fatal_reaction_is_a_serious_adverse_outcome() -> None:
    article = kind_article(ADVERSE_REACTION)
    assert article.case.adverse_reaction is not None
    fatal = article.case.adverse_reaction.model_copy(update={"outcome": "fatal"})
    [part] = article.parts  # the outputs read the patient's record, made from the case's
    record = part.record.model_copy(update={"adverse_reaction": fatal})
    fatal_case = dataclasses.replace(article, parts=(dataclasses.replace(part, record=record),))
    data = article_json_ld(build_record(fatal_case, settings=SETTINGS))
    [first, _] = [s for s in data["about"] if s["@type"] == "MedicalTherapy"]
    assert "adverseOutcome" not in first
    assert first["seriousAdverseOutcome"]["name"].startswith("drug reaction with eosinophilia")
    assert vocabulary_problems(jsonld.expand(data, {"documentLoader": document_loader})) == []
