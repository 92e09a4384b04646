from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from casebook.models.settings import SiteSettings
from casebook.scholarly.json_ld import article_json_ld, json_ld_script_text
from casebook.scholarly.record import build_record
from pyld import jsonld

from ..support.cases import replace_once
from ..support.schema_org import document_loader, vocabulary_problems
from ..support.scholarly_cases import SETTINGS, example_article, variant_article, variant_text

MEDICAL_SCHOLARLY_ARTICLE = "http://schema.org/MedicalScholarlyArticle"


def _expand(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    expanded: list[dict[str, Any]] = jsonld.expand(data, {"documentLoader": document_loader})
    return expanded


def test_variant_json_ld_expands_with_schema_org_terms_on_their_types(tmp_path: Path) -> None:
    data = article_json_ld(build_record(variant_article(tmp_path), settings=SETTINGS))
    expanded = _expand(data)
    [article] = expanded
    assert article["@type"] == [MEDICAL_SCHOLARLY_ARTICLE]
    assert vocabulary_problems(expanded) == []
    assert data["publicationType"] == "Case Reports"
    person, group = data["author"]
    assert person["sameAs"] == "https://orcid.org/0000-0002-1825-0097"
    assert person["url"] == "https://orcid.org/0000-0002-1825-0097"
    assert person["affiliation"][0]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Springfield",
        "addressCountry": "Freedonia",
    }
    assert group == {
        "@type": "Organization",
        "name": "Skin Study Group",
        "parentOrganization": [
            {
                "@type": "Organization",
                "name": "Department of Dermatology, Example Hospital",
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": "Springfield",
                    "addressCountry": "Freedonia",
                },
            }
        ],
    }
    assert data["about"][0]["code"] == [
        {"@type": "MedicalCode", "codingSystem": "ICD-10", "codeValue": "L40.3"}
    ]
    assert data["about"][-1] == {"@type": "Drug", "name": "baricitinib"}
    assert data["identifier"]["value"] == "10.5555/casebook.2026.001"
    assert data["isPartOf"]["issueNumber"] == "2"
    assert data["isPartOf"]["isPartOf"]["volumeNumber"] == "3"
    assert data["isPartOf"]["isPartOf"]["isPartOf"]["issn"] == "0000-0000"
    assert data["license"] == "https://creativecommons.org/licenses/by-nc-sa/4.0/"
    assert data["datePublished"] == "2026-11-26"
    # The case records no revision later than its publication.
    assert data["dateModified"] == "2026-11-26"
    # Placeholders only, and a consent for text: the collection's logo stands for the case.
    assert data["image"] == "https://example.org/casebook/assets/logo.png"


def test_a_consented_patient_image_is_the_image(tmp_path: Path) -> None:
    text = replace_once(variant_text(), "  scope: [text]\n", "  scope: [text, images]\n")
    text = text.replace("        placeholder: true\n", "")  # as if the images were real
    data = article_json_ld(build_record(variant_article(tmp_path, text), settings=SETTINGS))
    assert data["image"] == (
        "https://example.org/casebook/cases/ppp-ad-baricitinib/figures/clinical-back.png"
    )


def test_placeholders_without_a_logo_give_no_image() -> None:
    settings = SETTINGS.model_copy(update={"logo": None})
    assert "image" not in article_json_ld(build_record(example_article(), settings=settings))


def test_example_json_ld_states_no_doi_volume_or_address_it_lacks() -> None:
    data = article_json_ld(build_record(example_article(), settings=SiteSettings()))
    assert vocabulary_problems(_expand(data)) == []
    for key in ("identifier", "sameAs", "url", "@id", "isPartOf", "pageStart", "publisher"):
        assert key not in data
    assert data["isBasedOn"]["isPartOf"]["volumeNumber"] == "90"  # the source's, not ours


def test_vocabulary_check_catches_a_misplaced_property() -> None:
    data = {"@context": "https://schema.org", "@type": "Drug", "volumeNumber": "3"}
    assert vocabulary_problems(_expand(data)) == [
        "https://schema.org/volumeNumber is not a property of ['https://schema.org/Drug']"
    ]


def test_script_text_escapes_markup_and_reads_back_as_the_same_json() -> None:
    data = {"name": "a </script> & <!-- b \u2028"}
    text = str(json_ld_script_text(data))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data
