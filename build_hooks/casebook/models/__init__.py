"""The case model and site settings: what authors and site owners may write, and its numbering."""

from __future__ import annotations

from casebook.models.adverse_reaction import (
    NARANJO_QUESTIONS,
    AdverseReaction,
    ConcomitantDrug,
    NaranjoAnswers,
    SuspectedDrug,
)
from casebook.models.base import (
    ONE_LINE_PATTERN,
    Holds,
    LineBreakError,
    parse_date,
    parse_duration,
    relative_days,
)
from casebook.models.case import CaseFile
from casebook.models.clinical import Biopsy, ExamFinding, History, LabResult, Patient, TreatmentStep
from casebook.models.coding import DiagnosisCode
from casebook.models.demographics import AgeInUnits
from casebook.models.dosing import Dose
from casebook.models.examination import Examination, ExaminationField, SystemFinding, VitalSigns
from casebook.models.figures import Figure
from casebook.models.instruments import Instrument, registry
from casebook.models.numbering import Numbering, number_case, panel_letter
from casebook.models.outcomes import ScoreSeries
from casebook.models.publication import Affiliation, SourceAttribution
from casebook.models.references import Reference
from casebook.models.schema_export import case_schema, write_schema
from casebook.models.settings import (
    EXAMPLE_CASE,
    EditorSettings,
    JournalLimits,
    JournalProfile,
    SiteSettings,
)
from casebook.models.walk import iter_strings, iter_texts, unmarked_text_fields

__all__ = [
    "EXAMPLE_CASE",
    "NARANJO_QUESTIONS",
    "ONE_LINE_PATTERN",
    "AdverseReaction",
    "Affiliation",
    "AgeInUnits",
    "Biopsy",
    "CaseFile",
    "ConcomitantDrug",
    "DiagnosisCode",
    "Dose",
    "EditorSettings",
    "ExamFinding",
    "Examination",
    "ExaminationField",
    "Figure",
    "History",
    "Holds",
    "Instrument",
    "JournalLimits",
    "JournalProfile",
    "LabResult",
    "LineBreakError",
    "NaranjoAnswers",
    "Numbering",
    "Patient",
    "Reference",
    "ScoreSeries",
    "SiteSettings",
    "SourceAttribution",
    "SuspectedDrug",
    "SystemFinding",
    "TreatmentStep",
    "VitalSigns",
    "case_schema",
    "iter_strings",
    "iter_texts",
    "number_case",
    "panel_letter",
    "parse_date",
    "parse_duration",
    "registry",
    "relative_days",
    "unmarked_text_fields",
    "write_schema",
]
