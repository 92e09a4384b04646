"""Build into a staging folder and swap it in only when the build is good, so a failed build
leaves the last good site untouched."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def staging_dir_for(target: Path) -> Path:
    """A fresh, empty sibling of `target` (same file system, so the swap is a rename)."""
    staging = target.parent / f".{target.name}.building-{os.getpid()}"
    discard(staging)
    return staging


def promote(staging: Path, target: Path) -> None:
    """Replace `target` with `staging`; the old site exists until the new one is in place."""
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    discard(old)
    if target.exists():
        target.rename(old)
    try:
        staging.rename(target)
    except OSError:
        if old.exists() and not target.exists():
            old.rename(target)
        raise
    discard(old)


def discard(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()
