"""Exact messages for schema errors: they are the author's interface."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from casebook.checks.key_synonyms import normal_key, table
from casebook.checks.schema_errors import model_at
from casebook.load import load_case
from casebook.models import CaseFile, PatientRecord
from pydantic import BaseModel

from ..support.cases import example_text, line_of, replace_once, variant_messages
from ..support.project import ROOT

F = "case_data/ppp-ad-baricitinib/case.yaml"


def test_example_is_valid(tmp_path: Path) -> None:
    assert variant_messages(tmp_path, example_text()) == []


def test_misspelt_key_suggests_the_right_one(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        "    route: oral\n    frequency: once daily\n    start:",
        "    rout: oral\n    frequency: once daily\n    start:",
    )
    line = line_of(text, "    rout: oral")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:5: treatment[0].rout: unknown key 'rout' (did you mean 'route'?)"
    ]


def test_unknown_key_lists_the_known_keys_when_few(tmp_path: Path) -> None:
    text = replace_once(example_text(), "  age: 20\n", "  age: 20\n  colour: pale\n")
    line = line_of(text, "  colour: pale")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:3: patient.colour: unknown key 'colour' (known keys here: age, sex, ethnicity)"
    ]


def test_unknown_key_among_many_points_at_the_field_reference(tmp_path: Path) -> None:
    text = replace_once(example_text(), "    response: Skin lesions cleared\n", "    notes: x\n")
    line = line_of(text, "    notes: x")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:5: treatment[0].notes: unknown key 'notes' (there are 10 keys here: "
        "docs/guide/fields.md lists them under 'TreatmentStep')"
    ]


def test_unknown_top_level_key_points_at_the_top_of_the_field_reference(tmp_path: Path) -> None:
    text = replace_once(example_text(), "schema_version: 1\n", "schema_version: 1\nwhatever: 1\n")
    line = line_of(text, "whatever: 1")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:1: whatever: unknown key 'whatever' (there are 32 keys here: "
        "docs/guide/fields.md lists them under 'case.yaml (top level)')"
    ]


def test_a_word_that_only_shares_letters_is_no_close_spelling(tmp_path: Path) -> None:
    # 'indication' is as near to 'duration' as difflib's default cut-off allows; its fact
    # belongs in 'reason'.
    text = replace_once(
        example_text(), "    response: Skin lesions cleared\n", "    indication: AD\n"
    )
    line = line_of(text, "    indication: AD")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:5: treatment[0].indication: unknown key 'indication' (there is no field "
        "for indication here; write it in treatment[0].reason)"
    ]


def test_a_clinical_synonym_names_the_field_of_the_patient_record(tmp_path: Path) -> None:
    text = replace_once(example_text(), "\nhistory:\n", "\nhistory:\n  ethnicity: Asian\n")
    line = line_of(text, "  ethnicity: Asian")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:3: history.ethnicity: unknown key 'ethnicity' (there is no field for "
        "ethnicity here; write it in patient.ethnicity, with why it bears on the case under "
        "relevance)"
    ]


def test_a_range_goes_into_both_limits(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        "    flag: high\n  - test: Total",
        "    normal range: 0-0.5\n  - test: Total",
    )
    line = line_of(text, "    normal range: 0-0.5")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:5: investigations[0].normal range: unknown key 'normal range' (there is no "
        "field for normal range here; write it in investigations[0].reference_low and "
        "investigations[0].reference_high)"
    ]


def test_an_identifying_key_is_to_be_removed(tmp_path: Path) -> None:
    text = replace_once(example_text(), "  age: 20\n", "  age: 20\n  name: J. Smith\n")
    line = line_of(text, "  name: J. Smith")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:3: patient.name: unknown key 'name' (it identifies the patient: remove it "
        "(a case holds de-identified facts))"
    ]


def test_in_a_series_the_synonym_names_the_same_patients_field(tmp_path: Path) -> None:
    fixture = ROOT / "tests" / "fixtures" / "synthetic-case-series"
    folder = tmp_path / "case_data" / fixture.name
    shutil.copytree(fixture, folder)
    case = folder / "case.yaml"
    text = replace_once(
        case.read_text(encoding="utf-8"),
        "      sex: female\n    history:\n",
        "      sex: female\n      gender: woman\n    history:\n",
    )
    case.write_text(text, encoding="utf-8")
    _, diagnostics = load_case(folder, project_root=tmp_path)
    line = line_of(text, "gender: woman")
    assert [d.format() for d in diagnostics] == [
        f"case_data/{fixture.name}/case.yaml:{line}:7: patients[0].patient.gender: unknown key "
        "'gender' (there is no field for gender here; write it in patients[0].patient.sex)"
    ]


def test_every_synonym_points_at_a_real_field() -> None:
    for model_name, entries in table().items():
        for key, advice in entries.items():
            assert normal_key(key) == key
            for target in advice.targets:
                assert _resolves(model_name, target), (model_name, key, target)


def _resolves(model_name: str, target: str) -> bool:
    """Whether `target` is a field of `model_name` (siblings) or of a patient's record."""
    parts = tuple(p for p in re.split(r"\.|\[\]", target) if p)
    roots = [m for m in _all_models() if m.__name__ == model_name] + [PatientRecord]
    return any(_field_path(root, parts) for root in roots)


def _field_path(model: type[BaseModel] | None, parts: tuple[str, ...]) -> bool:
    if not parts:
        return True
    if model is None or parts[0] not in model.model_fields:
        return False
    # A field may hold a list of items or a mapping (examination): either may hold the rest.
    return any(_field_path(model_at(model, p), parts[1:]) for p in ((parts[0], 0), (parts[0],)))


def _all_models() -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    stack: list[type[BaseModel]] = [CaseFile]
    while stack:
        model = stack.pop()
        if model in found:
            continue
        found.append(model)
        for name in model.model_fields:
            for path in ((name, 0), (name,)):
                inner = model_at(model, path)
                if inner is not None:
                    stack.append(inner)
    return found


def test_missing_field_points_at_the_parent(tmp_path: Path) -> None:
    text = replace_once(example_text(), "  sex: male\n", "")
    line = line_of(text, "patient:\n") + 1
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:3: patient.sex: missing required field 'sex' (add 'sex:' here)"
    ]


def test_unknown_value_suggests_the_closest(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        "    route: oral\n    frequency: once daily\n    start:",
        "    route: orall\n    frequency: once daily\n    start:",
    )
    line = line_of(text, "orall")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:12: treatment[0].route: unknown value 'orall' (did you mean 'oral'?)"
    ]


def test_negative_dose(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        "    action: start\n    dose: {value: 4, unit: mg}",
        "    action: start\n    dose: {value: -4, unit: mg}",
    )
    line = line_of(text, "value: -4")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:19: treatment[0].dose.value: -4 is out of range: "
        "input should be greater than 0"
    ]


def test_age_over_89(tmp_path: Path) -> None:
    text = replace_once(example_text(), "  age: 20\n", "  age: 93\n")
    line = line_of(text, "age: 93")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:8: patient.age: ages over 89 identify patients: write age: '90 or older'"
    ]


def test_duration_form(tmp_path: Path) -> None:
    text = replace_once(example_text(), "      duration: 5 years\n", "      duration: five years\n")
    line = line_of(text, "five years")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:17: history.presenting_complaints[0].duration: 'five years' is not in the "
        "expected form (write a number and a unit, e.g. '4 weeks', '3 months' or "
        "'about 2 months')"
    ]


def test_yes_no_stays_text_and_fails_as_a_wrong_value(tmp_path: Path) -> None:
    text = replace_once(example_text(), "  sex: male\n", "  sex: no\n")
    line = line_of(text, "sex: no")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:8: patient.sex: unknown value 'no' (use one of: female, male, intersex, "
        "not stated)"
    ]


def test_every_error_in_one_run(tmp_path: Path) -> None:
    text = replace_once(example_text(), "  sex: male\n", "  sex: mael\n")
    text = replace_once(
        text, "  licence: CC-BY-NC-SA-4.0\n", "  licence: CC-BY-NC-SA-4.0\n  x: 1\n"
    )
    assert len(variant_messages(tmp_path, text)) == 2


def test_wrong_type(tmp_path: Path) -> None:
    # A lab value may be words ('not detected'); a magnification is a number only.
    text = replace_once(example_text(), "    magnification: 40\n", "    magnification: high\n")
    line = line_of(text, "magnification: high")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:20: histology[0].magnification: expected a number, got 'high' "
        "(write the number without units)"
    ]


def test_missing_unit(tmp_path: Path) -> None:
    # Only a number needs a unit (a result in words has none), so the model says it.
    text = replace_once(example_text(), "    unit: kU/L\n", "")
    line = line_of(text, "  - test: Total IgE")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:5: investigations[1]: the result 99 needs its unit: add unit, e.g. g/L or "
        "×10^9/L"
    ]


def test_sexagesimal_number_stays_text_and_is_refused(tmp_path: Path) -> None:
    # YAML 1.1 reads 1:30 as 90; we keep what the author typed and say it is not a number.
    # (A lab value of 1:30 is a titre, which a result in words may be.)
    text = replace_once(example_text(), "    magnification: 40\n", "    magnification: 1:30\n")
    line = line_of(text, "magnification: 1:30")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:20: histology[0].magnification: expected a number, got '1:30' "
        "(write the number without units)"
    ]


def test_date_must_be_a_full_date(tmp_path: Path) -> None:
    text = replace_once(example_text(), "  date: 2026-11-26\n", "  date: November 2026\n")
    line = line_of(text, "date: November 2026")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:9: publication.date: expected a date, got 'November 2026' "
        "(write the date as YYYY-MM-DD)"
    ]


LINE_BREAK = (
    "line break in a one-line field (write it on one line; only Markdown fields such as "
    "abstract, discussion and outcome.summary may span lines)"
)
# One-line fields of every section: a line break in any would become page structure.
ONE_LINE_FIELDS = [
    (
        "  title: Palmoplantar pustulosis with atopic dermatitis responding to baricitinib\n",
        '  title: "Palmoplantar pustulosis\\n\\n# Heading"\n',
        "publication.title",
    ),
    (
        "    - description: Itchy redness spread over much of the body\n",
        '    - description: "x\\n\\n# Heading"\n',
        "history.presenting_complaints[0].description",
    ),
    ("    - baricitinib\n", '    - "baricitinib\\n# Heading"\n', "publication.keywords[2]"),
    (
        "  - collective: Casebook example editors\n",
        '  - collective: "Casebook\\n# Heading"\n',
        "authors[0].collective",
    ),
    (
        "    title: Similarity and difference between palmoplantar pustulosis and pustular"
        " psoriasis\n",
        '    title: "Similarity\\n# Heading"\n',
        "references[0].title",
    ),
    (
        "        legend: The truncal lesions have resolved.\n",
        '        legend: "The truncal lesions\\n# Heading"\n',
        "figures[2].panels[0].legend",
    ),
]


def _at_heading(text: str) -> tuple[int, int]:
    line = line_of(text, "# Heading")
    return line, text.split("\n")[line - 1].index("# Heading") + 1


def test_a_line_break_in_a_one_line_field_is_an_error_where_the_new_line_starts(
    tmp_path: Path,
) -> None:
    for index, (old, new, field) in enumerate(ONE_LINE_FIELDS):
        text = replace_once(example_text(), old, new)
        line, column = _at_heading(text)
        assert variant_messages(tmp_path / str(index), text) == [
            f"{F}:{line}:{column}: {field}: {LINE_BREAK}"
        ]


def test_a_literal_block_in_a_one_line_field_points_at_its_second_line(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        "  title: Palmoplantar pustulosis with atopic dermatitis responding to baricitinib\n",
        "  title: |-\n    Palmoplantar pustulosis\n    <h1>x</h1>\n",
    )
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, '    <h1>x</h1>')}:5: publication.title: {LINE_BREAK}"
    ]


def test_a_markdown_field_may_span_lines(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        "  summary: >-\n    The skin stayed clear",
        "  summary: |-\n    First paragraph.\n\n    The skin stayed clear",
    )
    assert variant_messages(tmp_path, text) == []


def test_an_escape_code_in_a_value_is_shown_escaped(tmp_path: Path) -> None:
    text = replace_once(example_text(), "    action: start\n", '    action: "\\e[2J\\e[HOK"\n')
    line = line_of(text, '    action: "')
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:13: treatment[0].action: unknown value '\\x1b[2J\\x1b[HOK' (use one of:"
        " start, continue, taper, increase, interrupt, resume, stop)"
    ]
