"""Saving the form over case.yaml changes what changed and keeps comments, order and the rest."""

from __future__ import annotations

import copy
import difflib
from typing import Any

import pytest
from casebook.editor import MergeError, case_form, merge_case
from casebook.editor.form_text import form_text
from casebook.source import load_yaml_text

from ..support.project import ROOT

EXAMPLE = (ROOT / "case_data" / "ppp-ad-baricitinib" / "case.yaml").read_text(encoding="utf-8")
FORM = case_form()


def as_decap_sends(text: str) -> Any:
    """The file's data, as the form holds it after loading (Decap's YAML is 1.2 core)."""
    return copy.deepcopy(load_yaml_text(text, display="case.yaml").data)


def changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def test_saving_unchanged_values_rewrites_nothing() -> None:
    assert merge_case(EXAMPLE, as_decap_sends(EXAMPLE), FORM) == EXAMPLE


def test_a_changed_dose_is_the_only_changed_line() -> None:
    data = as_decap_sends(EXAMPLE)
    data["treatment"][2]["dose"]["value"] = 3
    assert changed_lines(EXAMPLE, merge_case(EXAMPLE, data, FORM)) == [
        "-    dose: {value: 2, unit: mg}",
        "+    dose: {value: 3, unit: mg}",
    ]


def test_decaps_empty_values_and_number_strings_change_nothing() -> None:
    data = as_decap_sends(EXAMPLE)
    data["treatment"][3]["route"] = ""
    data["treatment"][3]["dose"] = None
    data["figures"][0]["panels"][0]["kind"] = None
    data["figures"][1]["panels"][0]["placeholder"] = False
    data["affiliations"][0]["city"] = ""
    data["history"]["family_history"] = []
    data["patient"]["age"] = "20"
    data["investigations"][1]["value"] = "99"
    data["publication"]["date"] = "2026-11-26"
    assert merge_case(EXAMPLE, data, FORM) == EXAMPLE


def test_switches_left_at_their_default_do_not_fill_an_empty_section() -> None:
    """Decap sends an unfilled optional section with its switches set to their defaults."""
    data = as_decap_sends(EXAMPLE)
    data["publication"]["adapted_from"]["et_al"] = False
    assert merge_case(EXAMPLE, data, FORM) == EXAMPLE
    start, end = EXAMPLE.index("  adapted_from:\n"), EXAMPLE.index("  keywords:\n")
    without = EXAMPLE[:start] + EXAMPLE[end:]
    data = as_decap_sends(without)
    data["publication"]["adapted_from"] = {"et_al": False, "author": [], "title": ""}
    assert merge_case(without, data, FORM) == without


def test_a_new_key_goes_in_model_order() -> None:
    data = as_decap_sends(EXAMPLE)
    data["publication"]["doi"] = "10.1234/example"
    assert changed_lines(EXAMPLE, merge_case(EXAMPLE, data, FORM)) == ["+  doi: 10.1234/example"]
    merged = merge_case(EXAMPLE, data, FORM)
    assert "  language: en\n  doi: 10.1234/example\n  adapted_from:\n" in merged


def test_an_added_lab_comes_before_the_blank_line_that_ends_the_section() -> None:
    data = as_decap_sends(EXAMPLE)
    data["investigations"].append({"test": "CRP", "value": "5", "unit": "mg/L", "flag": ""})
    merged = merge_case(EXAMPLE, data, FORM)
    assert "    flag: high\n  - test: CRP\n    value: 5\n    unit: mg/L\n\nhistology:\n" in merged


def test_a_result_in_words_is_saved_as_words() -> None:
    data = as_decap_sends(EXAMPLE)
    data["investigations"][1]["value"] = "not detected"
    assert changed_lines(EXAMPLE, merge_case(EXAMPLE, data, FORM)) == [
        "-    value: 99",
        "+    value: not detected",
    ]


def test_comments_and_unknown_keys_stay() -> None:
    text = EXAMPLE.replace("patient:\n  age: 20\n", "patient:\n  age: 20  # at the first visit\n")
    text = text.replace("  sex: male\n", "  sex: male\n  x-reviewer-note: checked\n")
    data = as_decap_sends(text)
    data["patient"]["age"] = 21
    merged = merge_case(text, data, FORM)
    assert changed_lines(text, merged) == [
        "-  age: 20  # at the first visit",
        "+  age: 21  # at the first visit",
    ]
    assert "# Example case. Facts come from a published letter" in merged


def test_a_cleared_field_is_removed() -> None:
    data = as_decap_sends(EXAMPLE)
    data["care_notes"]["patient_perspective"] = ""
    assert changed_lines(EXAMPLE, merge_case(EXAMPLE, data, FORM)) == [
        "-  patient_perspective: The source letter does not report the patient's perspective."
    ]


def test_long_new_text_is_folded_and_reads_back_the_same() -> None:
    data = as_decap_sends(EXAMPLE)
    summary = "word " * 40 + "end"
    data["outcome"]["summary"] = summary
    merged = merge_case(EXAMPLE, data, FORM)
    assert load_yaml_text(merged, display="x").data["outcome"]["summary"] == summary
    assert max(len(line) for line in merged.split("summary: >-\n")[1].splitlines()[:2]) <= 100


def test_text_that_yaml_would_read_as_something_else_is_quoted() -> None:
    data = as_decap_sends(EXAMPLE)
    data["references"][0]["volume"] = "007"
    data["examination"][0]["description"] = "no"
    merged = merge_case(EXAMPLE, data, FORM)
    read = load_yaml_text(merged, display="x").data
    assert read["references"][0]["volume"] == "007"
    assert read["examination"][0]["description"] == "no"


def test_a_new_case_is_written_in_model_order_with_the_schema_comment() -> None:
    data = {
        "consent": {"basis": "patient written consent", "scope": ["text"], "statement": "Given."},
        "patient": {"sex": "female", "age": "40"},
        "schema_version": 1,
        "authors": [{"family": "Example", "given": "", "corresponding": False}],
    }
    assert merge_case(None, data, FORM) == (
        "# yaml-language-server: $schema=../../schema/case.schema.json\n"
        "schema_version: 1\n"
        "\n"
        "authors:\n"
        "  - family: Example\n"
        "\n"
        "patient:\n"
        "  age: 40\n"
        "  sex: female\n"
        "\n"
        "consent:\n"
        "  basis: patient written consent\n"
        "  scope:\n"
        "    - text\n"
        "  statement: Given.\n"
    )


def test_a_value_that_would_not_read_back_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("casebook.editor.merge._new_node", lambda value, field, like=None: "x")
    data = as_decap_sends(EXAMPLE)
    data["patient"]["age"] = 30
    with pytest.raises(
        MergeError, match=r"^saving would change what the file says at patient.age$"
    ):
        merge_case(EXAMPLE, data, FORM)


def test_a_field_of_several_shapes_round_trips_through_its_yaml_text() -> None:
    shown = load_yaml_text(form_text(EXAMPLE, FORM), display="x").data
    assert shown["patient"]["age"] == "20"
    assert shown["examination"].startswith("- site: Face\n  description: Scattered swollen")
    assert merge_case(EXAMPLE, shown, FORM) == EXAMPLE
    shown["patient"]["age"] = "{value: 9, unit: months}"
    assert changed_lines(EXAMPLE, merge_case(EXAMPLE, shown, FORM)) == [
        "-  age: 20",
        "+  age:",
        "+    value: 9",
        "+    unit: months",
    ]


def test_yaml_text_that_does_not_read_is_refused() -> None:
    data = as_decap_sends(EXAMPLE)
    data["patient"]["age"] = "{value: 9"
    with pytest.raises(MergeError, match=r"^Age: not readable as YAML: "):
        merge_case(EXAMPLE, data, FORM)
