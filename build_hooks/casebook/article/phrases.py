"""Phrases that the case page and the JATS article word alike, computed once for both."""

from __future__ import annotations

from typing import Protocol

from casebook.models import AgeInUnits, Dose, ImagingStudy, Outcome, Patient, parse_duration

_ADULT_NOUNS = {"male": "man", "female": "woman"}
_CHILD_NOUNS = {"male": "boy", "female": "girl"}
_UNIT_SINGULAR = {"days": "day", "months": "month"}


class Dosed(Protocol):
    """A treatment step, a medication or a drug of an adverse reaction."""

    @property
    def drug(self) -> str: ...
    @property
    def dose(self) -> Dose | None: ...
    @property
    def route(self) -> str | None: ...
    @property
    def frequency(self) -> str | None: ...


def indefinite_article(number: int) -> str:
    """'An' before the ages said with a vowel first: 8, 11, 18 and 80-89 ('an eighty-...');
    an age is below 90, so no larger number needs a rule."""
    return "An" if str(number).startswith("8") or number in (11, 18) else "A"


def patient_phrase(patient: Patient) -> str:
    """'A 20-year-old man', 'An 18-year-old woman', 'A 9-month-old girl', 'A man aged 90 or
    older': how the presentation introduces the patient. Intersex and unstated sex give
    'patient', 'child' or, under a year, 'infant'."""
    age = patient.age
    if isinstance(age, str):
        return f"A {_ADULT_NOUNS.get(patient.sex, 'patient')} aged {age}"
    if isinstance(age, AgeInUnits):
        number, unit = age.value, _UNIT_SINGULAR[age.unit]
        infant = age.unit == "days" or age.value < 12
        noun = _CHILD_NOUNS.get(patient.sex, "infant" if infant else "child")
        if age.unit == "days" and age.value == 0:
            return f"A newborn {noun}"
    else:
        number, unit = age, "year"
        nouns = _ADULT_NOUNS if age >= 18 else _CHILD_NOUNS
        noun = nouns.get(patient.sex, "patient" if age >= 18 else "child")
    return f"{indefinite_article(number)} {number}-{unit}-old {noun}"


def dosing_phrase(given: Dosed) -> str:
    """'4 mg oral, once daily': whatever of dose, route and frequency the case gives."""
    parts = []
    if given.dose:
        parts.append(f"{given.dose.value:g} {given.dose.unit}")
    if given.route:
        parts.append(given.route)
    text = " ".join(parts)
    if given.frequency:
        text = f"{text}, {given.frequency}" if text else given.frequency
    return text


def regimen_phrase(given: Dosed) -> str:
    """'baricitinib 4 mg oral, once daily': the drug with whatever of dose, route and frequency
    the case gives, as the treatment table's 'Drug and dose' column shows it."""
    dosing = dosing_phrase(given)
    if not dosing:
        return given.drug
    separator = ", " if dosing == given.frequency else " "
    return f"{given.drug}{separator}{dosing}"


def study_phrase(study: ImagingStudy) -> str:
    """'Ultrasound, left inguinal lymph nodes': the study as a run-in heading names it."""
    text = f"{study.modality}, {study.site}" if study.site else study.modality
    return text[:1].upper() + text[1:]


def outcome_time_phrases(outcome: Outcome) -> list[str]:
    """'Outcome assessed 8 weeks after starting ustekinumab.' and 'Follow-up after the last
    change of treatment: 2 months.': the sentences under the outcome, whichever the case gives."""
    out = []
    if outcome.time_point is not None:
        since = outcome.time_point.since
        start = f"starting {since}" if since else "the start of treatment"
        after = parse_duration(outcome.time_point.after).text()
        out.append(f"Outcome assessed {after} after {start}.")
    if outcome.follow_up is not None:
        length = parse_duration(outcome.follow_up).text()
        out.append(f"Follow-up after the last change of treatment: {length}.")
    return out
