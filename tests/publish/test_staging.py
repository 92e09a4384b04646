from __future__ import annotations

from pathlib import Path

from casebook.publish.staging import discard, promote, staging_dir_for


def test_promote_replaces_the_target_and_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old")
    staging = staging_dir_for(target)
    staging.mkdir()
    (staging / "new.html").write_text("new")
    promote(staging, target)
    assert sorted(p.name for p in target.iterdir()) == ["new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_promote_creates_a_missing_target(tmp_path: Path) -> None:
    staging = staging_dir_for(tmp_path / "site")
    staging.mkdir()
    promote(staging, tmp_path / "site")
    assert (tmp_path / "site").is_dir() and not staging.exists()


def test_staging_dir_starts_empty_and_discard_is_safe_on_missing(tmp_path: Path) -> None:
    target = tmp_path / "site"
    first = staging_dir_for(target)
    first.mkdir()
    (first / "left.html").write_text("from a crashed build")
    assert not staging_dir_for(target).exists()
    discard(tmp_path / "nothing-here")
