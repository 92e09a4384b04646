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
        ("90 or older", "female", "A 90 or older woman"),
    ],
)
def test_patient_phrase(age: int | str, sex: str, phrase: str) -> None:
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
