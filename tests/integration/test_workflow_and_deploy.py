"""Publishing paths: `mkdocs gh-deploy` to a git remote, and the Pages workflow's gates."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from ..support.project import ROOT, copy_project
from ..support.sites import MKDOCS, mkdocs_env

pytestmark = pytest.mark.integration


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def test_gh_deploy_pushes_the_built_site(tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    git("init", "--bare", "-q", str(remote), cwd=tmp_path)
    project = copy_project(tmp_path / "project")
    git("init", "-q", "-b", "main", cwd=project)
    git("add", "-A", cwd=project)
    git("commit", "-q", "-m", "site", cwd=project)
    git("remote", "add", "origin", str(remote), cwd=project)
    env = mkdocs_env(project) | {
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }
    result = subprocess.run(
        [*MKDOCS, "gh-deploy", "--strict", "--force", "--no-history", "-m", "deploy"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).splitlines()
    assert "cases/ppp-ad-baricitinib/index.html" in files
    assert "cases/ppp-ad-baricitinib/figures/clinical-back.png" in files
    assert ".nojekyll" in files


def test_pages_workflow_deploys_only_after_tests_and_strict_build() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    jobs = workflow["jobs"]
    assert set(jobs) == {"test-and-build", "deploy"}
    runs = [s.get("run") for s in jobs["test-and-build"]["steps"]]
    assert runs.index("./dev.sh test") < runs.index("./dev.sh build")
    assert jobs["deploy"]["needs"] == "test-and-build"
    assert any(
        s.get("uses", "").startswith("actions/deploy-pages@") for s in jobs["deploy"]["steps"]
    )
    dev = (ROOT / "dev.sh").read_text()
    assert 'mkdocs" build --strict' in dev
