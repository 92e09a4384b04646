"""One patient's record: what a case report tells of each patient. A single case writes it at
the top level of case.yaml; a case series writes one under `patients:` for each patient."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import Field
from pydantic_core import InitErrorDetails, PydanticCustomError

from casebook.models.adverse_reaction import AdverseReaction
from casebook.models.base import Holds, Markdown, RelativeTime, Strict
from casebook.models.clinical import (
    Biopsy,
    Diagnosis,
    History,
    Outcome,
    Patient,
    TreatmentStep,
)
from casebook.models.examination import ExaminationField
from casebook.models.genetics import GeneticFinding
from casebook.models.labs import LabResult
from casebook.models.outcomes import ScoreSeries
from casebook.models.pathology import AssayResult, Culture
from casebook.models.studies import ImagingStudy, Procedure
from casebook.positions import Path_

PATIENT_KEY = r"^patient-[a-z0-9]+(?:-[a-z0-9]+)*$"


class TimelineEvent(Strict):
    """One event of the CARE timeline, at a time relative to the start of treatment."""

    when: RelativeTime
    """When it happened, counted from the start of treatment: 'week -8', 'day 3', 'month 6'.
    Never a calendar date: dates identify patients."""
    event: Markdown
    """What happened, e.g. first pustules on the soles; may cite references and figures."""


class RecordFields(Strict):
    """The parts of one patient's record, in the order the page tells them. At the top level
    patient, history and diagnosis are required unless the case is a series."""

    patient: Patient | None = None
    """De-identified demographics of the patient."""
    history: History | None = None
    """Presenting complaints and relevant history."""
    examination: ExaminationField = []
    """Examination findings: a list with one finding per body site, or a mapping with
    vital_signs, systems (findings by body system) and sites (findings by body site)."""
    timeline: list[TimelineEvent] = []
    """The CARE timeline: the main events of the care, each at a relative time."""
    investigations: list[LabResult] = []
    """Laboratory results."""
    imaging: list[ImagingStudy] = []
    """Imaging and other studies: radiographs, CT, MRI, endoscopy, dermoscopy, ECG..."""
    histology: list[Biopsy] = []
    """Biopsies and their histology, immunohistochemistry and immunofluorescence."""
    cultures: list[Culture] = []
    """Cultures, with the organisms grown and their susceptibilities."""
    pcr_serology: list[AssayResult] = []
    """PCR, serology and antigen tests, for infections or autoantibodies."""
    genetics: list[GeneticFinding] = []
    """Variants found by genetic testing."""
    diagnosis: Diagnosis | None = None
    """The diagnosis: final diagnoses and the differentials considered."""
    adverse_reaction: AdverseReaction | None = None
    """An adverse drug reaction: suspected and concomitant drugs, dechallenge and rechallenge,
    outcome, reporting and causality (WHO-UMC, Naranjo)."""
    treatment: list[TreatmentStep] = []
    """The treatment course, one step per change, in order."""
    procedures: list[Procedure] = []
    """Procedures and operations."""
    scores: list[ScoreSeries] = []
    """Outcome scores over time (EASI, DLQI...), checked against each instrument's range."""
    outcome: Outcome | None = None
    """Outcome and follow-up."""


class PatientRecord(RecordFields):
    """One patient's record with everything a case needs of a patient."""

    patient: Patient
    """De-identified demographics of the patient."""
    history: History
    """Presenting complaints and relevant history."""
    diagnosis: Diagnosis
    """This patient's diagnosis: final diagnoses and the differentials considered."""


class _PatientId(Strict):
    id: Annotated[str, Field(pattern=PATIENT_KEY), Holds.FORM_CHECKED]
    """The patient's id, e.g. patient-1; the text refers to the patient as @patient-1, which
    the page shows as 'Patient 1' (patients are numbered in the order listed)."""


class SeriesPatient(PatientRecord, _PatientId):
    """One patient of a case series: an id, then the same parts a single case gives."""


@dataclass(frozen=True)
class RecordAt:
    """A patient's record and where it stands in case.yaml."""

    record: PatientRecord
    path: Path_
    """() for a single case, ('patients', 0) for the first patient of a series."""
    number: int | None = None
    """1, 2, 3 for the patients of a series; None for a single case."""
    id: str | None = None

    def under(self, *path: str | int) -> Path_:
        """The case.yaml path of a value of this record."""
        return (*self.path, *path)


def single_record(fields: RecordFields) -> PatientRecord:
    """The top-level parts of a single case as one patient's record. Those values are checked
    already, and the case's form (checked by form_errors) guarantees the required ones."""
    return PatientRecord.model_construct(
        **{name: getattr(fields, name) for name in RecordFields.model_fields}
    )


def form_errors(data: Any) -> list[InitErrorDetails]:
    """A case is either one patient, written at the top level, or a series under `patients:`
    with two or more, and nothing of a patient at the top level."""
    if not isinstance(data, dict):
        return []
    if "patients" not in data:
        # Required here though optional in the model: 'patient:' with nothing after it is
        # refused as the required field always was.
        return [
            InitErrorDetails(type="missing", loc=(name,), input=data)
            if name not in data
            else InitErrorDetails(
                type="model_type", loc=(name,), input=None, ctx={"class_name": name.title()}
            )
            for name in ("patient", "history", "diagnosis")
            if data.get(name) is None
        ]
    errors = [
        _error(
            (name,),
            data[name],
            f"'{name}' belongs to each patient of a case series: move it under its patient "
            "in patients, or remove patients for a single case",
        )
        for name in RecordFields.model_fields
        if name in data
    ]
    patients = data["patients"]
    if isinstance(patients, list) and len(patients) < 2:
        errors.append(
            _error(
                ("patients",),
                patients,
                "a case series needs two or more patients: for one patient, write patient, "
                "history and the rest at the top level",
            )
        )
    return errors


def _error(loc: Path_, value: Any, message: str) -> InitErrorDetails:
    return InitErrorDetails(
        type=PydanticCustomError("value_error", "{error}", {"error": message}),
        loc=loc,
        input=value,
    )
