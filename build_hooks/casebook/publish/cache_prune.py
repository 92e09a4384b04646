"""Keep the build cache from growing without bound: prune what recent builds did not use, or
clear it all."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from casebook.publish.build_cache import MEMO_FILE, BuildCache
from casebook.publish.cache_uses import Pruned


@dataclass(frozen=True)
class Cleared:
    files: int
    size: int
    """Bytes freed."""


def prune_cache(cache: BuildCache, *, keep_builds: int) -> Pruned:
    """Remove the entries none of the last `keep_builds` builds used and every file of the
    cache's earlier format; forget the digests of removed files and of files that are gone."""
    pruned = cache.uses.prune(keep_builds=keep_builds, keep=frozenset({MEMO_FILE}))
    removed = {os.fspath(cache.root / relative) for relative in pruned.removed}
    # Absolute names only: a relative one was looked up from another working folder.
    cache.forget_digests(
        lambda name: name in removed or (os.path.isabs(name) and not os.path.lexists(name))
    )
    cache.save()
    return pruned


def clear_cache(root: Path) -> Cleared:
    """Remove the whole cache folder `root`; the next build makes again what it needs."""
    files = size = 0
    for folder, folders, names in os.walk(root):
        for name in names + [name for name in folders if os.path.islink(f"{folder}/{name}")]:
            files += 1
            size += os.lstat(os.path.join(folder, name)).st_size
    if root.is_symlink() or root.is_file():
        root.unlink()
    elif root.exists():
        shutil.rmtree(root)
    return Cleared(files, size)
