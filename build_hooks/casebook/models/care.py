"""Why a CARE checklist item is not part of a case, in the author's words: not reported (the
source or the authors leave it out), or not applicable to this case."""

from __future__ import annotations

from typing import Literal

from casebook.models.base import Strict, Text

CareItemKey = Literal[
    "title",
    "keywords",
    "abstract",
    "introduction",
    "patient_information",
    "clinical_findings",
    "timeline",
    "diagnostic_assessment",
    "therapeutic_intervention",
    "follow_up_and_outcomes",
    "discussion",
    "patient_perspective",
    "informed_consent",
]


class CareNotes(Strict):
    """For a CARE item the case does not address, why not; an explained item is no warning.
    A note says why the item is not reported; list the item under not_applicable when it
    does not apply to this case at all, and the note is then the reason."""

    title: Text | None = None
    """Why the title does not identify the case as a case report, if so."""
    keywords: Text | None = None
    """Why there are no key words."""
    abstract: Text | None = None
    """Why there is no abstract, e.g. a letter to the editor has none."""
    introduction: Text | None = None
    """Why there is no introduction, e.g. a letter opens with the case."""
    patient_information: Text | None = None
    """Why patient information is not given."""
    clinical_findings: Text | None = None
    """Why there are no examination findings."""
    timeline: Text | None = None
    """Why there is no timeline of the care."""
    diagnostic_assessment: Text | None = None
    """Why the diagnostic assessment is not described."""
    therapeutic_intervention: Text | None = None
    """Why there is no treatment, e.g. none was given."""
    follow_up_and_outcomes: Text | None = None
    """Why follow-up and outcomes are not reported."""
    discussion: Text | None = None
    """Why there is no discussion."""
    patient_perspective: Text | None = None
    """Why the patient's perspective is not given, e.g. the source lacks it."""
    informed_consent: Text | None = None
    """Why consent is not stated."""
    not_applicable: list[CareItemKey] = []
    """The items whose note says why they do not apply to this case (e.g. [abstract] for a
    letter, which has none); every other note says why the item is not reported."""
