from __future__ import annotations

import shutil
from pathlib import Path

from casebook.load import case_folders, load_cases

from .support.cases import EXAMPLE


def test_only_folders_with_a_case_file_are_cases(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "b-case").mkdir()
    (tmp_path / "b-case" / "case.yaml").write_text("x: 1\n")
    (tmp_path / "a-case").mkdir()
    (tmp_path / "a-case" / "case.yaml").write_text("x: 1\n")
    assert [p.name for p in case_folders(tmp_path)] == ["a-case", "b-case"]
    assert case_folders(tmp_path / "missing") == []


def test_every_case_is_checked_in_one_run(tmp_path: Path) -> None:
    root = tmp_path / "case_data"
    shutil.copytree(EXAMPLE, root / "good-case")
    (root / "Bad_Name").mkdir()
    (root / "Bad_Name" / "case.yaml").write_text("x: 1\n")
    (root / "broken").mkdir()
    (root / "broken" / "case.yaml").write_text("- just a list\n")
    result = load_cases(root, project_root=tmp_path)
    assert result.files == 3
    assert [a.id for a in result.articles] == ["good-case"]
    assert [d.format() for d in result.errors] == [
        "case_data/Bad_Name/case.yaml:1:1: case folder name 'Bad_Name' is not a valid case id "
        "(use lower-case letters, digits and hyphens)",
        "case_data/broken/case.yaml:1:1: a case file must be a mapping of sections "
        "(start with 'publication:')",
    ]
