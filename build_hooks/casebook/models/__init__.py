"""The case model and site settings: what authors and site owners may write, and its numbering."""

from __future__ import annotations

from casebook.models.abstract import StructuredAbstract
from casebook.models.adverse_reaction import (
    NARANJO_QUESTIONS,
    AdverseReaction,
    ConcomitantDrug,
    NaranjoAnswers,
    SuspectedDrug,
)
from casebook.models.base import (
    NOT_STATED,
    ONE_LINE_PATTERN,
    Holds,
    LineBreakError,
    parse_date,
    parse_duration,
    relative_days,
)
from casebook.models.case import CaseFile, Consent
from casebook.models.clinical import (
    Biopsy,
    Diagnosis,
    ExamFinding,
    History,
    Outcome,
    OutcomeTime,
    Patient,
    TreatmentStep,
)
from casebook.models.coding import DiagnosisCode
from casebook.models.demographics import AgeInUnits
from casebook.models.dosing import SINGLE_DOSE, Dose
from casebook.models.examination import Examination, ExaminationField, SystemFinding, VitalSigns
from casebook.models.figures import Figure
from casebook.models.genetics import GeneticFinding
from casebook.models.instruments import Instrument, registry
from casebook.models.labs import LabResult
from casebook.models.numbering import Numbering, number_case, panel_letter
from casebook.models.outcomes import ScoreSeries
from casebook.models.pathology import AssayResult, Culture, MarkerResult
from casebook.models.patient_record import (
    PATIENT_KEY,
    PatientRecord,
    RecordAt,
    RecordFields,
    TimelineEvent,
)
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
from casebook.models.stated import is_stated
from casebook.models.studies import ImagingStudy, Procedure
from casebook.models.walk import iter_strings, iter_texts, unmarked_text_fields

__all__ = [
    "EXAMPLE_CASE",
    "NARANJO_QUESTIONS",
    "NOT_STATED",
    "ONE_LINE_PATTERN",
    "PATIENT_KEY",
    "SINGLE_DOSE",
    "AdverseReaction",
    "Affiliation",
    "AgeInUnits",
    "AssayResult",
    "Biopsy",
    "CaseFile",
    "ConcomitantDrug",
    "Consent",
    "Culture",
    "Diagnosis",
    "DiagnosisCode",
    "Dose",
    "EditorSettings",
    "ExamFinding",
    "Examination",
    "ExaminationField",
    "Figure",
    "GeneticFinding",
    "History",
    "Holds",
    "ImagingStudy",
    "Instrument",
    "JournalLimits",
    "JournalProfile",
    "LabResult",
    "LineBreakError",
    "MarkerResult",
    "NaranjoAnswers",
    "Numbering",
    "Outcome",
    "OutcomeTime",
    "Patient",
    "PatientRecord",
    "Procedure",
    "RecordAt",
    "RecordFields",
    "Reference",
    "ScoreSeries",
    "SiteSettings",
    "SourceAttribution",
    "StructuredAbstract",
    "SuspectedDrug",
    "SystemFinding",
    "TimelineEvent",
    "TreatmentStep",
    "VitalSigns",
    "case_schema",
    "is_stated",
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
