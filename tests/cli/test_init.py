"""`casebook init`: a site of one's own from options or answered questions, mkdocs.yml changed
in those values only, and the example case kept as a draft or removed."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from casebook.cli import main

from ..support.cases import EXAMPLE
from ..support.project import ROOT

OPTIONS = [
    "--title",
    "Dermatology: cases #1",
    "--url",
    "https://someone.github.io/derm-cases",
    "--publisher",
    "Department of Dermatology",
    "--licence",
    "CC-BY-NC-4.0",
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(EXAMPLE, tmp_path / "case_data" / EXAMPLE.name)
    return tmp_path


def changed_lines(project: Path) -> list[tuple[str, str]]:
    """(before, after) of each line of mkdocs.yml that init changed; the rest is identical."""
    before = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    after = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    assert len(before) == len(after)
    return [(old, new) for old, new in zip(before, after, strict=True) if old != new]


def example_status(project: Path) -> str:
    text = (project / "case_data" / EXAMPLE.name / "case.yaml").read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith("  status:"))


def test_options_make_the_site_its_own_and_keep_the_example_as_a_draft(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(project), "init", *OPTIONS, "--example", "draft"]) == 0
    assert capsys.readouterr().out == (
        "wrote mkdocs.yml: title 'Dermatology: cases #1', address "
        "https://someone.github.io/derm-cases/, publisher 'Department of Dermatology', "
        "licence CC-BY-NC-4.0\n"
        "the example case ppp-ad-baricitinib is now a draft: previews show it, builds leave "
        "it out\n"
        "next: ./dev.sh new <case-id> starts your first case; ./dev.sh serve previews the site "
        "at http://127.0.0.1:8000/derm-cases/; docs/guide/publishing.md puts it online\n"
    )
    assert changed_lines(project) == [
        ("site_name: Casebook", 'site_name: "Dermatology: cases #1"'),
        (
            "site_url: https://example.org/casebook/",
            "site_url: https://someone.github.io/derm-cases/",
        ),
        ("    title: Casebook", '    title: "Dermatology: cases #1"'),
        (
            "    journal_title: Casebook Example Collection",
            '    journal_title: "Dermatology: cases #1"',
        ),
        ("    publisher: Casebook project", "    publisher: Department of Dermatology"),
        ("    default_licence: CC-BY-4.0", "    default_licence: CC-BY-NC-4.0"),
    ]
    assert example_status(project) == "  status: draft"
    # Everything else in the example case is as it was.
    original = (EXAMPLE / "case.yaml").read_text(encoding="utf-8")
    now = (project / "case_data" / EXAMPLE.name / "case.yaml").read_text(encoding="utf-8")
    assert now == original.replace("  status: published\n", "  status: draft\n", 1)
    assert main(["--root", str(project), "check"]) == 0


def test_answered_questions_ask_again_after_a_wrong_answer(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [
        "",  # the title: keep the one shown
        "someone.github.io/cases",  # not an address
        "https://example.com/cases/",  # an example address
        "https://someone.github.io/cases",
        "Dr A. Author",
        "",  # the licence: keep the one shown
        "maybe",
        "remove",
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{a}\n" for a in answers)))
    assert main(["--root", str(project), "init"]) == 0
    out = capsys.readouterr().out
    assert out.split("wrote mkdocs.yml")[0] == (
        "Site title [Casebook]: "
        "Address it will be published at, e.g. https://you.github.io/cases/: "
        "  'someone.github.io/cases' is not a web address; write it as "
        "https://you.github.io/cases/\n"
        "Address it will be published at, e.g. https://you.github.io/cases/: "
        "  that is an example address, which no reader can reach; give your site's own\n"
        "Address it will be published at, e.g. https://you.github.io/cases/: "
        "Publisher (a person, department or society): "
        "Licence of the case pages (SPDX id) [CC-BY-4.0]: "
        "The example case ppp-ad-baricitinib: keep it as a draft (shown only in previews) or "
        "remove it? draft/remove [draft]: "
        "  answer draft or remove\n"
        "The example case ppp-ad-baricitinib: keep it as a draft (shown only in previews) or "
        "remove it? draft/remove [draft]: "
    )
    assert "removed the example case ppp-ad-baricitinib\n" in out
    assert not (project / "case_data" / EXAMPLE.name).exists()
    assert changed_lines(project) == [
        ("site_url: https://example.org/casebook/", "site_url: https://someone.github.io/cases/"),
        ("    journal_title: Casebook Example Collection", "    journal_title: Casebook"),
        ("    publisher: Casebook project", "    publisher: Dr A. Author"),
    ]


def test_no_answer_writes_nothing_and_names_the_option(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("My site\n"))
    assert main(["--root", str(project), "init"]) == 1
    assert capsys.readouterr().err == (
        "casebook init: no answer to 'Address it will be published at, e.g. "
        "https://you.github.io/cases/'; give it as an option instead\n"
    )
    assert changed_lines(project) == []
    assert example_status(project) == "  status: published"


def test_a_wrong_option_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    options = [*OPTIONS[:-1], "CC BY 4.0", "--example", "remove"]
    assert main(["--root", str(project), "init", *options]) == 1
    assert capsys.readouterr().err == (
        "casebook init: 'CC BY 4.0' is not an SPDX licence id; write it as CC-BY-4.0, "
        "CC-BY-NC-4.0 or CC0-1.0\n"
    )
    assert changed_lines(project) == []
    assert (project / "case_data" / EXAMPLE.name).is_dir()
