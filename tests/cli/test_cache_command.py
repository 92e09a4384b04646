"""`casebook cache --prune` and `--clear`: what they remove, and what they say."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from casebook.cli import main
from casebook.publish import CACHE_DIR, build_cache

from ..support.cases import EXAMPLE


def project_with_cache(tmp_path: Path, *, keep_builds: int | None = None) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "case_data" / EXAMPLE.name)
    if keep_builds is not None:
        (tmp_path / "mkdocs.yml").write_text(
            f"site_name: T\nextra:\n  casebook:\n    cache_keep_builds: {keep_builds}\n",
            encoding="utf-8",
        )
    return tmp_path


def render(root: Path) -> None:
    build_cache._SHARED.clear()
    assert main(["--root", str(root), "render", str(root / "out")]) == 0


def cached(root: Path) -> set[str]:
    return {p.relative_to(root / CACHE_DIR).as_posix() for p in (root / CACHE_DIR).rglob("*")}


def test_prune_removes_what_the_last_builds_did_not_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project_with_cache(tmp_path, keep_builds=1)
    render(root)
    kept = cached(root)
    leftover = root / CACHE_DIR / "images" / "from-an-old-figure"
    leftover.write_bytes(b"12345")
    (root / CACHE_DIR / "cases" / "ppp-ad-baricitinib.pickle").write_bytes(b"123")
    capsys.readouterr()
    # Unknown to the manifest, the leftover counts as used by the last build: kept for now.
    assert main(["--root", str(root), "cache", "--prune"]) == 0
    assert capsys.readouterr().out == (
        "casebook cache: removed 0 entries that none of the last build used and 1 file of an "
        "earlier format (0.0 MB) from .cache/casebook/; 30 entries kept\n"
    )
    render(root)
    capsys.readouterr()
    assert main(["--root", str(root), "cache", "--prune"]) == 0
    assert capsys.readouterr().out == (
        "casebook cache: removed 1 entry that none of the last build used (0.0 MB) from "
        ".cache/casebook/; 29 entries kept\n"
    )
    assert cached(root) == kept


def test_prune_uses_the_setting_and_keeps_ten_builds_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project_with_cache(tmp_path)
    render(root)
    capsys.readouterr()
    assert main(["--root", str(root), "cache", "--prune"]) == 0
    assert capsys.readouterr().out == (
        "casebook cache: removed 0 entries that none of the last 10 builds used (0.0 MB) from "
        ".cache/casebook/; 29 entries kept\n"
    )


def test_prune_refuses_a_setting_out_of_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project_with_cache(tmp_path, keep_builds=0)
    assert main(["--root", str(root), "cache", "--prune"]) == 1
    assert capsys.readouterr().err == (
        "mkdocs.yml:4:24: extra.casebook.cache_keep_builds: 0 is out of range: "
        "input should be greater than or equal to 1\n1 error in the site settings\n"
    )


def test_clear_removes_the_whole_cache(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project_with_cache(tmp_path)
    render(root)
    root_files = [p for p in (root / CACHE_DIR).rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in root_files) / 1_000_000
    capsys.readouterr()
    assert main(["--root", str(root), "cache", "--clear"]) == 0
    assert capsys.readouterr().out == (
        f"casebook cache: removed .cache/casebook/ ({len(root_files)} files, {size:.1f} MB); "
        "the next build makes again what it needs\n"
    )
    assert not (root / CACHE_DIR).exists()
    render(root)  # and the next build makes it again
    # digests.json holds only the digests of files old enough for their stat to be trusted.
    again = {p.name for p in (root / CACHE_DIR).rglob("*") if p.is_file()} - {"digests.json"}
    assert again == {p.name for p in root_files} - {"digests.json"}


def test_without_a_cache_there_is_nothing_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(tmp_path), "cache", "--clear"]) == 0
    assert main(["--root", str(tmp_path), "cache", "--prune"]) == 0
    assert capsys.readouterr().out == (
        "casebook cache: nothing to clear, there is no build cache (.cache/casebook/)\n"
        "casebook cache: nothing to prune, there is no build cache (.cache/casebook/)\n"
    )


def test_cache_needs_one_of_prune_and_clear(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["cache"])
    assert raised.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "casebook cache: error: one of the arguments --prune --clear is required"
    )
