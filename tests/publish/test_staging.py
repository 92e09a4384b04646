from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from casebook.publish.staging import StagingError, discard, promote, staging_dir_for


def old_site_and_staged_new(tmp_path: Path) -> tuple[Path, Path]:
    """A site holding old.html, and a staging folder beside it holding new.html."""
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old")
    staging = staging_dir_for(target)
    staging.mkdir()
    (staging / "new.html").write_text("new")
    return target, staging


def test_promote_replaces_the_target_and_leaves_nothing_behind(tmp_path: Path) -> None:
    target, staging = old_site_and_staged_new(tmp_path)
    promote(staging, target)
    assert sorted(p.name for p in target.iterdir()) == ["new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_promote_creates_a_missing_target(tmp_path: Path) -> None:
    staging = staging_dir_for(tmp_path / "site")
    staging.mkdir()
    promote(staging, tmp_path / "site")
    assert (tmp_path / "site").is_dir() and not staging.exists()


def test_a_site_folder_in_a_folder_not_made_yet_is_staged_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "new" / "site"
    staging = staging_dir_for(target)
    assert staging.parent == target.parent and not staging.exists()
    staging.mkdir(parents=True)
    promote(staging, target)
    assert target.is_dir() and sorted(p.name for p in target.parent.iterdir()) == ["site"]


def test_staging_dir_starts_empty_and_discard_is_safe_on_missing(tmp_path: Path) -> None:
    target = tmp_path / "site"
    first = staging_dir_for(target)
    first.mkdir()
    (first / "left.html").write_text("from a crashed build")
    assert not staging_dir_for(target).exists()
    discard(tmp_path / "nothing-here")


@pytest.mark.parametrize(
    ("code", "advice"),
    [
        (errno.ENOSPC, "the disk is full: free some space on it and build again"),
        (
            errno.EROFS,
            "it is on a read-only file system: build into a folder you can write "
            "(mkdocs build -d FOLDER)",
        ),
        (
            errno.EBUSY,
            "it is in use by another program (a server or a file browser showing it): "
            "close that program and build again",
        ),
    ],
)
def test_a_failed_swap_keeps_the_old_site_and_says_what_to_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, advice: str
) -> None:
    target, staging = old_site_and_staged_new(tmp_path)
    real_rename = Path.rename

    def failing(self: Path, other: Any) -> Any:
        if self == staging:
            raise OSError(code, os.strerror(code))
        return real_rename(self, other)

    monkeypatch.setattr(Path, "rename", failing)
    with pytest.raises(StagingError) as raised:
        promote(staging, target)
    assert str(raised.value) == (
        f"could not write the site to {target}: {advice}; the last good site is kept"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert [p.name for p in target.iterdir()] == ["old.html"]


def test_staging_left_by_killed_builds_is_removed_by_the_next(tmp_path: Path) -> None:
    target = tmp_path / "site"
    gone = _finished_pid()
    for name in (f".site.building-{gone}", f".site.old-{gone}", f".site.building-{os.getppid()}"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "page.html").write_text("half")
    staging_dir_for(target)
    # Only the folder of a build that still runs is left alone.
    assert sorted(p.name for p in tmp_path.iterdir()) == [f".site.building-{os.getppid()}"]


def _finished_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_staging_folders_are_ignored_by_git() -> None:
    root = Path(__file__).resolve().parents[2]
    for name in (".site.building-123/x", ".site.old-123/x"):
        ignored = subprocess.run(
            ["git", "check-ignore", "-q", "--no-index", name], cwd=root, check=False
        )
        assert ignored.returncode == 0, name
