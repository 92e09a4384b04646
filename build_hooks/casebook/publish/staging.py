"""Build into a staging folder and swap it in only when the build is good, so a failed build
leaves the last good site untouched."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
from pathlib import Path


class StagingError(Exception):
    """The site could not be written or swapped in; the message says what to free or fix."""


def staging_dir_for(target: Path) -> Path:
    """A fresh, empty sibling of `target` (same file system, so the swap is a rename). Staging
    folders that builds killed before they finished left behind are removed first."""
    remove_stale_staging(target)
    staging = target.parent / f".{target.name}.building-{os.getpid()}"
    discard(staging)
    return staging


def promote(staging: Path, target: Path) -> None:
    """Replace `target` with `staging`; the old site exists until the new one is in place. On
    failure the old site stays, the staged one is removed, and StagingError says why."""
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    try:
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
    except OSError as error:
        with contextlib.suppress(OSError):
            discard(staging)
        explained = explain_os_error(error, target)
        reason = f"could not put the new site in place at {target}: {error.strerror or error}"
        raise StagingError(explained or f"{reason}; the last good site is kept") from None


def discard(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def remove_stale_staging(target: Path) -> None:
    """Remove `.site.building-PID` and `.site.old-PID` folders whose build is no longer running."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(?:building|old)-(\d+)")
    # A site folder whose parent does not exist yet (`-d new/site`) has nothing stale.
    stale: list[Path] = []
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        stale = [
            Path(entry.path)
            for entry in entries
            if (found := pattern.fullmatch(entry.name)) and not _running(int(found[1]))
        ]
    for path in stale:
        with contextlib.suppress(OSError):
            discard(path)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this process's own leftover from an earlier build
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_WHAT_TO_DO = {
    errno.ENOSPC: "the disk is full: free some space on it and build again",
    errno.EDQUOT: "your disk quota is used up: free some space and build again",
    errno.EROFS: "it is on a read-only file system: build into a folder you can write "
    "(mkdocs build -d FOLDER)",
    errno.EBUSY: "it is in use by another program (a server or a file browser showing it): "
    "close that program and build again",
    errno.EACCES: "you have no permission to write there: fix the folder's permissions or "
    "build into another folder (mkdocs build -d FOLDER)",
    errno.EPERM: "you have no permission to write there: fix the folder's permissions or "
    "build into another folder (mkdocs build -d FOLDER)",
}


def explain_os_error(error: OSError, target: Path) -> str | None:
    """One line for a reader: which folder could not be written, and what to free or fix;
    None for an error that is not about writing the site (a missing source file, say)."""
    advice = _WHAT_TO_DO.get(error.errno or 0)
    if advice is None:
        return None
    return f"could not write the site to {target}: {advice}; the last good site is kept"
