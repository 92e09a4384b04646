"""What a figure file's path says before the file is looked at: a URL, an absolute path, a
path out of the case folder, or a type that is not accepted."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from casebook.findings import Finding

# Pillow names the format it detected; MPO is how cameras store a JPEG with extra preview frames.
FORMATS_BY_EXTENSION: dict[str, tuple[str, ...]] = {
    ".png": ("PNG",),
    ".jpg": ("JPEG", "MPO"),
    ".jpeg": ("JPEG", "MPO"),
    ".webp": ("WEBP",),
}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_SHOWN_LENGTH = 80


def show(relative: str) -> str:
    # A data: URL can be megabytes long; the start is enough to recognise it.
    if len(relative) > _SHOWN_LENGTH:
        relative = relative[: _SHOWN_LENGTH - 3] + "..."
    return f"'{relative}'"


def path_issues(relative: str, *, home: str) -> list[Finding]:
    """Problems visible in the path text alone; any of them means the file is not looked at."""
    shown = show(relative)
    if not relative.strip():
        return [problem("figure file path is empty", f"give the image's path inside {home}")]
    if any(ord(char) < 32 or ord(char) == 127 for char in relative):
        return one(
            f"figure file {relative[:_SHOWN_LENGTH]!r} contains a control character",
            "retype the path; it may have been pasted with invisible characters",
        )
    # "C:/x.png" looks like a URL scheme but is a Windows absolute path.
    if relative.startswith("//") or (_SCHEME.match(relative) and not _DRIVE.match(relative)):
        return one(
            f"figure file {shown} is a URL, not a file in the case folder",
            f"save the image into {home}figures/ and give its path, e.g. figures/fig1.png",
        )
    if relative.startswith(("/", "\\")) or _DRIVE.match(relative):
        return one(
            f"figure file {shown} is an absolute path",
            f"write the path relative to {home}, e.g. figures/fig1.png",
        )
    if "\\" in relative:
        return one(
            f"figure file {shown} contains a backslash",
            "separate folders with '/', e.g. figures/fig1.png",
        )
    if ".." in PurePosixPath(relative).parts:
        return one(
            f"figure file {shown} leaves the case folder",
            f"keep figure files inside {home}",
        )
    return []


def one(message: str, hint: str) -> list[Finding]:
    return [problem(message, hint)]


def problem(message: str, hint: str) -> Finding:
    return Finding((), message, hint)


def extension_issues(relative: str, suffix: str) -> list[Finding]:
    shown = show(relative)
    if suffix in FORMATS_BY_EXTENSION:
        return []
    if suffix == ".svg":
        # Rejected outright rather than sanitised: an SVG can run scripts, load outside files and
        # embed HTML, and a sanitiser is one more parser to keep correct. A PNG export is safe.
        return one(
            f"figure file {shown} is an SVG drawing, which is not accepted",
            "export it as PNG; SVG files can carry scripts and links to outside files",
        )
    if not suffix:
        return one(
            f"figure file {shown} has no file extension",
            "name it with .png, .jpg, .jpeg or .webp to match its content",
        )
    return one(
        f"figure file {shown} has type '{suffix}', which is not accepted",
        "export the figure as PNG, JPEG or WebP",
    )
