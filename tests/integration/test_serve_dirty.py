"""`mkdocs serve --dirty` rebuilds what changed, yet shows every edit and keeps search whole."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..support.project import copy_project
from ..support.sites import edit, fetch, serving, wait_for

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, Path]]:
    base = tmp_path_factory.mktemp("serve-dirty")
    project = copy_project(base / "project")
    log = base / "serve.log"
    ready = ("cases/ppp-ad-baricitinib/", "Figure 1.")
    with serving(project, log, "--dirty", ready=ready) as url:
        yield project, url, log


def rebuilds(log: Path) -> int:
    return log.read_text(encoding="utf-8").count("Detected file changes")


def test_reading_the_case_files_starts_no_rebuild(served: tuple[Path, str, Path]) -> None:
    # Each build reads case_data and build_hooks; a watcher that took reads for changes would
    # rebuild for ever.
    _, _, log = served
    time.sleep(3)
    assert rebuilds(log) == 0
    assert "A 'dirty' build" not in log.read_text(encoding="utf-8")


def test_case_edit_shows_and_search_keeps_every_page(served: tuple[Path, str, Path]) -> None:
    project, url, _ = served
    edit(
        project / "case_data" / "ppp-ad-baricitinib" / "case.yaml",
        "title: Palmoplantar pustulosis with atopic dermatitis responding to baricitinib",
        "title: Palmoplantar pustulosis with atopic dermatitis, edited while serving dirty",
    )
    wait_for(f"{url}cases/ppp-ad-baricitinib/", "edited while serving dirty", timeout=60)
    wait_for(url, "edited while serving dirty", timeout=10)
    index = json.loads(fetch(f"{url}search/search_index.json") or "{}")
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {"", "tags/", "guide/", "cases/ppp-ad-baricitinib/"} <= pages
    # The edited page's entries were replaced, not added beside the old ones.
    titles = [d["title"] for d in index["docs"] if d["location"] == "cases/ppp-ad-baricitinib/"]
    assert len(titles) == 1
    assert "edited while serving dirty" in titles[0]


def test_tag_change_rebuilds_the_tag_index(served: tuple[Path, str, Path]) -> None:
    project, url, _ = served
    edit(
        project / "case_data" / "ppp-ad-baricitinib" / "case.yaml",
        "  specialty:\n    - dermatology\n",
        "  specialty:\n    - dermatology and venereology\n",
    )
    wait_for(f"{url}tags/", "Dermatology and venereology", timeout=60)


def test_invalid_save_then_fix_shows(served: tuple[Path, str, Path]) -> None:
    project, url, log = served
    case_file = project / "case_data" / "ppp-ad-baricitinib" / "case.yaml"
    valid = case_file.read_text(encoding="utf-8")
    edit(case_file, "  sex: male\n", "  sexx: male\n")
    deadline = time.monotonic() + 60
    while "unknown key 'sexx'" not in log.read_text(encoding="utf-8"):
        assert time.monotonic() < deadline, "the invalid case was not reported"
        time.sleep(0.2)
    fixed = valid.replace("edited while serving dirty", "fixed after an error")
    case_file.write_text(fixed, encoding="utf-8")
    wait_for(f"{url}cases/ppp-ad-baricitinib/", "fixed after an error", timeout=60)
