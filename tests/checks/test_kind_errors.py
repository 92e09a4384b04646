"""Exact messages for the fields of other kinds of case report (adverse reactions, CARE item 5
history, examination beyond the skin, infant ages), each at its line and column; and the
de-identification check over every new free-text field."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from casebook.checks import check_case_text
from casebook.models import CaseFile, iter_strings
from casebook.source import load_yaml_file
from pydantic import ValidationError

from ..support.cases import line_of, replace_once
from ..support.kind_cases import (
    ADVERSE_REACTION,
    display,
    fixture_folder,
    fixture_messages,
    fixture_text,
)
from ..support.project import ROOT

F = display()


def _messages(tmp_path: Path, old: str, new: str) -> tuple[list[str], str]:
    text = replace_once(fixture_text(), old, new)
    return fixture_messages(tmp_path, text), text


def test_the_fixture_is_valid(tmp_path: Path) -> None:
    assert fixture_messages(tmp_path, fixture_text()) == []


def test_a_naranjo_answer_out_of_range_names_the_question(tmp_path: Path) -> None:
    messages, text = _messages(
        tmp_path, "toxic_concentration: don't know", "toxic_concentration: maybe"
    )
    line = line_of(text, "toxic_concentration: maybe")
    assert messages == [
        f"{F}:{line}:32: adverse_reaction.suspected_drugs[0].causality.naranjo."
        "toxic_concentration: 'maybe' is not an answer to Naranjo question 7 (Was the drug "
        "detected in the blood (or other fluids) in concentrations known to be toxic?): "
        "write yes, no or don't know"
    ]


def test_a_stated_naranjo_total_that_disagrees_names_both_numbers(tmp_path: Path) -> None:
    messages, text = _messages(tmp_path, "          total: 7", "          total: 9")
    line = line_of(text, "          total: 9")
    assert messages == [
        f"{F}:{line}:18: adverse_reaction.suspected_drugs[0].causality.naranjo.total: the "
        "stated Naranjo total 9 disagrees with the answers, which add up to 7 (correct the "
        "answer that differs from the source, or the total; leave total out to have it "
        "computed)"
    ]


def test_a_causality_needs_an_assessment(tmp_path: Path) -> None:
    messages, text = _messages(
        tmp_path, "      causality:\n        who_umc: unlikely\n", "      causality: {}\n"
    )
    line = line_of(text, "      causality: {}")
    assert messages == [
        f"{F}:{line}:18: adverse_reaction.suspected_drugs[1].causality: a causality "
        "assessment needs who_umc, naranjo or both"
    ]


def test_an_unknown_who_umc_category_suggests_one(tmp_path: Path) -> None:
    messages, text = _messages(tmp_path, "who_umc: unlikely", "who_umc: likely")
    line = line_of(text, "who_umc: likely")
    assert messages == [
        f"{F}:{line}:18: adverse_reaction.suspected_drugs[1].causality.who_umc: unknown value "
        "'likely' (did you mean 'unlikely'?)"
    ]


def test_a_suspected_drug_started_after_the_onset(tmp_path: Path) -> None:
    messages, text = _messages(tmp_path, "      start: week 1\n", "      start: week 4\n")
    line = line_of(text, "      start: week 4")
    assert messages == [
        f"{F}:{line}:14: adverse_reaction.suspected_drugs[1].start: furosemide was started at "
        "week 4, after the reaction began (week 3) (check both times; a drug started after "
        "the onset is concomitant, not suspected)"
    ]


def test_a_drug_start_is_a_relative_time_never_a_date(tmp_path: Path) -> None:
    messages, text = _messages(tmp_path, "      start: week 0\n", "      start: 2024-03-01\n")
    line = line_of(text, "      start: 2024-03-01")
    assert messages == [
        f"{F}:{line}:14: adverse_reaction.suspected_drugs[0].start: '2024-03-01' looks like "
        "a calendar date, and dates identify patients: write the time relative to the start "
        "of treatment, e.g. 'week -2' or 'month 3'"
    ]


def test_a_stated_bmi_that_disagrees_with_weight_and_height(tmp_path: Path) -> None:
    messages, text = _messages(tmp_path, "    bmi: 26.8", "    bmi: 24.1")
    line = line_of(text, "    bmi: 24.1")
    assert messages == [
        f"{F}:{line}:10: examination.vital_signs.bmi: BMI 24.1 disagrees with weight 82 kg "
        "and height 175 cm, which give 26.8 kg/m² (correct the weight, the height or the "
        "BMI; leave bmi out to have it computed)"
    ]


def test_an_implausible_temperature_names_its_unit(tmp_path: Path) -> None:
    messages, text = _messages(tmp_path, "temperature: 38.6", "temperature: 101.3")
    line = line_of(text, "temperature: 101.3")
    assert messages == [
        f"{F}:{line}:18: examination.vital_signs.temperature: temperature 101.3 °C is outside "
        "the plausible range 25-45 °C: check the value and that it is in °C, not °F"
    ]


def test_swapped_blood_pressures(tmp_path: Path) -> None:
    messages, text = _messages(
        tmp_path, "{systolic: 132, diastolic: 84}", "{systolic: 84, diastolic: 132}"
    )
    line = line_of(text, "{systolic: 84, diastolic: 132}")
    assert messages == [
        f"{F}:{line}:47: examination.vital_signs.blood_pressure.diastolic: diastolic pressure "
        "132 mmHg is not lower than systolic 84 mmHg (check whether the two are swapped)"
    ]


def test_an_unknown_body_system_suggests_one(tmp_path: Path) -> None:
    messages, text = _messages(tmp_path, "- system: lymph nodes", "- system: lymph")
    line = line_of(text, "- system: lymph\n")
    assert messages == [
        f"{F}:{line}:15: examination.systems[2].system: unknown value 'lymph' "
        "(did you mean 'lymph nodes'?)"
    ]


def test_a_misspelt_examination_section_suggests_the_section(tmp_path: Path) -> None:
    messages, text = _messages(tmp_path, "  vital_signs:", "  vitals:")
    line = line_of(text, "  vitals:")
    assert messages == [
        f"{F}:{line}:3: examination.vitals: unknown key 'vitals' (did you mean 'vital_signs'?)"
    ]


def test_ethnicity_needs_its_relevance(tmp_path: Path) -> None:
    relevance = fixture_text().split("    relevance: ", 1)[1].split("\n", 1)[0]
    messages, text = _messages(tmp_path, f"    relevance: {relevance}\n", "")
    line = line_of(text, "    group: Han Chinese")
    assert messages == [
        f"{F}:{line}:5: patient.ethnicity: ethnicity is published only where it bears on the "
        "case: add relevance saying why it matters, or remove ethnicity"
    ]


def test_pack_years_need_a_smoker(tmp_path: Path) -> None:
    messages, text = _messages(tmp_path, "    smoking: former", "    smoking: never")
    line = line_of(text, "    pack_years: 20")
    assert messages == [
        f"{F}:{line}:17: history.social_history.pack_years: pack-years are counted for a "
        "former or current smoker, and smoking is 'never': set smoking, or remove pack_years"
    ]


def test_a_comorbidity_code_is_checked_like_a_diagnosis_code(tmp_path: Path) -> None:
    messages, text = _messages(tmp_path, "code: N18.3", "code: N183")
    line = line_of(text, "code: N183")
    assert messages == [
        f"{F}:{line}:34: history.comorbidities[1].codes[0].code: 'N183' is not a valid "
        "ICD-10 code (write a letter, two characters and an optional dotted part, e.g. L40.3)"
    ]


AGES = [
    (
        "1",
        "a child under 2 is aged in months: write age: {value: N, unit: months} (a neonate, "
        "under 28 days: {value: N, unit: days})",
    ),
    ("{value: 30, unit: months}", "a child of 2 or more is aged in years: write age: 2"),
    (
        "{value: 40, unit: days}",
        "40 days is past the neonatal period: from 28 days write the age in months, "
        "age: {value: 1, unit: months}",
    ),
    (
        "{value: 0, unit: months}",
        "a child under a month old is aged in days: write age: {value: N, unit: days}",
    ),
    (
        "{value: 6, unit: weeks}",
        "an infant's age is {value: N, unit: months}, or {value: N, unit: days} under 28 "
        "days; from 2 years write whole years, e.g. age: 7",
    ),
    (
        "9 months",
        "age must be a whole number of years, '90 or older', or for a child under 2 "
        "{value: 9, unit: months} (a neonate: {value: 12, unit: days})",
    ),
    ("95", "ages over 89 identify patients: write age: '90 or older'"),
]


@pytest.mark.parametrize(("age", "message"), AGES, ids=[a for a, _ in AGES])
def test_an_age_in_the_wrong_unit_says_which(tmp_path: Path, age: str, message: str) -> None:
    messages, text = _messages(tmp_path, "  age: 58\n", f"  age: {age}\n")
    line = line_of(text, f"  age: {age}\n")
    assert messages == [f"{F}:{line}:8: patient.age: {message}"]


@pytest.mark.parametrize(
    "age", ["{value: 9, unit: months}", "{value: 12, unit: days}", "2", "'90 or older'"]
)
def test_ages_in_their_unit_are_accepted(tmp_path: Path, age: str) -> None:
    messages, _ = _messages(tmp_path, "  age: 58\n", f"  age: {age}\n")
    assert messages == []


# The free-text fields this kind of case adds: each must be checked for identifiers.
NEW_FREE_TEXT = [
    "patient.ethnicity.group",
    "patient.ethnicity.relevance",
    "history.comorbidities[].name",
    "history.comorbidities[].details",
    "history.comorbidities[].codes[].code",  # Text; its format is checked with the diagnoses'
    "history.medications[].drug",
    "history.medications[].frequency",
    "history.medications[].indication",
    "history.social_history.other[]",
    "history.allergies[].substance",
    "history.allergies[].reaction",
    "examination.systems[].description",
    "examination.sites[].site",
    "examination.sites[].description",
    "adverse_reaction.reaction",
    "adverse_reaction.description",
    "adverse_reaction.suspected_drugs[].drug",
    "adverse_reaction.suspected_drugs[].frequency",
    "adverse_reaction.suspected_drugs[].indication",
    "adverse_reaction.concomitant_drugs[].drug",
    "adverse_reaction.concomitant_drugs[].frequency",
    "adverse_reaction.concomitant_drugs[].indication",
    "adverse_reaction.reported_to",
]
_NEW_SECTIONS = ("adverse_reaction", "examination")
_NEW_HISTORY = ("comorbidities", "medications", "social_history", "allergies")


def _is_new(path: tuple[str | int, ...]) -> bool:
    return (
        path[0] in _NEW_SECTIONS
        or path[:2] == ("patient", "ethnicity")
        or (path[0] == "history" and path[1] in _NEW_HISTORY)
    )


def _pattern(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += "[]" if isinstance(part, int) else f".{part}" if out else str(part)
    return out


def _set(data: Any, path: tuple[str | int, ...], value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def test_every_new_free_text_field_is_checked_for_identifiers() -> None:
    data = load_yaml_file(
        fixture_folder("synthetic-adverse-reaction") / "case.yaml", display=F
    ).data
    case = CaseFile.model_validate(data)
    free_text: set[str] = set()
    for path, value in iter_strings(case):
        if not _is_new(path):
            continue
        variant = copy.deepcopy(data)
        _set(variant, path, f"{value} on 12 March 2023")
        try:
            changed = CaseFile.model_validate(variant)
        except ValidationError:
            continue  # a category, a time or an id: not free text
        free_text.add(_pattern(path))
        assert [f.path for f in check_case_text(changed)] == [path], path
    assert sorted(free_text) == sorted(NEW_FREE_TEXT)


# The sections whose examples these tests own; the guide's other examples have their own tests.
_GUIDE_SECTIONS = ("patient:", "history:", "examination:", "adverse_reaction:")


def _guide_examples() -> list[str]:
    guide = (ROOT / "docs" / "guide" / "kinds.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", guide, flags=re.DOTALL)
    return [b for b in blocks if b.startswith(_GUIDE_SECTIONS)]


@pytest.mark.parametrize("example", _guide_examples(), ids=lambda e: e.split(":", 1)[0])
def test_every_example_of_the_guide_to_kinds_is_a_valid_section(
    tmp_path: Path, example: str
) -> None:
    """Each example in docs/guide/kinds.md replaces its sections of the fixture, and the case
    still loads without a problem: the guide cannot drift from the model."""
    data = load_yaml_file(fixture_folder(ADVERSE_REACTION) / "case.yaml", display=F).data
    part = tmp_path / "example.yaml"
    part.write_text(example, encoding="utf-8")
    # Casebook's own loader: YAML 1.1 would read the answers yes and no as booleans.
    data.update(load_yaml_file(part, display="example").data)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    assert fixture_messages(tmp_path, text) == []
