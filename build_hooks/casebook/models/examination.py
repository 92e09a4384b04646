"""Examination beyond the skin: vital signs with their units, and findings by body system,
beside the findings by body site that dermatology reports list."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Discriminator, Tag

from casebook.models.base import FigureRef, RelativeTime, Strict, Text
from casebook.models.clinical import ExamFinding


def _plausible(low: float, high: float, *, what: str, unit: str, hint: str) -> AfterValidator:
    """A range check whose message names the value, its unit and the likely slip."""

    def check(value: float) -> float:
        if not low <= value <= high:
            raise ValueError(
                f"{what} {value:g} {unit} is outside the plausible range "
                f"{low:g}-{high:g} {unit}: {hint}"
            )
        return value

    return AfterValidator(check)


_CHECK = "check the value and that it is in"
Temperature = Annotated[
    float, _plausible(25, 45, what="temperature", unit="°C", hint=f"{_CHECK} °C, not °F")
]
Rate = Annotated[
    int, _plausible(10, 300, what="pulse", unit="/min", hint=f"{_CHECK} beats per minute")
]
Breaths = Annotated[
    int,
    _plausible(4, 100, what="respiratory rate", unit="/min", hint=f"{_CHECK} breaths per minute"),
]
Saturation = Annotated[float, _plausible(50, 100, what="SpO2", unit="%", hint=f"{_CHECK} per cent")]
Weight = Annotated[
    float, _plausible(0.3, 400, what="weight", unit="kg", hint=f"{_CHECK} kg, not pounds")
]
Height = Annotated[
    float, _plausible(20, 250, what="height", unit="cm", hint=f"{_CHECK} cm, not metres")
]
Bmi = Annotated[float, _plausible(5, 150, what="BMI", unit="kg/m²", hint="check the value")]


class BloodPressure(Strict):
    """Blood pressure in mmHg, e.g. {systolic: 128, diastolic: 84}."""

    systolic: Annotated[
        int, _plausible(40, 300, what="systolic pressure", unit="mmHg", hint=f"{_CHECK} mmHg")
    ]
    """Systolic pressure, mmHg."""
    diastolic: Annotated[
        int, _plausible(20, 200, what="diastolic pressure", unit="mmHg", hint=f"{_CHECK} mmHg")
    ]
    """Diastolic pressure, mmHg; lower than the systolic."""


class VitalSigns(Strict):
    """Vital signs and body measurements, each in the unit its field names."""

    when: RelativeTime | None = None
    """When they were taken, relative to day 0 of the case; leave out for presentation."""
    temperature: Temperature | None = None
    """Body temperature, °C."""
    pulse: Rate | None = None
    """Pulse (heart rate), beats per minute."""
    blood_pressure: BloodPressure | None = None
    """Blood pressure, mmHg."""
    respiratory_rate: Breaths | None = None
    """Respiratory rate, breaths per minute."""
    spo2: Saturation | None = None
    """Oxygen saturation by pulse oximetry (SpO2), %."""
    weight: Weight | None = None
    """Body weight, kg."""
    height: Height | None = None
    """Height (or length, for an infant), cm."""
    bmi: Bmi | None = None
    """Body-mass index, kg/m²; computed from weight and height when both are given, and then
    an error if it disagrees with them by more than rounding."""


BodySystem = Literal[
    "general",
    "skin",
    "head and neck",
    "eyes",
    "ears, nose and throat",
    "lymph nodes",
    "cardiovascular",
    "respiratory",
    "abdomen",
    "genitourinary",
    "musculoskeletal",
    "neurological",
    "psychiatric",
]


class SystemFinding(Strict):
    """What was found on examination of one body system."""

    system: BodySystem
    """The body system examined."""
    description: Text
    """The finding, in clinical language, e.g. vesicular breath sounds, no added sounds."""
    figures: list[FigureRef] = []
    """Figure or panel ids that show this finding."""


class Examination(Strict):
    """Examination findings in sections: vital signs, body systems, body sites."""

    vital_signs: VitalSigns | None = None
    """Vital signs and body measurements."""
    systems: list[SystemFinding] = []
    """Findings by body system, e.g. respiratory: clear chest."""
    sites: list[ExamFinding] = []
    """Findings by body site, as a plain examination list gives them."""


def _exam_form(value: object) -> str:
    return "sections" if isinstance(value, dict) else "list"


ExaminationField = Annotated[
    Annotated[list[ExamFinding], Tag("list")] | Annotated[Examination, Tag("sections")],
    Discriminator(_exam_form),
]
"""A list of findings by body site, or the sections of an Examination."""
