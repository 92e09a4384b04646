"""Diagnosis codes: the form of each system's codes, and the SNOMED CT check digit."""

from __future__ import annotations

from pathlib import Path

import pytest
from casebook.clinical.diagnosis_codes import code_problem, verhoeff_valid
from casebook.models.coding import CodeSystem, DiagnosisCode
from casebook.models.settings import SiteSettings
from casebook.render.pages import render_case_page

from ..support.cases import example_article, example_text, line_of, replace_once, variant_messages

F = "case_data/ppp-ad-baricitinib/case.yaml"


@pytest.mark.parametrize(
    ("system", "code"),
    [
        ("ICD-10", "L40.3"),
        ("ICD-10", "L20"),
        ("ICD-10", "S72.001A"),
        ("ICD-11", "EA80"),
        ("ICD-11", "EA90.0"),
        ("ICD-11", "1A00"),
        ("ICD-11", "EA80&XK8G"),
        ("SNOMED CT", "24079001"),
        ("SNOMED CT", "189914005"),
        ("MeSH", "D003876"),
        ("MeSH", "D000086382"),
        ("MeSH", "C000656484"),
    ],
)
def test_valid_codes(system: CodeSystem, code: str) -> None:
    assert code_problem(DiagnosisCode(system=system, code=code)) is None


@pytest.mark.parametrize(
    ("system", "code", "message"),
    [
        ("ICD-10", "L403", "'L403' is not a valid ICD-10 code"),
        ("ICD-10", "l40.3", "'l40.3' is not a valid ICD-10 code"),
        ("ICD-11", "EI80", "'EI80' is not a valid ICD-11 code"),
        ("ICD-11", "L40.3", "'L40.3' is not a valid ICD-11 code"),
        (
            "SNOMED CT",
            "24079002",
            "'24079002' is not a valid SNOMED CT id: its check digit is wrong",
        ),
        (
            "SNOMED CT",
            "1487430010",
            "'1487430010' is a SNOMED CT description or relationship id, not a concept id",
        ),
        ("SNOMED CT", "0123", "'0123' is not a valid SNOMED CT code"),
        ("MeSH", "C17.800", "'C17.800' is a MeSH tree number"),
        ("MeSH", "D03876", "'D03876' is not a valid MeSH code"),
    ],
)
def test_invalid_codes(system: CodeSystem, code: str, message: str) -> None:
    problem = code_problem(DiagnosisCode(system=system, code=code))
    assert problem is not None and problem[0] == message


def test_verhoeff_on_published_concept_ids() -> None:
    valid = ["87628006", "189914005", "278662003", "24700007", "10394003", "195030007"]
    assert all(verhoeff_valid(code) for code in valid)
    assert not any(verhoeff_valid(code[:-1] + str((int(code[-1]) + 1) % 10)) for code in valid)


def test_wrong_code_has_a_position(tmp_path: Path) -> None:
    text = replace_once(example_text(), "code: L40.3", "code: L403")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, 'L403')}:34: diagnosis.final[0].codes[0].code: 'L403' is not a "
        "valid ICD-10 code (write a letter, two characters and an optional dotted part, "
        "e.g. L40.3)"
    ]


def test_codes_in_the_differential_table(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        "      status: excluded\n",
        "      status: excluded\n      codes:\n        - {system: ICD-10, code: L40.3}\n",
    )
    page = render_case_page(example_article(tmp_path, text), site=SiteSettings())
    assert "| Differential diagnosis | Codes | Conclusion | Features that separated it |" in page
    assert "| Palmoplantar pustular psoriasis | ICD-10 L40.3 | excluded |" in page
    assert (
        "- **Atopic dermatitis** (AD): ICD-10 L20.9; ICD-11 EA80; SNOMED CT 24079001; MeSH D003876"
        in page
    )
