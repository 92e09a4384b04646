"""Vital signs as the page lists them, each with its unit, and the body-mass index computed
from weight and height; a stated BMI or blood pressure that cannot be right is an error."""

from __future__ import annotations

from dataclasses import dataclass

from casebook.findings import Finding
from casebook.models import Examination, VitalSigns
from casebook.positions import Path_


@dataclass(frozen=True)
class VitalRow:
    name: str
    value: str
    """The value with its unit, e.g. '38.4 °C'."""


def _exact_bmi(vitals: VitalSigns) -> float | None:
    if vitals.weight is None or vitals.height is None:
        return None
    return vitals.weight / (vitals.height / 100) ** 2


def computed_bmi(vitals: VitalSigns) -> float | None:
    """kg/m² from weight and height, to one decimal, when both are given."""
    exact = _exact_bmi(vitals)
    return None if exact is None else round(exact, 1)


def _rounding(stated: float) -> float:
    """How far a stated value may lie from the computed one by rounding alone: half a unit
    of its last digit (24 stands for 23.5 to 24.5, 24.2 for 24.15 to 24.25)."""
    text = f"{stated:g}"
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 / 10.0**decimals + 1e-9


def check_examination(examination: object, path: Path_) -> list[Finding]:
    """The vital signs of an examination given in sections; a plain list has none."""
    if isinstance(examination, Examination) and examination.vital_signs is not None:
        return check_vitals(examination.vital_signs, (*path, "vital_signs"))
    return []


def check_vitals(vitals: VitalSigns, path: Path_) -> list[Finding]:
    """Cross-field checks; `path` is the vital_signs mapping. Ranges are checked by the model."""
    findings = []
    exact = _exact_bmi(vitals)
    if (
        vitals.bmi is not None
        and exact is not None
        and abs(vitals.bmi - exact) > _rounding(vitals.bmi)
    ):
        findings.append(
            Finding(
                (*path, "bmi"),
                f"BMI {vitals.bmi:g} disagrees with weight {vitals.weight:g} kg and height "
                f"{vitals.height:g} cm, which give {round(exact, 1):g} kg/m²",
                "correct the weight, the height or the BMI; leave bmi out to have it computed",
            )
        )
    pressure = vitals.blood_pressure
    if pressure is not None and pressure.diastolic >= pressure.systolic:
        findings.append(
            Finding(
                (*path, "blood_pressure", "diastolic"),
                f"diastolic pressure {pressure.diastolic} mmHg is not lower than systolic "
                f"{pressure.systolic} mmHg",
                "check whether the two are swapped",
            )
        )
    return findings


def vital_rows(vitals: VitalSigns) -> tuple[VitalRow, ...]:
    """The measurements the case gives, in the order of the model, with their units."""
    rows = []
    if vitals.temperature is not None:
        rows.append(VitalRow("Temperature", f"{vitals.temperature:g} °C"))
    if vitals.pulse is not None:
        rows.append(VitalRow("Pulse", f"{vitals.pulse}/min"))
    if vitals.blood_pressure is not None:
        bp = vitals.blood_pressure
        rows.append(VitalRow("Blood pressure", f"{bp.systolic}/{bp.diastolic} mmHg"))
    if vitals.respiratory_rate is not None:
        rows.append(VitalRow("Respiratory rate", f"{vitals.respiratory_rate}/min"))
    if vitals.spo2 is not None:
        rows.append(VitalRow("SpO₂", f"{vitals.spo2:g} %"))
    if vitals.weight is not None:
        rows.append(VitalRow("Weight", f"{vitals.weight:g} kg"))
    if vitals.height is not None:
        rows.append(VitalRow("Height", f"{vitals.height:g} cm"))
    bmi = vitals.bmi if vitals.bmi is not None else computed_bmi(vitals)
    if bmi is not None:
        shown = f"{bmi:g} kg/m²" + (" (computed)" if vitals.bmi is None else "")
        rows.append(VitalRow("Body-mass index", shown))
    return tuple(rows)
