"""One patient's record: a single case at the top level, or a series under patients, never both;
the CARE timeline never takes a date; patients are referred to by id."""

from __future__ import annotations

import shutil
from pathlib import Path

from casebook.load import load_case

from ..support.cases import example_text, line_of, replace_once, variant_messages
from ..support.project import ROOT
from .test_studies import F, with_block

SERIES = ROOT / "tests" / "fixtures" / "synthetic-case-series"
S = "case_data/synthetic-case-series/case.yaml"


def series_text() -> str:
    return (SERIES / "case.yaml").read_text(encoding="utf-8")


def series_messages(tmp_path: Path, text: str) -> list[str]:
    folder = tmp_path / "case_data" / SERIES.name
    shutil.copytree(SERIES / "figures", folder / "figures")
    (folder / "case.yaml").write_text(text, encoding="utf-8")
    article, diagnostics = load_case(folder, project_root=tmp_path)
    assert article is None or not diagnostics
    return [d.format() for d in diagnostics]


def test_a_series_with_a_patient_part_at_the_top_level_is_refused(tmp_path: Path) -> None:
    text = replace_once(
        series_text(),
        "\nconsent:\n",
        "\nexamination:\n  - {site: Arm, description: Red}\n\nconsent:\n",
    )
    line = line_of(text, "  - {site: Arm, description: Red}")
    assert series_messages(tmp_path, text) == [
        f"{S}:{line}:3: examination: 'examination' belongs to each patient of a case series: "
        "move it under its patient in patients, or remove patients for a single case"
    ]


def test_a_series_of_one_is_a_single_case(tmp_path: Path) -> None:
    text = series_text()
    text = text[: text.index("  - id: patient-2\n")] + text[text.index("\nconsent:\n") :]
    text = text.replace(" @patient-3 needed a\n  second drug.", " none needed a second drug.")
    text = text.replace(
        "@patient-3 differed from @patient-1 and @patient-2 in", "the patient had no"
    )
    line = line_of(text, "  - id: patient-1")
    assert series_messages(tmp_path, text) == [
        f"{S}:{line}:3: patients: a case series needs two or more patients: for one patient, "
        "write patient, history and the rest at the top level"
    ]


def test_a_case_without_a_patient_or_patients_is_told_what_is_missing(tmp_path: Path) -> None:
    text = replace_once(example_text(), "patient:\n  age: 20\n  sex: male\n", "")
    assert variant_messages(tmp_path, text) == [
        f"{F}:5:1: patient: missing required field 'patient' (add 'patient:' here)"
    ]


def test_form_errors_come_with_every_other_schema_error(tmp_path: Path) -> None:
    text = replace_once(series_text(), "      sex: male\n", "      sex: mal\n")
    text = replace_once(text, "\nconsent:\n", "\noutcome:\n  summary: Clear.\n\nconsent:\n")
    sex, outcome = line_of(text, "      sex: mal"), line_of(text, "  summary: Clear.")
    assert series_messages(tmp_path, text) == [
        f"{S}:{outcome}:3: outcome: 'outcome' belongs to each patient of a case series: move "
        "it under its patient in patients, or remove patients for a single case",
        f"{S}:{sex}:12: patients[1].patient.sex: unknown value 'mal' (did you mean 'male'?)",
    ]


def test_a_timeline_event_refuses_a_calendar_date(tmp_path: Path) -> None:
    text = with_block("timeline:\n  - when: 2024-03-01\n    event: First pustules\n")
    line = line_of(text, "when: 2024-03-01")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:11: timeline[0].when: '2024-03-01' looks like a calendar date, and dates "
        "identify patients: write the time relative to the start of treatment, e.g. 'week -2' "
        "or 'month 3'"
    ]


def test_a_timeline_event_needs_a_unit_and_a_number(tmp_path: Path) -> None:
    text = with_block("timeline:\n  - when: two weeks before\n    event: First pustules\n")
    line = line_of(text, "when: two weeks before")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:11: timeline[0].when: 'two weeks before' is not a relative time: write a "
        "unit and a number counted from the start of treatment, e.g. 'day 3', 'week -2' or "
        "'month 6'"
    ]


def test_a_single_case_cannot_refer_to_a_patient_of_a_series(tmp_path: Path) -> None:
    text = with_block("timeline:\n  - when: week -2\n    event: As in @patient-2\n")
    line = line_of(text, "event: As in @patient-2")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:12: timeline[0].event: '@patient-2' refers to a patient of a case series, "
        "and this case has one patient (write 'the patient', or list the patients under "
        "patients)"
    ]


def test_an_unknown_patient_is_named_with_the_closest_id(tmp_path: Path) -> None:
    text = replace_once(series_text(), "Clear by week 6, like @patient-1.", "Like @patient-4.")
    line = line_of(text, "Like @patient-4.")
    assert series_messages(tmp_path, text) == [
        f"{S}:{line}:16: patients[1].outcome.summary: patient 'patient-4' is mentioned but not "
        "defined (did you mean 'patient-3'?)"
    ]


def test_two_patients_with_one_id_are_refused(tmp_path: Path) -> None:
    text = replace_once(series_text(), "  - id: patient-2\n", "  - id: patient-1\n")
    text = text.replace("@patient-2", "@patient-1")
    line = line_of(text, "    patient:\n      age: 61")
    assert series_messages(tmp_path, text) == [
        f"{S}:{line - 1}:9: patients[1].id: duplicate patient id 'patient-1' (give each one its "
        "own id)"
    ]


def test_a_clinical_error_of_one_patient_is_placed_in_that_patient(tmp_path: Path) -> None:
    text = replace_once(
        series_text(),
        "        start: week 2\n        duration: 8 weeks\n",
        "        start: week 2\n        duration: 8 weeks\n"
        "      - drug: ciclosporin\n        action: stop\n        start: week 1\n",
    )
    line = line_of(text, "        start: week 1\n")
    assert series_messages(tmp_path, text) == [
        f"{S}:{line}:16: patients[2].treatment[2].start: this ciclosporin step stops the drug "
        "at week 1, before the previous ciclosporin step (treatment[1]) began at week 2 "
        "(correct one of the two times, or write 'start: not stated' if the source does not "
        "say when the drug was stopped)"
    ]


def test_a_patient_key_with_nothing_after_it_is_refused(tmp_path: Path) -> None:
    text = replace_once(example_text(), "patient:\n  age: 20\n  sex: male\n", "patient:\n")
    line = line_of(text, "patient:\n")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:9: patient: expected a mapping of keys, got nothing (write 'key: value' lines)"
    ]
