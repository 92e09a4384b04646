"""Findings by field path, and the one conversion that gives them lines and columns."""

from __future__ import annotations

from casebook.findings import Finding, to_diagnostics
from casebook.source.yaml_loader import load_yaml_text

TEXT = """\
patient:
  sex: mal
  notes: >-
    first line of the text,
    then <script> on the next
"""


def formatted(*findings: Finding, positions: bool = True) -> list[str]:
    loaded = load_yaml_text(TEXT, display="c.yaml")
    return [
        d.format()
        for d in to_diagnostics(
            findings,
            display="c.yaml",
            positions=loaded.positions if positions else None,
            source=loaded.source,
        )
    ]


def test_a_finding_stands_at_its_value_or_its_key() -> None:
    assert formatted(
        Finding(("patient", "sex"), "unknown value 'mal'", "did you mean 'male'?"),
        Finding(("patient", "sex"), "unknown key 'sex'", at_key=True),
        Finding(("patient", "age"), "missing required field 'age'", severity="warning"),
    ) == [
        "c.yaml:2:8: patient.sex: unknown value 'mal' (did you mean 'male'?)",
        "c.yaml:2:3: patient.sex: unknown key 'sex'",
        "c.yaml:2:3: warning: patient.age: missing required field 'age'",
    ]


def test_an_excerpt_places_a_problem_inside_a_long_text() -> None:
    text = "first line of the text, then <script> on the next"
    found = Finding(("patient", "notes"), "HTML is not allowed", excerpt=text[29:])
    assert formatted(found) == ["c.yaml:5:10: patient.notes: HTML is not allowed"]


def test_a_finding_about_a_value_is_placed_under_the_value_path() -> None:
    found = Finding((), "figure file 'x.png' does not exist").under(("figures", 0, "file"))
    assert found.path == ("figures", 0, "file")


def test_without_positions_a_diagnostic_names_no_line() -> None:
    found = Finding(("patient", "sex"), "unknown value 'mal'")
    assert formatted(found, positions=False) == ["c.yaml: patient.sex: unknown value 'mal'"]
