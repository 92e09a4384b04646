"""The casebook command: check, new, schema and render, with exit codes authors can script."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from casebook.cli import main
from casebook.models.schema_export import schema_text
from casebook.render import field_reference_page

from ..support.cases import EXAMPLE
from ..support.project import ROOT


def project_with_example(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "case_data" / EXAMPLE.name)
    return tmp_path


def test_check_passes_on_the_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project_with_example(tmp_path)
    assert main(["--root", str(root), "check"]) == 0
    assert capsys.readouterr().out == "0 errors in 1 case file\n"


def test_check_reports_every_error_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project_with_example(tmp_path)
    case = root / "case_data" / EXAMPLE.name / "case.yaml"
    text = case.read_text(encoding="utf-8")
    case.write_text(
        text.replace("  sex: male", "  sex: mal").replace(
            "    route: oral\n", "    route: orl\n", 1
        ),
        encoding="utf-8",
    )
    assert main(["--root", str(root), "check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "2 errors in 1 case file"
    assert "patient.sex: unknown value 'mal' (did you mean 'male'?)" in out[0]
    assert "treatment[0].route: unknown value 'orl' (did you mean 'oral'?)" in out[1]


def test_new_case_passes_check_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(tmp_path), "new", "psoriasis-demo"]) == 0
    assert capsys.readouterr().out == (
        "created case_data/psoriasis-demo/case.yaml; fill it in, then run: ./dev.sh check "
        "(./dev.sh serve previews it as you save)\n"
    )
    assert (tmp_path / "case_data" / "psoriasis-demo" / "figures").is_dir()
    assert main(["--root", str(tmp_path), "check"]) == 0
    assert main(["--root", str(tmp_path), "new", "psoriasis-demo"]) == 1
    assert "already exists" in capsys.readouterr().err


def test_new_case_rejects_a_bad_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(tmp_path), "new", "Bad Name"]) == 1
    assert capsys.readouterr().err == (
        "casebook new: 'Bad Name' is not a valid case id: use lower-case letters, digits and "
        "hyphens, e.g. psoriasis-secukinumab\n"
    )


def test_render_writes_pages_and_figures(tmp_path: Path) -> None:
    root = project_with_example(tmp_path)
    out = tmp_path / "out"
    assert main(["--root", str(root), "render", str(out)]) == 0
    assert (out / "index.md").is_file()
    assert (out / "cases" / EXAMPLE.name / "index.md").is_file()
    assert (out / "cases" / EXAMPLE.name / "figures" / "clinical-back.png").is_file()


def test_committed_schema_matches_the_models() -> None:
    committed = (ROOT / "schema" / "case.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run: casebook schema"


def test_committed_field_reference_matches_the_models() -> None:
    # Committed rather than built, so that the guide's link to it works on GitHub too.
    committed = (ROOT / "docs" / "guide" / "fields.md").read_text(encoding="utf-8")
    assert committed == field_reference_page(), "run: .venv/bin/casebook schema"


def test_schema_writes_the_schema_and_the_field_reference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(tmp_path), "schema"]) == 0
    assert capsys.readouterr().out == "wrote schema/case.schema.json\nwrote docs/guide/fields.md\n"
    assert (tmp_path / "docs" / "guide" / "fields.md").read_text() == field_reference_page()


def test_schema_describes_every_field() -> None:
    schema = json.loads(schema_text())
    missing = [
        f"{name}.{field}"
        for name, definition in schema["$defs"].items()
        for field, spec in definition.get("properties", {}).items()
        if "description" not in spec
    ]
    assert missing == []


def test_an_internal_error_is_one_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.delenv("CASEBOOK_DEBUG", raising=False)
    monkeypatch.setattr("casebook.cli.commands.load_cases", broken)
    assert main(["--root", str(tmp_path), "check"]) == 2
    assert capsys.readouterr().err == (
        "casebook: internal error (RuntimeError: boom); please report it, or set "
        "CASEBOOK_DEBUG=1 to see the traceback\n"
    )
