"""Where a fact goes that an author wrote under a key of its own: common clinical words that are
not fields, each mapped to the field that holds that fact, so an unknown key's error keeps the
fact in the case instead of telling the author to delete it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Advice:
    targets: tuple[str, ...]
    """Where the fact goes: a field of the same mapping ('reason'), or a path from the
    patient's record ('patient.ethnicity'; '[]' stands for an item of a list)."""
    note: str = ""
    """Said instead of, or after, the targets."""
    joiner: str = " or "
    """' and ' when the fact is split over the targets (a range into its two limits)."""


def _to(*targets: str, note: str = "", joiner: str = " or ") -> Advice:
    return Advice(targets, note, joiner)


_IDENTIFIES = _to(note="it identifies the patient: remove it (a case holds de-identified facts)")
_ETHNICITY = _to("patient.ethnicity", note="with why it bears on the case under relevance")
_DESCRIBE_COMPLAINT = _to("history.presenting_complaints[].description")

# Read anywhere a mapping has no entry of its own for the key.
_ANYWHERE: dict[str, Advice] = {
    "ethnicity": _ETHNICITY,
    "race": _ETHNICITY,
    "ancestry": _ETHNICITY,
    "gender": _to("patient.sex"),
    "occupation": _to("history.social_history.other"),
    "travel": _to("history.social_history.other"),
    "smoking": _to("history.social_history.smoking"),
    "alcohol": _to("history.social_history.alcohol"),
    "allergy": _to("history.allergies"),
    "medical_history": _to("history.past_history", "history.comorbidities"),
    "past_medical_history": _to("history.past_history", "history.comorbidities"),
    "complaint": _to("history.presenting_complaints"),
    "chief_complaint": _to("history.presenting_complaints"),
    "symptoms": _to("history.presenting_complaints"),
    "onset": _to("history.presenting_complaints[].duration", "timeline"),
    "differential_diagnosis": _to("diagnosis.differentials"),
    "labs": _to("investigations"),
    "laboratory": _to("investigations"),
    "biopsy": _to("histology"),
    "pathology": _to("histology"),
    "radiology": _to("imaging"),
    "complications": _to("outcome.adverse_events"),
    "side_effects": _to("outcome.adverse_events"),
    "adverse_events": _to("outcome.adverse_events"),
    "followup": _to("outcome.follow_up"),
}

_DRUG = {
    "dosage": _to("dose"),
    "dosing": _to("dose"),
    "name": _to("drug"),
    "medication": _to("drug"),
    "reason": _to("indication"),
    "purpose": _to("indication"),
}

# By the model (class name) of the mapping the key is in.
_IN_MODEL: dict[str, dict[str, Advice]] = {
    "Patient": {
        "name": _IDENTIFIES,
        "initials": _IDENTIFIES,
        "date_of_birth": _IDENTIFIES,
        "dob": _IDENTIFIES,
        "address": _IDENTIFIES,
        "mrn": _IDENTIFIES,
        "weight": _to("examination.vital_signs.weight"),
        "height": _to("examination.vital_signs.height"),
    },
    "Complaint": {
        "onset": _to("duration"),
        "since": _to("duration"),
        "severity": _to("description"),
        "location": _to("description"),
    },
    "History": {"severity": _DESCRIBE_COMPLAINT, "onset": _to("presenting_complaints[].duration")},
    "ExamFinding": {"severity": _to("description"), "location": _to("site")},
    "SystemFinding": {"severity": _to("description")},
    "Medication": _DRUG,
    "ConcomitantDrug": _DRUG,
    "SuspectedDrug": {**_DRUG, "date": _to("start"), "time_to_onset": _to("latency")},
    "TreatmentStep": {
        "indication": _to("reason"),
        "purpose": _to("reason"),
        "rationale": _to("reason"),
        "dosage": _to("dose"),
        "dosing": _to("dose"),
        "name": _to("drug"),
        "medication": _to("drug"),
        "outcome": _to("response"),
        "result": _to("response"),
        "effect": _to("response"),
        "date": _to("start"),
        "when": _to("start"),
        "length": _to("duration"),
    },
    "LabResult": {
        "result": _to("value"),
        "units": _to("unit"),
        "name": _to("test"),
        "analyte": _to("test"),
        "date": _to("when"),
        "reference_range": _to("reference_low", "reference_high", joiner=" and "),
        "normal_range": _to("reference_low", "reference_high", joiner=" and "),
        "interpretation": _to("flag"),
    },
    "ImagingStudy": {
        "type": _to("modality"),
        "result": _to("findings"),
        "report": _to("findings"),
        "conclusion": _to("impression"),
        "date": _to("when"),
        "location": _to("site"),
    },
    "Biopsy": {"location": _to("site"), "result": _to("findings"), "staining": _to("stain")},
    "Outcome": {"result": _to("summary"), "status": _to("summary")},
    "AdverseReaction": {
        "severity": _to("description"),
        "seriousness": _to("description"),
        "date": _to("onset"),
        "drug": _to("suspected_drugs"),
    },
    "DiagnosisItem": {"icd": _to("codes"), "icd10": _to("codes"), "code": _to("codes")},
}


def normal_key(key: str) -> str:
    return key.strip().lower().replace("-", "_").replace(" ", "_")


def advice_for(model: str, key: str) -> Advice | None:
    """Where the fact under `key`, in a mapping of `model`, belongs; None when no entry says."""
    key = normal_key(key)
    return _IN_MODEL.get(model, {}).get(key) or _ANYWHERE.get(key)


def table() -> dict[str, dict[str, Advice]]:
    """Every entry by model, '' for those read anywhere: for the test that each target exists."""
    return {"": _ANYWHERE, **_IN_MODEL}
