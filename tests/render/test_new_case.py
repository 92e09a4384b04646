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


def _published(path: Path) -> str:
    text = path.read_text(encoding="utf-8").replace(
        "  status: draft  # set to published, with a date, when the case is ready\n",
        "  status: published\n  date: 2026-12-01\n",
    )
    path.write_text(text, encoding="utf-8")
    return text


def _at(text: str, snippet: str, start: str = "") -> str:
    """'line:column' of `start` (default: all of `snippet`) in the one line, not a comment,
    holding `snippet`."""
    rows = enumerate(text.split("\n"), start=1)
    [line] = [n for n, row in rows if snippet in row and not row.lstrip().startswith("#")]
    row = text.split("\n")[line - 1]
    return f"{line}:{row.index(snippet) + row[row.index(snippet) :].index(start or snippet) + 1}"


LEFT_IN = "template text left in: '{}' (write the case's own text in place of the TODO)"
STILL_MARKED = (
    "the template's value {} is still marked '# TODO' (write the case's own value, then "
    "delete the '# TODO' comment)"
)


def test_a_new_case_set_to_published_fails_check_with_every_leftover(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["--root", str(tmp_path), "new", "demo"])
    text = _published(tmp_path / "case_data" / "demo" / "case.yaml")
    capsys.readouterr()
    assert main(["--root", str(tmp_path), "check"]) == 1
    errors = [line for line in capsys.readouterr().out.splitlines() if ": warning: " not in line]
    f = "case_data/demo/case.yaml"
    expected = [
        ("title: TODO title", "TODO", "publication.title", "TODO title of the case"),
        ("- TODO keyword", "TODO", "publication.keywords[0]", "TODO keyword"),
        ("- TODO specialty", "TODO", "publication.specialty[0]", "TODO specialty"),
        ("given: TODO", "TODO", "authors[0].given", "TODO"),
        ("family: TODO", "TODO", "authors[0].family", "TODO"),
        ("email: TODO@example.org", "TODO", "authors[0].email", "TODO@example.org"),
        (
            "name: TODO department",
            "TODO",
            "affiliations[0].name",
            "TODO department and institution",
        ),
        ("age: 40", "40", "patient.age", None),
        (
            "description: TODO what the patient",
            "TODO",
            "history.presenting_complaints[0].description",
            "TODO what the patient presented with",
        ),
        ("duration: 1 week", "1 week", "history.presenting_complaints[0].duration", None),
        ("site: TODO body site", "TODO", "examination[0].site", "TODO body site"),
        ("description: TODO finding", "TODO", "examination[0].description", "TODO finding"),
        ("name: TODO final diagnosis", "TODO", "diagnosis.final[0].name", "TODO final diagnosis"),
        ("summary: TODO outcome", "TODO", "outcome.summary", "TODO outcome and follow-up"),
    ]
    lines = []
    for snippet, start, field, left in expected:
        if left is None:
            value = "40" if field == "patient.age" else "'1 week'"
            message = STILL_MARKED.format(value)
        else:
            message = LEFT_IN.format(left)
        lines.append(f"{f}:{_at(text, snippet, start)}: {field}: {message}")
    lines += [
        f"{f}:{_at(text, '  basis:', 'basis')}: consent.basis: no consent basis is written "
        "(write how publication is permitted: 'patient written consent', 'guardian written "
        "consent' or 'previously published')",
        f"{f}:{_at(text, 'statement: TODO', 'TODO')}: consent.statement: "
        + LEFT_IN.format("TODO the consent statement printed on the page"),
        f"{f}:{_at(text, '  TODO the discussion', 'TODO')}: discussion: "
        + LEFT_IN.format("TODO the discussion; cite sources and figures as the …"),
        "17 errors, 7 warnings in 1 case file",
    ]
    assert errors == lines


@pytest.mark.parametrize("kind", case_kinds())
def test_every_todo_of_every_kind_is_an_error_once_published(tmp_path: Path, kind: str) -> None:
    """Each line the template marks with TODO (outside comments of their own) has one error,
    and no other line has one but the consent's empty basis."""
    path = create_case(tmp_path, "demo", kind=kind)
    text = _published(path)
    _, diagnostics = load_case(tmp_path / "demo", project_root=tmp_path)
    marked = {
        number
        for number, row in enumerate(text.split("\n"), start=1)
        if "TODO" in row and not row.lstrip().startswith("#")
    }
    errors = [d for d in diagnostics if d.severity == "error"]
    basis = [d for d in errors if d.field == "consent.basis"]
    assert len(basis) == 1
    assert sorted(d.line for d in errors if d not in basis) == sorted(marked)
    assert "basis: patient written consent" not in text
