"""Classification codes for diagnoses; their format is checked by casebook.diagnosis_codes."""

from __future__ import annotations

from typing import Literal

from casebook.models.base import Strict, Text

CodeSystem = Literal["ICD-10", "ICD-11", "SNOMED CT", "MeSH"]


class DiagnosisCode(Strict):
    """A code for a diagnosis in one classification, e.g. {system: ICD-10, code: L40.3}."""

    system: CodeSystem
    """The classification: ICD-10, ICD-11, SNOMED CT or MeSH."""
    code: Text
    """The code as the classification writes it: L40.3 (ICD-10), EA80 (ICD-11), 24079001
    (SNOMED CT concept id) or D003876 (MeSH descriptor)."""
