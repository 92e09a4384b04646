"""schema.org JSON-LD for a case page: a MedicalScholarlyArticle with its authors, subjects and
references, and the escaping that keeps it inside its script element."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from casebook.models import Affiliation, Reference, SourceAttribution
from casebook.scholarly.adapted_from import original_date
from casebook.scholarly.record import (
    AuthorRecord,
    DrugReaction,
    ScholarlyRecord,
    Study,
    licence_url,
)

CONTEXT = "https://schema.org"

# Inside <script> the HTML parser only looks for "</script" and "<!--"; escaping every <, > and
# & as a JSON \u escape keeps author text from ever closing the element, and JSON parsers read
# the same string back.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}
_LINE_SEPARATORS = {0x2028: "\\u2028", 0x2029: "\\u2029"}


def article_json_ld(record: ScholarlyRecord) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "MedicalScholarlyArticle",
        "publicationType": "Case Reports",
        "headline": record.title,
        "name": record.title,
        "description": record.description,
        "author": [_author(a) for a in record.authors],
        "inLanguage": record.language,
        "keywords": list(record.keywords),
        "license": record.licence_url,
        "about": _subjects(record),
    }
    if record.studies:
        data["mentions"] = [_study(s) for s in record.studies]
    if record.url:
        data["@id"] = record.url
        data["url"] = record.url
    if record.date:
        data["datePublished"] = record.date.isoformat()
    if record.modified:
        data["dateModified"] = record.modified.isoformat()
    if record.image_url:
        # Google's recommended image: never a placeholder or an image the consent leaves out.
        data["image"] = record.image_url
    if record.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": record.doi}
        data["sameAs"] = record.doi_url
    container = _container(record)
    if container:
        data["isPartOf"] = container
    if record.first_page:
        data["pageStart"] = record.first_page
    if record.publisher:
        data["publisher"] = {"@type": "Organization", "name": record.publisher}
    if record.adapted_from:
        data["isBasedOn"] = _source(record.adapted_from)
    if record.references:
        data["citation"] = [_reference(r) for r in record.references]
    if record.pdf_url:
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": record.pdf_url,
            "encodingFormat": "application/pdf",
        }
    return data


def json_ld_script_text(data: dict[str, Any]) -> Markup:
    """JSON for a <script type="application/ld+json"> element, safe for any text it holds."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return Markup(text.translate(_SCRIPT_ESCAPES).translate(_LINE_SEPARATORS))


def _author(author: AuthorRecord) -> dict[str, Any]:
    node: dict[str, Any]
    if author.collective:
        node = {"@type": "Organization", "name": author.collective}
    else:
        node = {"@type": "Person", "name": author.name, "familyName": author.family}
        if author.given:
            node["givenName"] = author.given
    if author.orcid_url:
        # Google reads author.url to tell authors apart; the ORCID record is the author's page.
        node["url"] = author.orcid_url
        node["sameAs"] = author.orcid_url
    if author.affiliations:
        # An Organization's own affiliation is its parent organisation.
        key = "parentOrganization" if author.collective else "affiliation"
        node[key] = [_organisation(a) for a in author.affiliations]
    return node


def _organisation(affiliation: Affiliation) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Organization", "name": affiliation.name}
    address = {"addressLocality": affiliation.city, "addressCountry": affiliation.country}
    if any(address.values()):
        node["address"] = {"@type": "PostalAddress", **{k: v for k, v in address.items() if v}}
    return node


def _subjects(record: ScholarlyRecord) -> list[dict[str, Any]]:
    subjects: list[dict[str, Any]] = []
    for condition in record.conditions:
        node: dict[str, Any] = {"@type": "MedicalCondition", "name": condition.name}
        if condition.abbreviation:
            node["alternateName"] = condition.abbreviation
        if condition.codes:
            node["code"] = [
                {"@type": "MedicalCode", "codingSystem": system, "codeValue": code}
                for system, code in condition.codes
            ]
        subjects.append(node)
    subjects.extend({"@type": "Drug", "name": drug} for drug in record.drugs)
    subjects.extend(_drug_reaction(r) for r in record.drug_reactions)
    return subjects


def _drug_reaction(reaction: DrugReaction) -> dict[str, Any]:
    """The suspected drug as a therapy with its adverse outcome: schema.org gives a
    MedicalTherapy its drug, adverseOutcome and seriousAdverseOutcome; a death is the one
    outcome the case data marks as serious."""
    drug: dict[str, Any] = {"@type": "Drug", "name": reaction.drug}
    if reaction.route:
        drug["administrationRoute"] = reaction.route
    outcome = "seriousAdverseOutcome" if reaction.fatal else "adverseOutcome"
    return {
        "@type": "MedicalTherapy",
        "name": f"{reaction.drug} treatment",
        "drug": drug,
        outcome: {"@type": "MedicalCondition", "name": reaction.reaction},
    }


# schema.org's MedicalImagingTechnique members; a study of another modality is an ImagingTest
# without one, and an ECG, EEG or nerve conduction study, which images nothing, a MedicalTest.
_IMAGING_TECHNIQUES = {
    "CT": "CT",
    "MRI": "MRI",
    "PET": "PET",
    "ultrasound": "Ultrasound",
    "echocardiography": "Ultrasound",
    "radiograph": "Radiography",
    "mammography": "Radiography",
    "fluoroscopy": "XRay",
    "angiography": "XRay",
}
_NOT_IMAGING = {"ECG", "EEG", "nerve conduction study"}


def _study(study: Study) -> dict[str, Any]:
    """An imaging study as an ImagingTest, a procedure as a MedicalProcedure, a genetic test
    as a MedicalTest: the article mentions them; it is about the conditions."""
    if study.kind == "procedure":
        node: dict[str, Any] = {"@type": "MedicalProcedure", "name": study.name}
        if study.site:
            node["bodyLocation"] = study.site
        return node
    if study.kind != "imaging" or study.modality in _NOT_IMAGING:
        return {"@type": "MedicalTest", "name": study.name}
    node = {"@type": "ImagingTest", "name": study.name}
    technique = _IMAGING_TECHNIQUES.get(study.modality or "")
    if technique:
        node["imagingTechnique"] = {"@id": f"{CONTEXT}/{technique}"}
    return node


def _container(record: ScholarlyRecord) -> dict[str, Any] | None:
    """The periodical, nested in its volume and issue where the case has them."""
    if not record.journal_title:
        return None
    node: dict[str, Any] = {"@type": "Periodical", "name": record.journal_title}
    if record.journal_abbreviation:
        node["alternateName"] = record.journal_abbreviation
    if record.issn:
        node["issn"] = record.issn
    if record.volume:
        node = {"@type": "PublicationVolume", "volumeNumber": record.volume, "isPartOf": node}
    if record.issue:
        node = {"@type": "PublicationIssue", "issueNumber": record.issue, "isPartOf": node}
    return node


def _periodical(name: str, volume: str | None, issue: str | None = None) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Periodical", "name": name}
    if volume:
        node = {"@type": "PublicationVolume", "volumeNumber": volume, "isPartOf": node}
    if issue:
        node = {"@type": "PublicationIssue", "issueNumber": issue, "isPartOf": node}
    return node


def _source(source: SourceAttribution) -> dict[str, Any]:
    """The source as a reference is, with what an attribution adds: its issue, its full date
    and its licence."""
    node = _reference(source.as_reference())
    node["@type"] = "ScholarlyArticle"
    node["isPartOf"] = _periodical(source.container_title, source.volume, source.issue)
    if source.issued:
        node["datePublished"] = original_date(source)
    if source.licence:
        node["license"] = licence_url(source.licence)
    return node


def _reference(reference: Reference) -> dict[str, Any]:
    kind = "ScholarlyArticle" if reference.type == "article-journal" else "CreativeWork"
    node: dict[str, Any] = {
        "@type": kind,
        "name": reference.title,
        "datePublished": str(reference.issued.year),
    }
    authors = [
        _reference_author(n.family, n.given, n.literal)
        for n in reference.author
        if n.family or n.literal
    ]
    if authors:
        node["author"] = authors
    if reference.container_title:
        node["isPartOf"] = _periodical(reference.container_title, reference.volume)
    if reference.page and kind == "ScholarlyArticle":
        node["pagination"] = reference.page
    if reference.DOI:
        node["sameAs"] = f"https://doi.org/{reference.DOI}"
    elif reference.URL:
        node["url"] = reference.URL
    return node


def _reference_author(family: str | None, given: str | None, literal: str | None) -> dict[str, Any]:
    if literal or not family:
        return {"@type": "Organization", "name": literal or family}
    node: dict[str, Any] = {"@type": "Person", "name": f"{given} {family}" if given else family}
    node["familyName"] = family
    if given:
        node["givenName"] = given
    return node
