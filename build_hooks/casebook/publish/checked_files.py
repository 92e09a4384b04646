"""The build cache's files as bytes on disk: written atomically, each checked against the hash
it was written with when read back, and the damaged ones noted.

Python's standard library only: the typesetter's own process (casebook.publish.typst_worker)
reads and writes the cache with these and nothing of the case model.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

# What reading a damaged file can raise; the cache treats each as a miss.
UNREADABLE_FILE = (OSError, ValueError, UnicodeDecodeError, MemoryError)
_DAMAGED: list[str] = []


def note_damaged(path: Path) -> None:
    """Remember that an entry was damaged, so the build can say so once; it is recomputed."""
    if path.exists() or path.is_symlink():
        _DAMAGED.append(os.fspath(path))


def take_damaged() -> list[str]:
    """The damaged entries met since the last call, and forget them."""
    found = list(_DAMAGED)
    _DAMAGED.clear()
    return found


def write_atomically(target: Path, data: bytes) -> None:
    """Readers see the old file or the new one, never half of one. A folder standing where the
    file belongs (a damaged cache) is removed first."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_dir() and not target.is_symlink():
        note_damaged(target)
        shutil.rmtree(target)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def entry_bytes(payload: bytes, *, key: str) -> bytes:
    """An entry as stored: a header line with its key and the payload's hash, then the payload;
    the header lets the key be checked without reading the value."""
    header = json.dumps({"key": key, "sha256": hashlib.sha256(payload).hexdigest()})
    return header.encode() + b"\n" + payload


def read_entry(path: Path, *, key: str) -> bytes | None:
    """The payload `entry_bytes` stored at `path` under `key`; None when absent or stored under
    another key (stale, not damaged). Raises one of UNREADABLE_FILE when it is damaged."""
    try:
        with open(path, "rb") as handle:
            header = entry_header(handle)
            if header is None:
                raise ValueError("no header")
            if header.get("key") != key:
                return None
            payload = handle.read()
    except FileNotFoundError:
        return None
    if hashlib.sha256(payload).hexdigest() != header.get("sha256"):
        raise ValueError("the payload is not what was written")
    return payload


def entry_header(handle: Any) -> dict[str, Any] | None:
    # A header is short; a damaged file without a line break must not be read whole.
    line = handle.readline(4096)
    if not line.endswith(b"\n"):
        return None
    header = json.loads(line)
    return header if isinstance(header, dict) else None


def write_checked(target: Path, data: bytes, *, label: str) -> None:
    """Write a published file into the cache with a note beside it of what it is and the hash
    of its bytes, for `read_checked`: the file itself is published as it is."""
    write_atomically(target, data)
    note = json.dumps({"label": label, "sha256": hashlib.sha256(data).hexdigest()})
    write_atomically(note_path(target), note.encode())


def read_checked(target: Path, *, label: str) -> bytes | None:
    """The bytes `write_checked` stored at `target` for `label`; None when absent, or when the
    file or its note is damaged or belongs to something else (a swapped or truncated file)."""
    try:
        note = json.loads(note_path(target).read_bytes())
        data = target.read_bytes()
    except FileNotFoundError:
        return None
    except UNREADABLE_FILE:
        note_damaged(target)
        return None
    if (
        not isinstance(note, dict)
        or note.get("label") != label
        or note.get("sha256") != hashlib.sha256(data).hexdigest()
    ):
        note_damaged(target)
        return None
    return data


def note_path(target: Path) -> Path:
    return target.with_name(target.name + ".sha256")
