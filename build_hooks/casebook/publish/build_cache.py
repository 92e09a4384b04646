"""A build cache keyed by content hashes, under .cache/casebook/; deleting it is always safe."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import pickle
import stat
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CACHE_DIR = Path(".cache/casebook")
# The whole core, not only publish/: any of its files can change a page.
_PACKAGE_DIR = Path(__file__).parent.parent
# Everything whose version can change a rendered page or a published image.
_DEPENDENCIES = ("pydantic", "pydantic_core", "PyYAML", "Jinja2", "citeproc-py", "pillow", "nh3")
# A file changed this recently may change again within the same clock tick without its stat
# changing, so its digest is not remembered (git's "racily clean" entries). The change time
# counts too: tools that copy files can set the modification time to the past, not that one.
_RACY_SECONDS = 2.0

# A damaged entry, or one pickled by a version of the core that renamed a class, is a miss.
_UNREADABLE = (
    OSError,
    pickle.PickleError,
    EOFError,
    ValueError,
    TypeError,
    AttributeError,
    ImportError,
)

_Stat = tuple[int, int, int, int, int]
_SHARED: dict[Path, BuildCache] = {}
_FINGERPRINT: dict[str, tuple[tuple[tuple[Path, _Stat], ...], str]] = {}


class BuildCache:
    """Pickled values under `root`, addressed by a key the caller derives from content.

    File digests are remembered by their full stat (size, times, inode) so that an unchanged
    figure is not read again on every build; the key itself is always the content's hash.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._memo_file = root / "digests.pickle"
        self._memo: dict[str, tuple[_Stat, str]] = {}
        self._memo_changed = False
        # Values read or written in this process: `mkdocs serve` rebuilds in one process, and a
        # key names its content, so a remembered value can never be out of date. A one-off
        # build turns this off: it reads each value once, and holding a thousand cases' output
        # for the whole build would add a third to its peak memory.
        self._values: dict[tuple[str, str], tuple[str, Any]] = {}
        self.remember_values = True
        self.folder_keys: dict[str, tuple[str, str]] = {}
        """Case folder -> (key prefix, key) its contents had at the last build in this process."""
        with contextlib.suppress(OSError, pickle.PickleError, EOFError, ValueError, TypeError):
            loaded = pickle.loads(self._memo_file.read_bytes())
            if isinstance(loaded, dict):
                self._memo = loaded

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

    def get(self, kind: str, name: str, *, key: str, remember: bool = True) -> Any | None:
        """The value stored for `name` under `key`; None if absent, stale or unreadable.
        `remember=False` keeps it out of memory, for values read once per change."""
        remembered = self._values.get((kind, name))
        if remembered is not None and remembered[0] == key:
            return remembered[1]
        try:
            with open(self._path(kind, name), "rb") as handle:
                if pickle.load(handle) != key:
                    return None
                value = pickle.load(handle)
        except _UNREADABLE:
            return None
        if remember and self.remember_values:
            self._values[kind, name] = (key, value)
        return value

    def holds(self, kind: str, name: str, *, key: str) -> bool:
        """Whether `get` would find a value, reading only the key in front of it."""
        remembered = self._values.get((kind, name))
        if remembered is not None and remembered[0] == key:
            return True
        try:
            with open(self._path(kind, name), "rb") as handle:
                return bool(pickle.load(handle) == key)
        except _UNREADABLE:
            return False

    def put(self, kind: str, name: str, value: Any, *, key: str, remember: bool = True) -> None:
        """Store `value` for `name`, replacing what was there: one entry per name, so the cache
        does not grow with every edit. The key is pickled on its own in front of the value, so
        that `holds` can check it without loading the value."""
        data = pickle.dumps(key, protocol=5) + pickle.dumps(value, protocol=5)
        write_atomically(self._path(kind, name), data)
        if remember and self.remember_values:
            self._values[kind, name] = (key, value)

    def save(self) -> None:
        """Persist the remembered file digests; a failure only costs re-reading next time."""
        if self._memo_changed:
            with contextlib.suppress(OSError):
                write_atomically(self._memo_file, pickle.dumps(self._memo, protocol=5))
            self._memo_changed = False

    def _path(self, kind: str, name: str) -> Path:
        return self.root / kind / f"{name}.pickle"


def write_atomically(target: Path, data: bytes) -> None:
    """Readers see the old file or the new one, never half of one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


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
