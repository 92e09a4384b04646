"""Vital signs as the page lists them, the computed BMI and its rounding tolerance."""

from __future__ import annotations

from typing import Any

import pytest
from casebook.clinical.vitals import check_vitals, computed_bmi, vital_rows
from casebook.models import VitalSigns


def vitals(**given: Any) -> VitalSigns:
    return VitalSigns.model_validate(given)


def test_bmi_is_computed_from_weight_and_height() -> None:
    assert computed_bmi(vitals(weight=82, height=175)) == 26.8
    assert computed_bmi(vitals(weight=82)) is None
    rows = vital_rows(vitals(weight=82, height=175))
    assert [(r.name, r.value) for r in rows] == [
        ("Weight", "82 kg"),
        ("Height", "175 cm"),
        ("Body-mass index", "26.8 kg/m² (computed)"),
    ]


@pytest.mark.parametrize("stated", [26.8, 27, 26.78])
def test_a_stated_bmi_may_differ_by_its_rounding(stated: float) -> None:
    # 82 / 1.75² = 26.776...
    assert check_vitals(vitals(weight=82, height=175, bmi=stated), ("v",)) == []


@pytest.mark.parametrize("stated", [26.7, 26, 28])
def test_a_stated_bmi_beyond_rounding_is_an_error(stated: float) -> None:
    [finding] = check_vitals(vitals(weight=82, height=175, bmi=stated), ("v",))
    assert finding.path == ("v", "bmi")


def test_every_measurement_has_its_unit() -> None:
    rows = vital_rows(
        vitals(
            temperature=38.6,
            pulse=104,
            blood_pressure={"systolic": 132, "diastolic": 84},
            respiratory_rate=20,
            spo2=96,
            bmi=31.2,
        )
    )
    assert [r.value for r in rows] == [
        "38.6 °C",
        "104/min",
        "132/84 mmHg",
        "20/min",
        "96 %",
        "31.2 kg/m²",
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("temperature", 24.9),
        ("temperature", 45.1),
        ("pulse", 9),
        ("respiratory_rate", 101),
        ("spo2", 100.5),
        ("weight", 0.2),
        ("height", 1.75),
    ],
)
def test_implausible_values_are_refused(field: str, value: float) -> None:
    with pytest.raises(ValueError, match="outside the plausible range"):
        vitals(**{field: value})
