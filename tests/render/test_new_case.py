"""`casebook new --kind`: one template per kind, each a case that passes the checks as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from casebook.cli import main
from casebook.load import load_case
from casebook.render import NewCaseError, case_kinds, create_case


def test_the_kinds_are_the_template_files_with_case_report_first() -> None:
    assert case_kinds() == ("case-report", "adverse-drug-reaction", "case-series")


@pytest.mark.parametrize("kind", case_kinds())
def test_every_kind_starts_a_case_without_errors(tmp_path: Path, kind: str) -> None:
    assert main(["--root", str(tmp_path), "new", "demo", "--kind", kind]) == 0
    article, diagnostics = load_case(tmp_path / "case_data" / "demo", project_root=tmp_path)
    assert article is not None
    assert [d for d in diagnostics if d.severity == "error"] == []
    assert "TODO" in (tmp_path / "case_data" / "demo" / "case.yaml").read_text(encoding="utf-8")


def test_the_adverse_reaction_template_has_the_reaction_and_its_causality(
    tmp_path: Path,
) -> None:
    create_case(tmp_path, "adr", kind="adverse-drug-reaction")
    article, _ = load_case(tmp_path / "adr", project_root=tmp_path)
    assert article is not None and article.adverse_reaction is not None
    [drug] = article.adverse_reaction.suspected
    assert drug.who_umc == "possible"
    assert drug.naranjo is not None and (drug.naranjo.total, drug.naranjo.category) == (
        0,
        "doubtful",
    )
    assert article.examination.vitals[0].value == "37 °C"


def test_without_a_kind_the_case_report_template_is_used(tmp_path: Path) -> None:
    path = create_case(tmp_path, "plain")
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../schema/case.schema.json\n# New case report 'plain'."
    )


def test_an_unknown_kind_names_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(NewCaseError) as error:
        create_case(tmp_path, "x", kind="case-study")
    assert str(error.value) == (
        "unknown kind 'case-study': use one of case-report, adverse-drug-reaction, case-series"
    )
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("kind", case_kinds())
def test_every_kind_prompts_for_declarations_and_review_dates_without_inventing_them(
    tmp_path: Path, kind: str
) -> None:
    """Commented prompts: nothing is stated until the author writes it, and what they write
    in their place is a valid case."""
    path = create_case(tmp_path, "demo", kind=kind)
    text = path.read_text(encoding="utf-8")
    prompts = (
        "# declarations:  # shown under 'Consent and declarations'; state them as they are\n"
        "#   conflicts: TODO the authors' conflicts of interest, or that there are none\n"
        "#   funding: TODO who funded the work, or that there was no funding\n"
    )
    assert prompts in text
    assert "  # received: YYYY-MM-DD" in text and "  # accepted: YYYY-MM-DD\n" in text
    article, _ = load_case(tmp_path / "demo", project_root=tmp_path)
    assert article is not None and article.case.declarations is None
    filled = text.replace(
        prompts, "declarations:\n  conflicts: None declared.\n  funding: None.\n"
    ).replace("  # received: YYYY-MM-DD", "  received: 2026-01-05")
    path.write_text(filled, encoding="utf-8")
    article, diagnostics = load_case(tmp_path / "demo", project_root=tmp_path)
    assert article is not None, [d.format() for d in diagnostics]
    assert article.case.declarations is not None
    assert article.case.declarations.funding == "None."
    assert str(article.case.publication.received) == "2026-01-05"


def test_the_case_series_template_has_two_patients_who_refer_to_each_other(
    tmp_path: Path,
) -> None:
    create_case(tmp_path, "series", kind="case-series")
    article, _ = load_case(tmp_path / "series", project_root=tmp_path)
    assert article is not None and article.is_series
    assert [part.label for part in article.parts] == ["Patient 1", "Patient 2"]
    assert set(article.numbering.patient_numbers) == {"patient-1", "patient-2"}
