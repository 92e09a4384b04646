"""Phrases that the case page and the JATS article word alike, computed once for both."""

from __future__ import annotations

from casebook.models import Patient, TreatmentStep

_ADULT_NOUNS = {"male": "man", "female": "woman"}
_CHILD_NOUNS = {"male": "boy", "female": "girl"}


def patient_phrase(patient: Patient) -> str:
    """'A 20-year-old man': how the presentation introduces the patient. '90 or older' is an
    adult; intersex and unstated sex give 'patient' or 'child'."""
    adult = not isinstance(patient.age, int) or patient.age >= 18
    nouns = _ADULT_NOUNS if adult else _CHILD_NOUNS
    noun = nouns.get(patient.sex, "patient" if adult else "child")
    age = patient.age if isinstance(patient.age, str) else f"{patient.age}-year-old"
    return f"A {age} {noun}"


def regimen_phrase(step: TreatmentStep) -> str:
    """'baricitinib 4 mg oral, once daily': the drug with whatever of dose, route and frequency
    the case gives, as the treatment table's 'Drug and dose' column shows it."""
    text = step.drug
    if step.dose:
        text += f" {step.dose.value:g} {step.dose.unit}"
    if step.route:
        text += f" {step.route}"
    if step.frequency:
        text += f", {step.frequency}"
    return text
