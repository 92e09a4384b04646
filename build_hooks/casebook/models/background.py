"""The patient's background per CARE item 5: comorbidities, medication, social history,
allergies, and ethnicity where the authors state why it matters."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator

from casebook.models.base import Strict, Text
from casebook.models.coding import DiagnosisCode
from casebook.models.dosing import Dose, Route


class Comorbidity(Strict):
    """A background disease or comorbidity, coded like a diagnosis."""

    name: Text
    """Name of the condition, e.g. type 2 diabetes mellitus."""
    codes: list[DiagnosisCode] = []
    """Classification codes (ICD-10, ICD-11, SNOMED CT, MeSH), checked for their format."""
    details: Text | None = None
    """What bears on the case, e.g. diet-controlled, or diagnosed 10 years earlier."""


class Medication(Strict):
    """A medicine the patient takes or took before presentation."""

    drug: Text
    """Generic drug name, e.g. metformin."""
    status: Literal["current", "past"]
    """Whether the patient still took it at presentation (current) or had stopped (past)."""
    dose: Dose | None = None
    """Dose per administration."""
    route: Route | None = None
    """How the drug is given."""
    frequency: Text | None = None
    """How often, e.g. twice daily."""
    indication: Text | None = None
    """What it is taken for, e.g. type 2 diabetes mellitus."""


class SocialHistory(Strict):
    """Smoking and alcohol as categories, and other social history that bears on the case."""

    smoking: Literal["never", "former", "current", "not stated"] = "not stated"
    """Smoking: never, former, current or not stated."""
    pack_years: Annotated[float, Field(gt=0, le=200)] | None = None
    """Pack-years smoked, for a former or current smoker."""
    alcohol: Literal["none", "within guidelines", "above guidelines", "not stated"] = "not stated"
    """Alcohol: none, within guidelines, above guidelines or not stated."""
    other: list[Text] = []
    """Other relevant social history, e.g. works with solvents; no employer or place names."""

    @field_validator("pack_years")
    @classmethod
    def _smoker(cls, pack_years: float | None, info: ValidationInfo) -> float | None:
        smoking = info.data.get("smoking")
        if pack_years is not None and smoking not in ("former", "current"):
            raise ValueError(
                f"pack-years are counted for a former or current smoker, and smoking is "
                f"'{smoking}': set smoking, or remove pack_years"
            )
        return pack_years


class Allergy(Strict):
    """A known allergy or intolerance."""

    substance: Text
    """What the patient is allergic to, e.g. penicillin."""
    reaction: Text | None = None
    """What it causes, e.g. urticaria."""
