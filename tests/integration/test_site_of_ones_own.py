"""From the example project to a site of one's own: `mkdocs build` refuses to publish an
author's case at the example address, and builds it at the address `casebook init` wrote."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..support.cases import line_of
from ..support.project import copy_project
from ..support.sites import MKDOCS, build, mkdocs_env

pytestmark = pytest.mark.integration


def test_a_case_of_ones_own_is_published_only_at_ones_own_address(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    example = project / "case_data" / "ppp-ad-baricitinib"
    shutil.copytree(example, project / "case_data" / "my-own-case")
    refused = build(project, tmp_path / "site")
    assert refused.returncode == 1
    line = line_of((project / "mkdocs.yml").read_text(encoding="utf-8"), "site_url:")
    assert (
        "ERROR   -  the site settings (site_url in mkdocs.yml) are wrong:\n"
        f"mkdocs.yml:{line}:11: site_url: 'https://example.org/casebook/' is an example "
        "address, not this site's: its links, citations, feed and sitemap would point there "
        "(run ./dev.sh init to give the site its own address, title, publisher and licence)\n"
        "1 error in the site settings\n" in refused.stderr
    )
    assert not (tmp_path / "site").exists()

    init = subprocess.run(
        [
            *(sys.executable, "-m", "casebook.cli", "--root", str(project), "init"),
            *("--title", "Dermatology case reports", "--publisher", "A. Author"),
            *("--url", "https://someone.github.io/derm-cases/", "--licence", "CC-BY-4.0"),
            *("--example", "draft"),
        ],
        env=mkdocs_env(project),
        capture_output=True,
        text=True,
        check=True,
    )
    assert "the example case ppp-ad-baricitinib is now a draft" in init.stdout
    built = build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    page = (tmp_path / "site" / "cases" / "my-own-case" / "index.html").read_text()
    assert (
        '<link rel="canonical" href="https://someone.github.io/derm-cases/cases/my-own-case/">'
        in page
    )
    assert "Dermatology case reports" in page
    assert "example.org" not in page
    assert not (tmp_path / "site" / "cases" / "ppp-ad-baricitinib").exists()


def test_material_prints_its_notice_unless_dev_sh_has_set_the_variable(tmp_path: Path) -> None:
    """Pins mkdocs-material 9.8.1: its notice about Zensical goes to every MkDocs command
    run without NO_MKDOCS_2_WARNING, which dev.sh exports (tests/test_guide_commands.py)."""
    project = copy_project(tmp_path / "project")
    env = {k: v for k, v in mkdocs_env(project).items() if k != "NO_MKDOCS_2_WARNING"}
    plain = subprocess.run(
        [*MKDOCS, "build", "-q", "-d", str(tmp_path / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Zensical is its maintained successor" in plain.stderr
    assert "Zensical" not in build(project, tmp_path / "site2").stderr
