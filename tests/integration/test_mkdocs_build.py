"""One strict build of the whole example site through MkDocs and the hooks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ..support.cases import line_of
from ..support.project import copy_project
from ..support.sites import build

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    base = tmp_path_factory.mktemp("build")
    project = copy_project(base / "project")
    site = base / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    return project, site, result.stderr


def test_strict_build_renders_case_home_and_figures(built: tuple[Path, Path, str]) -> None:
    _, site, _ = built
    page = (site / "cases" / "ppp-ad-baricitinib" / "index.html").read_text(encoding="utf-8")
    assert "<strong>Figure 1.</strong>" in page
    assert 'id="ref-yamamoto2021"' in page
    assert 'href="#ref-yamamoto2021"' in page
    for name in (
        "clinical-back",
        "clinical-soles",
        "histology-back",
        "histology-sole",
        "followup-trunk",
        "followup-soles",
    ):
        assert (site / "cases" / "ppp-ad-baricitinib" / "figures" / f"{name}.png").is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Palmoplantar pustulosis with atopic dermatitis responding to baricitinib" in home
    assert (site / "search" / "search_index.json").is_file()


def test_pages_keep_titles_heads_and_search_text_after_their_text_is_let_go(
    built: tuple[Path, Path, str],
) -> None:
    # A one-off build lets each case page's Markdown and HTML go once used (peak memory); the
    # title, the scholarly head, the tag listing and the search index must still have them.
    _, site, _ = built
    title = "Palmoplantar pustulosis with atopic dermatitis responding to baricitinib"
    page = (site / "cases" / "ppp-ad-baricitinib" / "index.html").read_text(encoding="utf-8")
    assert f"<title>{title} - Casebook</title>" in page
    assert f'<meta name="citation_title" content="{title}">' in page
    tags = (site / "tags" / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'href="\.\./cases/ppp-ad-baricitinib/">\s*{title}\s*</a>', tags)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    case = [d for d in index["docs"] if d["location"] == "cases/ppp-ad-baricitinib/"]
    assert case and case[0]["title"] == title
    assert any("baricitinib" in d["text"] for d in index["docs"] if "ppp-ad" in d["location"])


def test_nav_does_not_list_cases(built: tuple[Path, Path, str]) -> None:
    # A case in the nav would be rendered into every page's menu: quadratic at 1,000 cases.
    _, site, _ = built
    guide = (site / "guide" / "index.html").read_text(encoding="utf-8")
    assert "cases/ppp-ad-baricitinib/" not in guide


def test_case_data_error_fails_the_build_with_positions(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    case = project / "case_data" / "ppp-ad-baricitinib" / "case.yaml"
    text = case.read_text(encoding="utf-8").replace("  sex: male\n", "  sexx: male\n")
    case.write_text(text, encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    line = line_of(text, "  sexx: male")
    assert (
        f"case_data/ppp-ad-baricitinib/case.yaml:{line}:3: patient.sexx: unknown key 'sexx' "
        "(did you mean 'sex'?)" in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_settings_error_fails_the_build_naming_the_settings_and_the_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "    care_missing: warning\n", "    care_missing: warning\n    cases_per_page: 5\n"
    )
    config.write_text(text, encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert (
        "the site settings (extra.casebook in mkdocs.yml) are wrong:\n"
        f"mkdocs.yml:{line_of(text, '    cases_per_page: 5')}:21: extra.casebook.cases_per_page: "
        "5 is out of range: input should be greater than or equal to 10\n"
        "1 error in the site settings" in result.stderr
    )
    assert "case data has errors" not in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_drafts_are_left_out_of_the_built_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    case = project / "case_data" / "ppp-ad-baricitinib" / "case.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("status: published", "status: draft"))
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site" / "cases" / "ppp-ad-baricitinib").exists()
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "No cases yet" in home


def test_a_new_draft_does_not_fail_the_strict_build(tmp_path: Path) -> None:
    from casebook.render.new_case import create_case

    project = copy_project(tmp_path / "project")
    create_case(project / "case_data", "work-in-progress")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "work-in-progress" not in result.stderr
    assert not (tmp_path / "site" / "cases" / "work-in-progress").exists()
