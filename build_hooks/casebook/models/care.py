"""Why a CARE checklist item is not part of a case, in the author's words."""

from __future__ import annotations

from casebook.models.base import Strict, Text


class CareNotes(Strict):
    """For a CARE item the case does not address, why not; an explained item is no warning."""

    title: Text | None = None
    keywords: Text | None = None
    abstract: Text | None = None
    introduction: Text | None = None
    patient_information: Text | None = None
    clinical_findings: Text | None = None
    timeline: Text | None = None
    diagnostic_assessment: Text | None = None
    therapeutic_intervention: Text | None = None
    follow_up_and_outcomes: Text | None = None
    discussion: Text | None = None
    patient_perspective: Text | None = None
    informed_consent: Text | None = None
