"""Which build last used each build-cache entry, and pruning the entries no recent build used.

Entries are replaced when what they were made from changes, but the old ones stay: earlier
versions of a figure, a case folder since deleted, the output of a core since upgraded. A
small manifest beside them (`uses.json`) numbers the builds and records, per entry, the
number of the last build that used it; an entry no build of the last N used is removed.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

USES_FILE = "uses.json"
_NOTE = ".sha256"
# A leftover of the cache's earlier format (pickled values): never read, always removed.
_OLD_FORMAT = ".pickle"


class _Manifest(BaseModel):
    build: int = 0
    used: dict[str, int] = {}


@dataclass(frozen=True)
class Pruned:
    """What pruning removed."""

    entries: int
    """Entries no recent build used (a file and the note of its hash count once)."""
    old_format: int
    """Files of the cache's earlier format."""
    size: int
    """Bytes freed."""
    kept: int = 0
    """Entries left."""
    removed: frozenset[str] = frozenset()
    """The removed files, relative to the cache folder."""


class CacheUses:
    """The use manifest of the cache in `root`. Entries are named by their path in the cache
    (`cases/<name>.json`); a file's `.sha256` note belongs to the file.

    Only a process that called `begin_build` records uses: a helper process (the prefill
    child) leaves no marks, and the files it wrote are new to the manifest at the next prune,
    which counts them as used by the current build.
    """

    def __init__(self, root: Path, *, write: Callable[[Path, bytes], None]) -> None:
        self.root = root
        self._file = root / USES_FILE
        self._write = write
        """How the manifest is written: atomically, so a reader never sees half of it."""
        self._changed = False
        self._counting = False
        manifest = _Manifest()
        with contextlib.suppress(OSError, ValueError, ValidationError):
            manifest = _Manifest.model_validate_json(self._file.read_bytes())
        self.build = manifest.build
        self._used = manifest.used

    def begin_build(self) -> bool:
        """Count a build; once per process, whose later rebuilds (a preview) count as the same
        build. Whether this call began it."""
        if self._counting:
            return False
        self.build += 1
        self._counting = True
        self._changed = True
        return True

    def mark(self, entry: str) -> None:
        """Record that this build used `entry`: a dictionary look-up, cheap enough for every
        read of the cache."""
        if self._counting and self._used.get(entry) != self.build:
            self._used[entry] = self.build
            self._changed = True

    def save(self, *, merge: bool = True) -> None:
        """Write the manifest if it changed, merged with what another build wrote meanwhile
        (the later of two marks wins). A failure only costs some entries a shorter life."""
        if not self._changed:
            return
        with contextlib.suppress(OSError, ValueError, ValidationError):
            other = _Manifest.model_validate_json(self._file.read_bytes()) if merge else None
            if other is not None:
                self.build = max(self.build, other.build)
                for entry, build in other.used.items():
                    if build > self._used.get(entry, -1):
                        self._used[entry] = build
        with contextlib.suppress(OSError):
            manifest = _Manifest(build=self.build, used=self._used)
            self._write(self._file, manifest.model_dump_json().encode())
            self._changed = False

    def prune(self, *, keep_builds: int, keep: frozenset[str] = frozenset()) -> Pruned:
        """Remove every entry that none of the last `keep_builds` builds used (during a build:
        the builds before it, and it), and every file of the earlier format. A file the
        manifest does not know yet (the prefill child's, or a cache from before manifests)
        counts as used now. `keep`: files at the top of the cache that are not entries."""
        latest = self.build - 1 if self._counting else self.build
        oldest_kept = latest - keep_builds + 1
        used: dict[str, int] = {}
        removed: set[str] = set()
        entries: set[str] = set()
        old_format = size = 0
        for path, relative in _files(self.root):
            if relative == USES_FILE or relative in keep:
                continue
            entry = relative.removesuffix(_NOTE)
            stale = relative.endswith(_OLD_FORMAT)
            if not stale:
                last = used.get(entry, self._used.get(entry, self.build))
                if last >= oldest_kept:
                    used[entry] = last
                    continue
            with contextlib.suppress(OSError):
                freed = os.lstat(path).st_size
                os.unlink(path)
                removed.add(relative)
                size += freed
                if stale:
                    old_format += 1
                else:
                    entries.add(entry)
        # Folders stay, even empty: another build may be about to write into one.
        replaced = used != self._used
        if replaced:
            self._used = used
            self._changed = True
        # Not merged when replaced: the manifest now lists exactly what is left.
        self.save(merge=not replaced)
        return Pruned(len(entries), old_format, size, len(used), frozenset(removed))


def _files(root: Path) -> list[tuple[str, str]]:
    """(path, path relative to `root` with '/') of every file and link under `root`."""
    found = []
    for folder, folders, names in os.walk(root):
        relative = os.path.relpath(folder, root)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        # A link to a folder is listed, never followed: pruning stays inside the cache.
        names += [name for name in folders if os.path.islink(os.path.join(folder, name))]
        for name in names:
            found.append((os.path.join(folder, name), prefix + name))
    return found
