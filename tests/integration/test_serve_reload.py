"""`mkdocs serve` shows edits to case data, templates, theme overrides and core code without a
restart, both plain and with `--dirty` (what `./dev.sh serve` runs)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..support.project import copy_project
from ..support.sites import MKDOCS, edit, free_port, mkdocs_env, wait_for

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module", params=["plain", "dirty"])
def served(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[tuple[Path, str]]:
    project = copy_project(tmp_path_factory.mktemp("serve") / "project")
    port = free_port()
    dirty = ["--dirty"] if request.param == "dirty" else []
    process = subprocess.Popen(
        [*MKDOCS, "serve", *dirty, "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project,
        env=mkdocs_env(project),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/casebook/cases/ppp-ad-baricitinib/"
    try:
        wait_for(url, "Figure 1.", timeout=120)
        yield project, url
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_case_data_edit_shows(served: tuple[Path, str]) -> None:
    project, url = served
    edit(
        project / "case_data" / "ppp-ad-baricitinib" / "case.yaml",
        "title: Palmoplantar pustulosis with atopic dermatitis responding to baricitinib",
        "title: Palmoplantar pustulosis and atopic dermatitis, edited while serving",
    )
    wait_for(url, "edited while serving", timeout=60)


def test_template_edit_shows(served: tuple[Path, str]) -> None:
    project, url = served
    edit(
        project / "build_hooks" / "casebook" / "render" / "templates" / "_declarations.md.j2",
        "**Patient consent:**",
        "**Consent to publish (edited template):**",
    )
    wait_for(url, "Consent to publish (edited template):", timeout=60)


def test_core_code_edit_shows(served: tuple[Path, str]) -> None:
    project, url = served
    edit(
        project / "build_hooks" / "casebook" / "article" / "article.py",
        'f"{stain}, original magnification ×',
        'f"{stain}, edited core code ×',
    )
    wait_for(url, "edited core code ×40", timeout=60)


def test_theme_override_edit_shows(served: tuple[Path, str]) -> None:
    project, url = served
    edit(
        project / "overrides" / "main.html",
        "{% block extrahead %}",
        '{% block extrahead %}<meta name="casebook-test" content="edited override">',
    )
    wait_for(url, 'content="edited override"', timeout=60)


def test_new_draft_case_shows_in_preview(served: tuple[Path, str]) -> None:
    project, url = served
    source = project / "case_data" / "ppp-ad-baricitinib"
    draft = project / "case_data" / "draft-copy"
    shutil.copytree(source / "figures", draft / "figures")
    text = (source / "case.yaml").read_text(encoding="utf-8")
    text = text.replace("status: published", "status: draft")
    text = text.replace("title: Palmoplantar", "title: Draft copy of palmoplantar", 1)
    (draft / "case.yaml").write_text(text, encoding="utf-8")
    wait_for(url.replace("ppp-ad-baricitinib", "draft-copy"), "Draft copy of", timeout=60)
