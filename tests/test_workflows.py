"""The GitHub Actions workflows are valid (actionlint), and the Pages workflow keeps the build
cache between runs without building the site cold twice."""

from __future__ import annotations

from pathlib import Path

import yaml

from .support.actionlint import actionlint
from .support.project import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
PAGES = ROOT / ".github" / "workflows" / "pages.yml"


def test_every_workflow_passes_actionlint() -> None:
    assert PAGES in WORKFLOWS
    assert actionlint(*WORKFLOWS) == []


def test_actionlint_finds_the_errors_of_a_broken_copy(tmp_path: Path) -> None:
    text = PAGES.read_text(encoding="utf-8")
    broken = tmp_path / "pages.yml"
    broken.write_text(
        text.replace("needs: test-and-build", "needs: tests").replace(
            "github.run_attempt", "github.run_attempts"
        ),
        encoding="utf-8",
    )
    key = text[: text.index("github.run_attempt")]
    key_line, key_column = key.count("\n") + 1, len(key) - key.rindex("\n")
    deploy_line = text[: text.index("\n  deploy:")].count("\n") + 2
    found = actionlint(broken)
    assert found[0].startswith(
        f'{broken}:{key_line}:{key_column}: property "run_attempts" is not defined in object '
        "type {"
    )
    assert found[1:] == [
        f'{broken}:{deploy_line}:3: job "deploy" needs job "tests" which does not exist in '
        "this workflow [job-needs]"
    ]


def test_the_build_cache_is_restored_from_the_newest_run_of_the_same_packages() -> None:
    steps = yaml.safe_load(PAGES.read_text(encoding="utf-8"))["jobs"]["test-and-build"]["steps"]
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".cache/casebook"
    key = cache["with"]["key"]
    packages = "casebook-${{ runner.os }}-${{ hashFiles('requirements.lock') }}-"
    # A new key on every run: a cache is never updated in place, only saved under a new key.
    assert key == packages + "${{ github.run_id }}-${{ github.run_attempt }}"
    assert cache["with"]["restore-keys"].splitlines() == [packages, "casebook-${{ runner.os }}-"]
    runs = [s.get("run") for s in steps]
    # Restored before anything builds; the strict build comes after the tests, in the same job.
    assert steps.index(cache) < runs.index("./dev.sh test") < runs.index("./dev.sh build")
