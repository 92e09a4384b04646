"""The root of case.yaml: every section an author may write."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from casebook.models.base import Markdown, Strict, Text
from casebook.models.care import CareNotes
from casebook.models.clinical import (
    Biopsy,
    Diagnosis,
    ExamFinding,
    History,
    LabResult,
    Outcome,
    Patient,
    TreatmentStep,
)
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


class Declarations(Strict):
    """Conflicts of interest and funding."""

    conflicts: Text | None = None
    funding: Text | None = None


class CaseFile(Strict):
    """A clinical case report: the contents of case_data/<case-id>/case.yaml."""

    schema_version: Literal[1] = 1
    """Version of this format."""
    publication: Publication
    authors: Annotated[list[Author], Field(min_length=1)]
    affiliations: list[Affiliation] = []
    abstract: Markdown | None = None
    """A short summary of the case (CARE item 3); letters to the editor usually have none."""
    introduction: Markdown | None = None
    """Why the case matters, briefly (CARE item 4)."""
    patient: Patient
    history: History
    examination: list[ExamFinding] = []
    investigations: list[LabResult] = []
    histology: list[Biopsy] = []
    diagnosis: Diagnosis
    treatment: list[TreatmentStep] = []
    scores: list[ScoreSeries] = []
    """Outcome scores over time (EASI, DLQI...), checked against each instrument's range."""
    outcome: Outcome | None = None
    patient_perspective: Markdown | None = None
    """The patient's own account of the experience, if given."""
    consent: Consent
    declarations: Declarations | None = None
    discussion: Markdown | None = None
    """The discussion; cites references ([@key]) and figures (@fig-id)."""
    reference_note: Text | None = None
    """A note printed under the reference list, e.g. that it is partial."""
    references: list[Reference] = []
    figures: list[Figure] = []
    care_notes: CareNotes | None = None
    """Why a CARE checklist item is not addressed, e.g. a letter has no abstract."""
