"""The phrases the case page and the JATS article share, for every kind of patient and step."""

from __future__ import annotations

from typing import Any

import pytest
from casebook.article.phrases import patient_phrase, regimen_phrase
from casebook.models import Patient, TreatmentStep


@pytest.mark.parametrize(
    ("age", "sex", "phrase"),
    [
        (20, "male", "A 20-year-old man"),
        (19, "female", "A 19-year-old woman"),
        (17, "female", "A 17-year-old girl"),
        (5, "male", "A 5-year-old boy"),
        (7, "intersex", "A 7-year-old child"),
        (45, "not stated", "A 45-year-old patient"),
        ("90 or older", "female", "A woman aged 90 or older"),
        ("90 or older", "not stated", "A patient aged 90 or older"),
        (18, "male", "An 18-year-old man"),
        (8, "female", "An 8-year-old girl"),
        (11, "male", "An 11-year-old boy"),
        (80, "female", "An 80-year-old woman"),
        (89, "male", "An 89-year-old man"),
        (81, "not stated", "An 81-year-old patient"),
        (2, "female", "A 2-year-old girl"),
        ({"value": 9, "unit": "months"}, "female", "A 9-month-old girl"),
        ({"value": 1, "unit": "months"}, "male", "A 1-month-old boy"),
        ({"value": 11, "unit": "months"}, "not stated", "An 11-month-old infant"),
        ({"value": 18, "unit": "months"}, "intersex", "An 18-month-old child"),
        ({"value": 23, "unit": "months"}, "male", "A 23-month-old boy"),
        ({"value": 12, "unit": "days"}, "male", "A 12-day-old boy"),
        ({"value": 8, "unit": "days"}, "not stated", "An 8-day-old infant"),
        ({"value": 0, "unit": "days"}, "female", "A newborn girl"),
    ],
)
def test_patient_phrase(age: object, sex: str, phrase: str) -> None:
    assert patient_phrase(Patient.model_validate({"age": age, "sex": sex})) == phrase


def test_an_adult_is_18_or_older() -> None:
    assert patient_phrase(Patient(age=18, sex="male")).endswith("-year-old man")


@pytest.mark.parametrize(
    ("given", "phrase"),
    [
        ({}, "baricitinib"),
        ({"dose": {"value": 4, "unit": "mg"}}, "baricitinib 4 mg"),
        ({"dose": {"value": 0.5, "unit": "mg/kg"}, "route": "oral"}, "baricitinib 0.5 mg/kg oral"),
        (
            {"dose": {"value": 2, "unit": "mg"}, "route": "oral", "frequency": "once daily"},
            "baricitinib 2 mg oral, once daily",
        ),
        ({"frequency": "every other day"}, "baricitinib, every other day"),
    ],
)
def test_regimen_phrase_says_what_the_step_gives(given: dict[str, Any], phrase: str) -> None:
    step = TreatmentStep.model_validate({"drug": "baricitinib", "action": "start", **given})
    assert regimen_phrase(step) == phrase
