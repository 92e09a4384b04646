"""Format checks for diagnosis codes: ICD-10, ICD-11, SNOMED CT concept ids and MeSH ids.

Only the form is checked: whether a code exists needs the classification itself, which the
build does not download.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from casebook.findings import Finding
from casebook.models import DiagnosisCode, PatientRecord
from casebook.positions import Path_

_ICD10 = re.compile(r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")
# ICD-11 avoids the letters I and O; a stem code is chapter, letter, digit, character, then an
# optional dotted part; clusters join stem and extension codes (X...) with & or /.
_C = "[0-9A-HJ-NP-Z]"
_L = "[A-HJ-NP-Z]"
_ICD11_STEM = rf"{_C}{_L}[0-9]{_C}(?:\.{_C}{{1,2}})?"
_ICD11 = re.compile(rf"^{_ICD11_STEM}(?:[&/](?:{_ICD11_STEM}|X{_C}{{2,5}}))*$")
_MESH = re.compile(r"^[DC]\d{6}(\d{3})?$")
_MESH_TREE = re.compile(r"^[A-Z]\d{2}(\.\d{3})+$")
_SNOMED = re.compile(r"^[1-9]\d{5,17}$")

_EXAMPLES = {
    "ICD-10": "a letter, two characters and an optional dotted part, e.g. L40.3",
    "ICD-11": "a code like EA80 or EA90.0, clusters joined with & or /",
    "SNOMED CT": "the concept id, 6 to 18 digits, e.g. 24079001",
    "MeSH": "the descriptor's unique id, e.g. D003876",
}

# Verhoeff's dihedral-group check digit, as SNOMED CT identifiers use it.
_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]


def verhoeff_valid(digits: str) -> bool:
    check = 0
    for position, digit in enumerate(reversed(digits)):
        check = _D[check][_P[position % 8][int(digit)]]
    return check == 0


def code_problem(code: DiagnosisCode) -> tuple[str, str] | None:
    """(message, hint) when `code` is not in its system's form, else None."""
    text, system = code.code, code.system
    wrong = f"'{text}' is not a valid {system} code"
    if system == "ICD-10" and not _ICD10.match(text):
        return wrong, f"write {_EXAMPLES[system]}"
    if system == "ICD-11" and not _ICD11.match(text):
        return wrong, f"write {_EXAMPLES[system]}"
    if system == "MeSH" and not _MESH.match(text):
        if _MESH_TREE.match(text):
            return f"'{text}' is a MeSH tree number", f"write {_EXAMPLES[system]}"
        return wrong, f"write {_EXAMPLES[system]}"
    if system == "SNOMED CT":
        if not _SNOMED.match(text):
            return wrong, f"write {_EXAMPLES[system]}"
        if text[-3:-1] not in ("00", "10"):
            return (
                f"'{text}' is a SNOMED CT description or relationship id, not a concept id",
                "copy the concept id (its second- and third-last digits are 00 or 10)",
            )
        if not verhoeff_valid(text):
            return (
                f"'{text}' is not a valid SNOMED CT id: its check digit is wrong",
                "copy the concept id again from a SNOMED CT browser",
            )
    return None


def _codes(record: PatientRecord) -> Iterator[tuple[Path_, DiagnosisCode]]:
    for i, item in enumerate(record.diagnosis.final):
        for j, code in enumerate(item.codes):
            yield ("diagnosis", "final", i, "codes", j, "code"), code
    for i, differential in enumerate(record.diagnosis.differentials):
        for j, code in enumerate(differential.codes):
            yield ("diagnosis", "differentials", i, "codes", j, "code"), code
    for i, comorbidity in enumerate(record.history.comorbidities):
        for j, code in enumerate(comorbidity.codes):
            yield ("history", "comorbidities", i, "codes", j, "code"), code


def check_codes(record: PatientRecord) -> list[Finding]:
    findings = []
    for path, code in _codes(record):
        problem = code_problem(code)
        if problem:
            findings.append(Finding(path, *problem))
    return findings
