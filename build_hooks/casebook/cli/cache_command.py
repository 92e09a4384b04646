"""`casebook cache`: prune the build cache now, as a build does, or clear it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from casebook.cli.site_config import site_settings
from casebook.errors import SettingsError
from casebook.publish import CACHE_DIR, BuildCache, clear_cache, prune_cache

_SHOWN = f"{CACHE_DIR.as_posix()}/"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--prune",
        action="store_true",
        help="remove the entries none of the last cache_keep_builds builds used (a build does it)",
    )
    what.add_argument(
        "--clear", action="store_true", help="remove the whole cache; the next build is cold"
    )


def run(root: Path, *, clear: bool) -> int:
    folder = root / CACHE_DIR
    if clear:
        if not folder.exists() and not folder.is_symlink():
            print(f"casebook cache: nothing to clear, there is no build cache ({_SHOWN})")
            return 0
        cleared = clear_cache(folder)
        print(
            f"casebook cache: removed {_SHOWN} ({_count(cleared.files, 'file')}, "
            f"{_megabytes(cleared.size)}); the next build makes again what it needs"
        )
        return 0
    try:
        settings = site_settings(root)
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 1
    if not folder.is_dir():
        print(f"casebook cache: nothing to prune, there is no build cache ({_SHOWN})")
        return 0
    keep = settings.cache_keep_builds
    pruned = prune_cache(BuildCache(folder), keep_builds=keep)
    builds = "build" if keep == 1 else f"{keep} builds"
    removed = f"{_count(pruned.entries, 'entry')} that none of the last {builds} used"
    if pruned.old_format:
        removed += f" and {_count(pruned.old_format, 'file')} of an earlier format"
    print(
        f"casebook cache: removed {removed} ({_megabytes(pruned.size)}) from {_SHOWN}; "
        f"{_count(pruned.kept, 'entry')} kept"
    )
    return 0


def _count(number: int, noun: str) -> str:
    if number == 1:
        return f"1 {noun}"
    return f"{number} {noun[:-1]}ies" if noun.endswith("y") else f"{number} {noun}s"


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
