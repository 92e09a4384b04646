"""Cache keys: a case's key changes with each input its output is made from, and nothing else."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from casebook.assemble.cache_keys import CaseKeys, remembered_checks
from casebook.findings import Finding
from casebook.models.settings import SiteSettings
from casebook.publish.build_cache import BuildCache

SETTINGS = SiteSettings()
FINGERPRINT = "core-1"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Two case folders; the keys only read bytes, so the files need not be a valid case."""
    root = tmp_path / "project"
    for name in ("case-a", "case-b"):
        (root / "case_data" / name / "figures").mkdir(parents=True)
        (root / "case_data" / name / "case.yaml").write_text(f"title: {name}\n")
        (root / "case_data" / name / "figures" / "fig.png").write_bytes(b"\x89PNG one")
    (root / "mkdocs.yml").write_text("site_name: Test\n")
    return root


def key_of(
    project: Path,
    case: str = "case-a",
    *,
    settings: SiteSettings = SETTINGS,
    fingerprint: str = FINGERPRINT,
    project_root: Path | None = None,
) -> tuple[str | None, str]:
    """(key, cache entry name) of `case`, from a fresh cache, as the next build would see it."""
    keys = CaseKeys.for_build(
        project / "case_data",
        project_root=project_root or project,
        settings=settings,
        fingerprint=fingerprint,
    )
    folder = project / "case_data" / case
    return keys.key(BuildCache(project / ".cache"), folder), keys.entry(folder)


def edit_text(project: Path) -> None:
    (project / "case_data" / "case-a" / "case.yaml").write_text("title: case-a, edited\n")


def edit_figure(project: Path) -> None:
    (project / "case_data" / "case-a" / "figures" / "fig.png").write_bytes(b"\x89PNG two")


def add_file(project: Path) -> None:
    (project / "case_data" / "case-a" / "figures" / "new.png").write_bytes(b"\x89PNG new")


def link_figure(project: Path) -> None:
    figures = project / "case_data" / "case-a" / "figures"
    os.link(figures / "fig.png", project / "hard-link.png")


def test_the_same_inputs_give_the_same_key(project: Path) -> None:
    first, entry = key_of(project)
    assert first is not None and entry.startswith("case-a.")
    assert key_of(project) == (first, entry)


@pytest.mark.parametrize(
    "change", [edit_text, edit_figure, add_file, link_figure], ids=lambda f: f.__name__
)
def test_any_change_to_the_case_folder_changes_its_key(
    project: Path, change: Callable[[Path], None]
) -> None:
    before = key_of(project)
    change(project)
    after = key_of(project)
    assert after[0] != before[0]
    assert after[1] == before[1]  # the entry is replaced, not added to


def test_new_settings_change_the_key_and_keep_their_own_entry(project: Path) -> None:
    before = key_of(project)
    after = key_of(project, settings=SiteSettings(journal_title="Another journal"))
    assert after[0] != before[0]
    assert after[1] != before[1]


def test_a_new_core_changes_the_key_and_replaces_the_entry(project: Path) -> None:
    before = key_of(project)
    after = key_of(project, fingerprint="core-2")
    assert after[0] != before[0]
    assert after[1] == before[1]


def test_where_the_cases_are_is_part_of_the_key(project: Path, tmp_path: Path) -> None:
    before = key_of(project)
    moved = shutil.copytree(project, tmp_path / "elsewhere")
    assert key_of(moved)[0] != before[0] and key_of(moved)[1] != before[1]
    # The same folder, shown differently in messages (relative to another project root).
    assert key_of(project, project_root=project / "case_data")[0] != before[0]


def test_nothing_else_changes_the_key(project: Path) -> None:
    before = key_of(project)
    for path in (project / "case_data" / "case-a").rglob("*"):
        os.utime(path, (1_700_000_000, 1_700_000_000))
    (project / "case_data" / "case-b" / "case.yaml").write_text("title: case-b, edited\n")
    (project / "mkdocs.yml").write_text("site_name: Another\n")
    (project / "case_data" / "notes.txt").write_text("not a case\n")
    assert key_of(project) == before
    # What the cache keeps is not what a page is made from.
    assert key_of(project, settings=SiteSettings(cache_keep_builds=3)) == before


def test_an_unreadable_folder_has_no_key(project: Path) -> None:
    assert key_of(project, "missing")[0] is None


def count_digests(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    digested: list[Path] = []
    real = BuildCache.tree_digest

    def counting(self: BuildCache, folder: Any) -> str | None:
        digested.append(Path(folder))
        return real(self, folder)

    monkeypatch.setattr(BuildCache, "tree_digest", counting)
    return digested


def test_the_watcher_decides_which_folders_are_read_again(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = BuildCache(project / ".cache")
    keys = CaseKeys.for_build(
        project / "case_data", project_root=project, settings=SETTINGS, fingerprint=FINGERPRINT
    )
    folder = project / "case_data" / "case-a"
    first = keys.remembered_key(cache, folder, changed=None)
    digested = count_digests(monkeypatch)
    edit_text(project)
    # The watcher saw nothing change here: the remembered key stands, nothing is read.
    assert keys.remembered_key(cache, folder, changed={"case-b"}) == first
    assert digested == []
    # It saw this folder change, or does not know: the folder is read again.
    second = keys.remembered_key(cache, folder, changed={"case-a"})
    assert second != first
    assert keys.remembered_key(cache, folder, changed=None) == second
    assert digested == [folder, folder]
    # A key remembered under other settings is not this build's.
    other = CaseKeys.for_build(
        project / "case_data",
        project_root=project,
        settings=SiteSettings(journal_title="Another journal"),
        fingerprint=FINGERPRINT,
    )
    assert other.remembered_key(cache, folder, changed=set()) not in {first, second}
    assert digested == [folder, folder, folder]


def test_a_figure_verdict_is_remembered_for_the_same_bytes_only(project: Path) -> None:
    cache = BuildCache(project / ".cache")
    figure = project / "case_data" / "case-a" / "figures" / "fig.png"
    checked: list[Path] = []
    verdict = [Finding((), "figure file 'figures/fig.png' is damaged or incomplete")]

    def check() -> list[Finding]:
        checked.append(figure)
        return verdict

    def ask(*, context: str = "figures/fig.png", fingerprint: str = FINGERPRINT) -> list[Finding]:
        return remembered_checks(cache, fingerprint=fingerprint)(figure, context, check)

    assert ask() == verdict
    assert ask() == verdict
    assert len(checked) == 1
    ask(context="figures/./fig.png")
    ask(fingerprint="core-2")
    edit_figure(project)
    ask()
    assert len(checked) == 4
