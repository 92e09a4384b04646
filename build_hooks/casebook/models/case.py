"""The root of case.yaml: every section an author may write."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from casebook.models.adverse_reaction import AdverseReaction
from casebook.models.base import DeclarationText, Markdown, Strict, Text, UnpublishedText
from casebook.models.care import CareNotes
from casebook.models.clinical import (
    Biopsy,
    Diagnosis,
    History,
    LabResult,
    Outcome,
    Patient,
    TreatmentStep,
)
from casebook.models.examination import ExaminationField
from casebook.models.figures import Figure
from casebook.models.outcomes import ScoreSeries
from casebook.models.publication import Affiliation, Author, Publication
from casebook.models.references import Reference


class Consent(Strict):
    """The patient's consent to publication, recorded before a case can be published."""

    basis: Literal["patient written consent", "guardian written consent", "previously published"]
    """How publication is permitted; 'previously published' for cases adapted from a
    published report whose journal held the consent."""
    scope: Annotated[list[Literal["text", "images"]], Field(min_length=1)]
    """What the consent covers: text, images, or both."""
    statement: Text
    """The consent statement printed on the page."""


class ReviewedException(Strict):
    """Text the de-identification check flagged that an editor reviewed and accepted."""

    text: UnpublishedText
    """The exact flagged text, e.g. Koebner."""
    reason: UnpublishedText
    """Why it does not identify the patient, e.g. an eponym."""


class Deidentification(Strict):
    """The record of the de-identification review."""

    allow: list[ReviewedException] = []
    """Flagged texts reviewed and accepted; each must match the flagged text exactly."""


class Declarations(Strict):
    """Conflicts of interest and funding."""

    conflicts: DeclarationText | None = None
    """Conflicts of interest, or a statement that there are none."""
    funding: DeclarationText | None = None
    """Funding sources, or a statement that there was none."""


class CaseFile(Strict):
    """A clinical case report: the contents of case_data/<case-id>/case.yaml."""

    schema_version: Literal[1] = 1
    """Version of this format."""
    publication: Publication
    """How and where the case is published."""
    authors: Annotated[list[Author], Field(min_length=1)]
    """Authors in byline order."""
    affiliations: list[Affiliation] = []
    """Institutions that authors point at by id."""
    abstract: Markdown | None = None
    """A short summary of the case (CARE item 3); letters to the editor usually have none."""
    introduction: Markdown | None = None
    """Why the case matters, briefly (CARE item 4)."""
    patient: Patient
    """De-identified demographics of the patient."""
    history: History
    """Presenting complaints and relevant history."""
    examination: ExaminationField = []
    """Examination findings: a list with one finding per body site, or a mapping with
    vital_signs, systems (findings by body system) and sites (findings by body site)."""
    investigations: list[LabResult] = []
    """Laboratory results."""
    histology: list[Biopsy] = []
    """Biopsies and their histology."""
    diagnosis: Diagnosis
    """The diagnosis: final diagnoses and the differentials considered."""
    adverse_reaction: AdverseReaction | None = None
    """An adverse drug reaction: suspected and concomitant drugs, dechallenge and rechallenge,
    outcome, reporting and causality (WHO-UMC, Naranjo)."""
    treatment: list[TreatmentStep] = []
    """The treatment course, one step per change, in order."""
    scores: list[ScoreSeries] = []
    """Outcome scores over time (EASI, DLQI...), checked against each instrument's range."""
    outcome: Outcome | None = None
    """Outcome and follow-up."""
    patient_perspective: Markdown | None = None
    """The patient's own account of the experience, if given."""
    consent: Consent
    """The recorded consent to publish; required."""
    declarations: Declarations | None = None
    """Conflicts of interest and funding."""
    deidentification: Deidentification | None = None
    """Reviewed exceptions to the de-identification check."""
    discussion: Markdown | None = None
    """The discussion; cites references ([@key]) and figures (@fig-id)."""
    reference_note: Text | None = None
    """A note printed under the reference list, e.g. that it is partial."""
    references: list[Reference] = []
    """References as CSL data (as Zotero and citation managers export them)."""
    figures: list[Figure] = []
    """Figures with their panels; numbered by first mention."""
    care_notes: CareNotes | None = None
    """Why a CARE checklist item is not addressed, e.g. a letter has no abstract."""
