"""A build cache keyed by content hashes, under .cache/casebook/; deleting it is always safe."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import os
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from casebook.publish.cache_uses import CacheUses
from casebook.publish.checked_files import (
    UNREADABLE_FILE,
    entry_bytes,
    entry_header,
    note_damaged,
    note_path,
    read_entry,
    write_atomically,
)

T = TypeVar("T")

CACHE_DIR = Path(".cache/casebook")
MEMO_FILE = "digests.json"
# The whole core, not only publish/: any of its files can change a page.
_PACKAGE_DIR = Path(__file__).parent.parent
# Everything whose version can change a rendered page or a published image.
_DEPENDENCIES = (
    "pydantic",
    "pydantic_core",
    "PyYAML",
    "Jinja2",
    "citeproc-py",
    "pillow",
    "nh3",
    "typst",
    "Markdown",
)
# A file changed this recently may change again within the same clock tick without its stat
# changing, so its digest is not remembered (git's "racily clean" entries). The change time
# counts too: tools that copy files can set the modification time to the past, not that one.
_RACY_SECONDS = 2.0

# A damaged entry, or one written by a version of the core whose types differ, is a miss.
# Values are JSON read back through the declared type, never pickle: anyone who can write the
# cache (a CI cache restored on another branch) could make unpickling run their code.
_UNREADABLE = (*UNREADABLE_FILE, ValidationError)
_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}

_Stat = tuple[int, int, int, int, int]
_SHARED: dict[Path, BuildCache] = {}
_FINGERPRINT: dict[str, tuple[tuple[tuple[Path, _Stat], ...], str]] = {}


class BuildCache:
    """Typed values under `root`, addressed by a key the caller derives from content; each entry
    holds the SHA-256 of its bytes and is checked against it on every read.

    File digests are remembered by their full stat (size, times, inode) so that an unchanged
    figure is not read again on every build; the key itself is always the content's hash.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._memo_file = root / MEMO_FILE
        self._memo: dict[str, tuple[_Stat, str]] = {}
        self._memo_changed = False
        # Values read or written in this process: `mkdocs serve` rebuilds in one process, and a
        # key names its content, so a remembered value can never be out of date. A one-off
        # build turns this off: it reads each value once, and holding a thousand cases' output
        # for the whole build would add a third to its peak memory.
        self._values: dict[tuple[str, str], tuple[str, Any]] = {}
        self.remember_values = True
        self.folder_keys: dict[str, tuple[str, str]] = {}
        self._held: dict[tuple[str, str], str] = {}
        """(file, label) -> the digest its note was last found to match, in this process."""
        """Case folder -> (key prefix, key) its contents had at the last build in this process."""
        clear_obstacles(root)
        with contextlib.suppress(*_UNREADABLE):
            self._memo = _adapter(dict[str, tuple[_Stat, str]]).validate_json(
                self._memo_file.read_bytes()
            )
        self.uses = CacheUses(root, write=write_atomically)
        """Which build last used each entry; `get`, `holds` and `put` record their own."""

    def file_digest(self, path: str | os.PathLike[str]) -> str:
        """SHA-256 of the file's bytes; raises OSError when it cannot be read."""
        name = os.fspath(path)
        return self._digest(name, os.stat(name))

    def _digest(self, name: str, info: os.stat_result) -> str:
        signature = _signature(info)
        remembered = self._memo.get(name)
        if remembered is not None and remembered[0] == signature:
            return remembered[1]
        with open(name, "rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        if _settled(signature):
            self._memo[name] = (signature, digest)
            self._memo_changed = True
        return digest

    def tree_digest(self, folder: str | os.PathLike[str]) -> str | None:
        """Digest of everything under `folder` that a build can see: names, kinds, link counts
        and targets, and file contents. None when something cannot be read."""
        hasher = hashlib.sha256()
        try:
            self._add_tree(hasher, os.fspath(folder), "")
        except OSError:
            return None
        return hasher.hexdigest()

    def _add_tree(self, hasher: Any, folder: str, prefix: str) -> None:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
        for entry in entries:
            name = prefix + entry.name
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISDIR(info.st_mode):
                hasher.update(f"d {name}\0".encode())
                self._add_tree(hasher, entry.path, name + "/")
            elif stat.S_ISLNK(info.st_mode):
                hasher.update(f"l {name}\0{os.readlink(entry.path)}\0".encode())
            elif stat.S_ISREG(info.st_mode):
                digest = self._digest(entry.path, info)
                hasher.update(f"f {name}\0{info.st_nlink}\0{digest}\0".encode())
            else:
                hasher.update(f"o {name}\0".encode())

    @classmethod
    def shared(cls, root: Path) -> BuildCache:
        """The one cache object for `root` in this process, so rebuilds reuse what it read."""
        found = _SHARED.get(root)
        if found is None:
            found = _SHARED[root] = cls(root)
        return found

    def get(
        self, kind: str, name: str, *, key: str, type_: type[T], remember: bool = True
    ) -> T | None:
        """The value stored for `name` under `key`, read back as `type_`; None if absent, stale,
        damaged or unreadable. `remember=False` keeps it out of memory, for values read once
        per change."""
        self.uses.mark(f"{kind}/{name}.json")
        remembered = self._values.get((kind, name))
        if remembered is not None and remembered[0] == key:
            return remembered[1]  # type: ignore[no-any-return]
        path = self._path(kind, name)
        try:
            payload = read_entry(path, key=key)
            if payload is None:
                return None
            value: T = payload if type_ is bytes else _adapter(type_).validate_json(payload)  # type: ignore[assignment]
        except _UNREADABLE:
            note_damaged(path)
            return None
        if remember and self.remember_values:
            self._values[kind, name] = (key, value)
        return value

    def holds(self, kind: str, name: str, *, key: str) -> bool:
        """Whether an entry for `name` under `key` is stored, reading only its header: `get`
        still checks its bytes."""
        self.uses.mark(f"{kind}/{name}.json")
        remembered = self._values.get((kind, name))
        if remembered is not None and remembered[0] == key:
            return True
        try:
            with open(self._path(kind, name), "rb") as handle:
                header = entry_header(handle)
        except _UNREADABLE:
            return False
        return header is not None and header.get("key") == key

    def put(self, kind: str, name: str, value: Any, *, key: str, remember: bool = True) -> None:
        """Store `value` for `name`, replacing what was there: one entry per name, so the cache
        does not grow with every edit. A header line in front of the value holds the key and
        the value's hash, so that `holds` can check the key without reading the value."""
        self.uses.mark(f"{kind}/{name}.json")
        payload = value if isinstance(value, bytes) else _adapter(type(value)).dump_json(value)
        write_atomically(self._path(kind, name), entry_bytes(payload, key=key))
        if remember and self.remember_values:
            self._values[kind, name] = (key, value)

    def holds_file(self, target: Path, *, label: str) -> bool:
        """Whether `target` holds what `write_checked` stored there for `label`, by its note
        and its remembered digest: a check that reads no unchanged file again. A file found
        intact before whose digest is still the same is not checked against its note again:
        a preview checks a thousand PDFs on every rebuild."""
        held = (os.fspath(target), label)
        try:
            digest = self.file_digest(target)
            if self._held.get(held) == digest:
                return True
            note = json.loads(note_path(target).read_bytes())
        except FileNotFoundError:
            return False
        except _UNREADABLE:
            note_damaged(target)
            return False
        if not isinstance(note, dict) or note.get("label") != label or note.get("sha256") != digest:
            note_damaged(target)
            return False
        self._held[held] = digest
        return True

    def save(self) -> None:
        """Persist the remembered file digests and the entries' uses; a failure only costs
        re-reading next time."""
        self.uses.save()
        if self._memo_changed:
            with contextlib.suppress(OSError):
                data = _adapter(dict[str, tuple[_Stat, str]]).dump_json(self._memo)
                write_atomically(self._memo_file, data)
            self._memo_changed = False

    def forget_digests(self, gone: Callable[[str], bool]) -> None:
        """Forget the remembered digests of the files `gone` names (pruned, deleted)."""
        kept = {name: found for name, found in self._memo.items() if not gone(name)}
        if len(kept) != len(self._memo):
            self._memo = kept
            self._memo_changed = True

    def _path(self, kind: str, name: str) -> Path:
        return self.root / kind / f"{name}.json"


def _adapter(type_: Any) -> TypeAdapter[Any]:
    found = _ADAPTERS.get(type_)
    if found is None:
        found = _ADAPTERS[type_] = TypeAdapter(type_)
    return found


def clear_obstacles(root: Path) -> None:
    """Remove anything that is not a folder where the cache's folders belong (a `.cache` file,
    say): the cache is ours, and a damaged one is treated as absent, never as fatal."""
    for folder in (root.parent, root):
        with contextlib.suppress(OSError):
            if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
                note_damaged(folder)
                folder.unlink()


def core_fingerprint() -> str:
    """Digest of the core's code, templates and data, and of the versions it runs on: any
    change here may change every page, so it is part of every cache key."""
    files = [
        path
        for path in sorted(_PACKAGE_DIR.rglob("*"))
        if "__pycache__" not in path.parts and path.is_file()
    ]
    # Reading every file took a fiftieth of a second, several times per preview rebuild; an
    # unchanged listing with unchanged stats (not racily recent) means unchanged contents.
    signature = tuple((path, _signature(path.stat())) for path in files)
    remembered = _FINGERPRINT.get("signature")
    if remembered is not None and remembered[0] == signature:
        return remembered[1]
    hasher = hashlib.sha256(sys.version.encode())
    for name in _DEPENDENCIES:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            hasher.update(f"{name}={importlib.metadata.version(name)}\0".encode())
    for path in files:
        hasher.update(f"{path.relative_to(_PACKAGE_DIR).as_posix()}\0".encode())
        hasher.update(hashlib.sha256(path.read_bytes()).digest())
    fingerprint = hasher.hexdigest()
    if all(_settled(stat_) for _, stat_ in signature):
        _FINGERPRINT["signature"] = (signature, fingerprint)
    return fingerprint


def _signature(info: os.stat_result) -> _Stat:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def _settled(signature: _Stat) -> bool:
    """Whether a file with this stat is old enough for the stat to stand for its contents."""
    return time.time() - max(signature[1], signature[2]) / 1e9 > _RACY_SECONDS
