"""Check an author's figure file reference before the image is published."""

from __future__ import annotations

import difflib
import io
import os
import re
import stat
import warnings
from collections.abc import Callable
from functools import partial
from pathlib import Path, PurePosixPath

from PIL import Image, ImageCms

from casebook.findings import Finding
from casebook.models import CaseFile

# Large enough for any camera or slide-scanner export an author would crop to a figure, small
# enough that decoding cannot exhaust a build machine's memory (40 MP of RGBA is 160 MB).
MAX_FIGURE_PIXELS = 40_000_000

# Pillow names the format it detected; MPO is how cameras store a JPEG with extra preview frames.
FORMATS_BY_EXTENSION: dict[str, tuple[str, ...]] = {
    ".png": ("PNG",),
    ".jpg": ("JPEG", "MPO"),
    ".jpeg": ("JPEG", "MPO"),
    ".webp": ("WEBP",),
}
# Only these decoders ever see an author's bytes: no EPS (Ghostscript), no exotic plugins.
ALLOWED_FORMATS = ("PNG", "JPEG", "WEBP")

_FORMAT_NAMES = {"PNG": "PNG", "JPEG": "JPEG", "MPO": "JPEG", "WEBP": "WebP"}
_EXTENSION_FOR_FORMAT = {"PNG": ".png", "JPEG": ".jpg", "MPO": ".jpg", "WEBP": ".webp"}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_SHOWN_LENGTH = 80


# (file, what else the verdict depends on, the check) -> the verdict, perhaps remembered.
ContentCheck = Callable[[Path, str, Callable[[], list[Finding]]], list[Finding]]


def check_figure_files(
    case: CaseFile, case_dir: Path, *, remembered: ContentCheck | None = None
) -> list[Finding]:
    """Every problem with the image files the case's figure panels name."""
    out: list[Finding] = []
    for i, figure in enumerate(case.figures):
        for j, panel in enumerate(figure.panels):
            if panel.file is None:
                continue  # a chart, drawn from the case data
            found = check_figure_file(case_dir, panel.file, remembered=remembered)
            out.extend(f.under(("figures", i, "panels", j, "file")) for f in found)
    return out


def check_figure_file(
    case_dir: Path,
    relative: str,
    *,
    max_pixels: int = MAX_FIGURE_PIXELS,
    remembered: ContentCheck | None = None,
) -> list[Finding]:
    """Return every problem with `relative` (a path inside `case_dir`), as findings about that
    value (their path is empty); never raises. `remembered` may answer the slow part,
    decoding, from a verdict on the same bytes."""
    home = f"case_data/{case_dir.name}/"
    issues = _path_issues(relative, home=home)
    if issues:
        return issues
    parts = PurePosixPath(relative).parts
    suffix = PurePosixPath(relative).suffix.lower()
    issues = _extension_issues(relative, suffix)
    file_issues = _filesystem_issues(case_dir, parts, relative=relative, home=home)
    if file_issues or issues:
        return issues + file_issues
    path = case_dir.joinpath(*parts)
    check = partial(
        _content_issues, path, relative, suffix=suffix, home=home, max_pixels=max_pixels
    )
    return remembered(path, f"{relative}\0{home}\0{max_pixels}", check) if remembered else check()


def _show(relative: str) -> str:
    # A data: URL can be megabytes long; the start is enough to recognise it.
    if len(relative) > _SHOWN_LENGTH:
        relative = relative[: _SHOWN_LENGTH - 3] + "..."
    return f"'{relative}'"


def _path_issues(relative: str, *, home: str) -> list[Finding]:
    """Problems visible in the path text alone; any of them means the file is not looked at."""
    shown = _show(relative)
    if not relative.strip():
        return [_problem("figure file path is empty", f"give the image's path inside {home}")]
    if any(ord(char) < 32 or ord(char) == 127 for char in relative):
        return _one(
            f"figure file {relative[:_SHOWN_LENGTH]!r} contains a control character",
            "retype the path; it may have been pasted with invisible characters",
        )
    # "C:/x.png" looks like a URL scheme but is a Windows absolute path.
    if relative.startswith("//") or (_SCHEME.match(relative) and not _DRIVE.match(relative)):
        return _one(
            f"figure file {shown} is a URL, not a file in the case folder",
            f"save the image into {home}figures/ and give its path, e.g. figures/fig1.png",
        )
    if relative.startswith(("/", "\\")) or _DRIVE.match(relative):
        return _one(
            f"figure file {shown} is an absolute path",
            f"write the path relative to {home}, e.g. figures/fig1.png",
        )
    if "\\" in relative:
        return _one(
            f"figure file {shown} contains a backslash",
            "separate folders with '/', e.g. figures/fig1.png",
        )
    if ".." in PurePosixPath(relative).parts:
        return _one(
            f"figure file {shown} leaves the case folder",
            f"keep figure files inside {home}",
        )
    return []


def _one(message: str, hint: str) -> list[Finding]:
    return [_problem(message, hint)]


def _problem(message: str, hint: str) -> Finding:
    return Finding((), message, hint)


def _extension_issues(relative: str, suffix: str) -> list[Finding]:
    shown = _show(relative)
    if suffix in FORMATS_BY_EXTENSION:
        return []
    if suffix == ".svg":
        # Rejected outright rather than sanitised: an SVG can run scripts, load outside files and
        # embed HTML, and a sanitiser is one more parser to keep correct. A PNG export is safe.
        return _one(
            f"figure file {shown} is an SVG drawing, which is not accepted",
            "export it as PNG; SVG files can carry scripts and links to outside files",
        )
    if not suffix:
        return _one(
            f"figure file {shown} has no file extension",
            "name it with .png, .jpg, .jpeg or .webp to match its content",
        )
    return _one(
        f"figure file {shown} has type '{suffix}', which is not accepted",
        "export the figure as PNG, JPEG or WebP",
    )


def _filesystem_issues(
    case_dir: Path, parts: tuple[str, ...], *, relative: str, home: str
) -> list[Finding]:
    shown = _show(relative)
    current = case_dir
    if not parts:  # "." names the case folder itself
        return [_folder(shown)]
    for depth, part in enumerate(parts):
        current = current / part
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            return [_missing(case_dir, parts, relative=relative, home=home)]
        except OSError as error:
            return [_unreadable(shown, error, home=home)]
        if stat.S_ISLNK(info.st_mode):
            # A link can point anywhere, including an unanonymised original elsewhere on disk.
            where = "is"
            if depth < len(parts) - 1:
                where = f"goes through '{'/'.join(parts[: depth + 1])}', which is"
            issues = [
                _problem(
                    f"figure file {shown} {where} a symbolic link",
                    f"copy the real file into {home} instead of linking to it",
                )
            ]
            if not _stays_inside(case_dir, current):
                issues.append(
                    _problem(
                        f"figure file {shown} leaves the case folder",
                        f"keep figure files inside {home}",
                    )
                )
            return issues
    if stat.S_ISDIR(info.st_mode):
        return [_folder(shown)]
    if not stat.S_ISREG(info.st_mode):
        return _one(
            f"figure file {shown} is not a regular file",
            f"copy the image into {home} as an ordinary file",
        )
    if info.st_nlink > 1:
        # A hard link shares its content with another name, possibly outside the case folder:
        # editing or replacing that file would silently change the published figure.
        return _one(
            f"figure file {shown} is a hard link ({info.st_nlink} names for the same file)",
            "replace it with a separate copy of the image",
        )
    return []


def _folder(shown: str) -> Finding:
    return _problem(
        f"figure file {shown} is a folder, not a file",
        "give the path of the image file inside the folder",
    )


def _stays_inside(case_dir: Path, path: Path) -> bool:
    try:
        return path.resolve().is_relative_to(case_dir.resolve())
    except (OSError, RuntimeError):
        return False


def _missing(case_dir: Path, parts: tuple[str, ...], *, relative: str, home: str) -> Finding:
    hint = f"paths are relative to {home} and case-sensitive"
    folder = case_dir.joinpath(*parts[:-1])
    try:
        siblings = sorted(entry.name for entry in folder.iterdir() if entry.is_file())
    except OSError:
        siblings = []
    close = difflib.get_close_matches(parts[-1], siblings, n=1)
    if close:
        suggestion = "/".join((*parts[:-1], close[0]))
        hint = f"did you mean '{suggestion}'? {hint}"
    return _problem(f"figure file {_show(relative)} does not exist", hint)


def _unreadable(shown: str, error: OSError, *, home: str) -> Finding:
    reason = error.strerror or type(error).__name__
    return _problem(
        f"figure file {shown} cannot be read ({reason})",
        f"check that the file in {home} is readable by the build",
    )


def _content_issues(
    path: Path, relative: str, *, suffix: str, home: str, max_pixels: int
) -> list[Finding]:
    shown = _show(relative)
    expected = FORMATS_BY_EXTENSION[suffix]
    expected_name = _FORMAT_NAMES[expected[0]]
    too_large = _problem(
        f"figure file {shown} is too large (more than {max_pixels / 1e6:g} megapixels)",
        "scale it down; about 3000 pixels on the long side is plenty for a figure",
    )
    with warnings.catch_warnings():
        # Pillow only warns between its own limit and twice that; treat the warning as a failure.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(path, formats=ALLOWED_FORMATS) as image:
                detected = image.format or ""
                size = image.size
                frames = getattr(image, "n_frames", 1)
                profile = image.info.get("icc_profile")
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            return [too_large]
        except PermissionError as error:
            return [_unreadable(shown, error, home=home)]
        # Pillow's decoders raise many exception types on malformed input (SyntaxError, struct
        # errors, ValueError); any failure here means the file is unusable, never a build crash.
        except Exception:
            return _one(
                f"figure file {shown} is not a {expected_name} image",
                "export the figure again as PNG, JPEG or WebP",
            )
        issues: list[Finding] = []
        if detected not in expected:
            issues.append(
                _problem(
                    f"figure file {shown} contains a {_FORMAT_NAMES[detected]} image "
                    f"but its name ends in '{suffix}'",
                    f"rename it to end in '{_EXTENSION_FOR_FORMAT[detected]}', "
                    f"or export it again as {expected_name}",
                )
            )
        if size[0] * size[1] > max_pixels:
            return [*issues, too_large]
        if frames > 1 and detected != "MPO":
            issues.append(
                _problem(
                    f"figure file {shown} is animated ({frames} frames)",
                    "export a single still image",
                )
            )
        try:
            # verify() checks checksums but leaves the image unusable, so decode a second copy.
            with Image.open(path, formats=ALLOWED_FORMATS) as image:
                image.verify()
            with Image.open(path, formats=ALLOWED_FORMATS) as image:
                image.load()
        except Exception:
            issues.append(
                _problem(
                    f"figure file {shown} is damaged or incomplete",
                    "copy or export the image again; "
                    "it may have been cut off while saving or downloading",
                )
            )
            return issues
    if profile is not None and not _readable_profile(profile):
        issues.append(
            _problem(
                f"figure file {shown} has a colour profile that cannot be read",
                "export it again with an sRGB colour profile",
            )
        )
    return issues


def _readable_profile(profile: object) -> bool:
    if not isinstance(profile, bytes):
        return False
    try:
        ImageCms.ImageCmsProfile(io.BytesIO(profile))
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return False
    return True
