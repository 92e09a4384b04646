"""The case model and site settings: what authors and site owners may write, and its numbering."""

from __future__ import annotations

from casebook.models.case import CaseFile
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
from casebook.models.figures import Figure, Panel
from casebook.models.publication import Author, Publication
from casebook.models.references import Reference

__all__ = [
    "Author",
    "Biopsy",
    "CaseFile",
    "Diagnosis",
    "ExamFinding",
    "Figure",
    "History",
    "LabResult",
    "Outcome",
    "Panel",
    "Patient",
    "Publication",
    "Reference",
    "TreatmentStep",
]
