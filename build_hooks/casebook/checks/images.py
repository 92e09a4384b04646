"""Check an author's figure file reference before the image is published."""

from __future__ import annotations

import difflib
import io
import os
import stat
import warnings
from collections.abc import Callable
from functools import partial
from pathlib import Path, PurePosixPath

from PIL import Image, ImageCms

from casebook.checks.figure_paths import (
    FORMATS_BY_EXTENSION,
    extension_issues,
    one,
    path_issues,
    problem,
    show,
)
from casebook.checks.placeholders import placeholder_issues
from casebook.findings import Finding
from casebook.models import CaseFile, SiteSettings

# Large enough for any camera or slide-scanner export an author would crop to a figure, small
# enough that decoding cannot exhaust a build machine's memory (40 MP of RGBA is 160 MB).
MAX_FIGURE_PIXELS = 40_000_000

# Only these decoders ever see an author's bytes: no EPS (Ghostscript), no exotic plugins.
ALLOWED_FORMATS = ("PNG", "JPEG", "WEBP")

_FORMAT_NAMES = {"PNG": "PNG", "JPEG": "JPEG", "MPO": "JPEG", "WEBP": "WebP"}
_EXTENSION_FOR_FORMAT = {"PNG": ".png", "JPEG": ".jpg", "MPO": ".jpg", "WEBP": ".webp"}
# The site setting's default (max_figure_megabytes); the file is refused before it is read, so
# a 200 MB file costs the build nothing.
MAX_FIGURE_BYTES = int(SiteSettings.model_fields["max_figure_megabytes"].default * 1_000_000)


# (file, what else the verdict depends on, the check) -> the verdict, perhaps remembered.
ContentCheck = Callable[[Path, str, Callable[[], list[Finding]]], list[Finding]]


def check_figure_files(
    case: CaseFile,
    case_dir: Path,
    *,
    remembered: ContentCheck | None = None,
    max_bytes: int = MAX_FIGURE_BYTES,
) -> list[Finding]:
    """Every problem with the image files the case's figure panels name."""
    out: list[Finding] = []
    for i, figure in enumerate(case.figures):
        for j, panel in enumerate(figure.panels):
            if panel.file is None:
                continue  # a chart, drawn from the case data
            found = check_figure_file(
                case_dir, panel.file, remembered=remembered, max_bytes=max_bytes
            )
            at = ("figures", i, "panels", j)
            out.extend(f.under((*at, "file")) for f in found)
            if panel.placeholder and not found:
                path = case_dir / panel.file
                check = partial(placeholder_issues, path, panel.file)
                verdict = (
                    remembered(path, f"placeholder\0{panel.file}", check) if remembered else check()
                )
                out.extend(f.under((*at, "placeholder")) for f in verdict)
    return out


def check_figure_file(
    case_dir: Path,
    relative: str,
    *,
    max_pixels: int = MAX_FIGURE_PIXELS,
    max_bytes: int = MAX_FIGURE_BYTES,
    remembered: ContentCheck | None = None,
) -> list[Finding]:
    """Return every problem with `relative` (a path inside `case_dir`), as findings about that
    value (their path is empty); never raises. `remembered` may answer the slow part,
    decoding, from a verdict on the same bytes."""
    home = f"case_data/{case_dir.name}/"
    issues = path_issues(relative, home=home)
    if issues:
        return issues
    parts = PurePosixPath(relative).parts
    suffix = PurePosixPath(relative).suffix.lower()
    issues = extension_issues(relative, suffix)
    file_issues = _filesystem_issues(
        case_dir, parts, relative=relative, home=home, max_bytes=max_bytes
    )
    if file_issues or issues:
        return issues + file_issues
    path = case_dir.joinpath(*parts)
    check = partial(
        _content_issues, path, relative, suffix=suffix, home=home, max_pixels=max_pixels
    )
    return remembered(path, f"{relative}\0{home}\0{max_pixels}", check) if remembered else check()


def _filesystem_issues(
    case_dir: Path, parts: tuple[str, ...], *, relative: str, home: str, max_bytes: int
) -> list[Finding]:
    shown = show(relative)
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
                problem(
                    f"figure file {shown} {where} a symbolic link",
                    f"copy the real file into {home} instead of linking to it",
                )
            ]
            if not _stays_inside(case_dir, current):
                issues.append(
                    problem(
                        f"figure file {shown} leaves the case folder",
                        f"keep figure files inside {home}",
                    )
                )
            return issues
    if stat.S_ISDIR(info.st_mode):
        return [_folder(shown)]
    if not stat.S_ISREG(info.st_mode):
        return one(
            f"figure file {shown} is not a regular file",
            f"copy the image into {home} as an ordinary file",
        )
    if info.st_nlink > 1:
        # A hard link shares its content with another name, possibly outside the case folder:
        # editing or replacing that file would silently change the published figure.
        return one(
            f"figure file {shown} is a hard link ({info.st_nlink} names for the same file)",
            "replace it with a separate copy of the image",
        )
    if info.st_size > max_bytes:
        # Refused from its size on disk, before any of it is read.
        return one(
            f"figure file {shown} is {_megabytes(info.st_size)}, more than the"
            f" {_megabytes(max_bytes)} a figure may be",
            "export it smaller (about 3000 pixels on the long side is plenty), or raise"
            " max_figure_megabytes under extra.casebook in mkdocs.yml",
        )
    return []


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.3g} MB"


def _folder(shown: str) -> Finding:
    return problem(
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
    return problem(f"figure file {show(relative)} does not exist", hint)


def _unreadable(shown: str, error: OSError, *, home: str) -> Finding:
    reason = error.strerror or type(error).__name__
    return problem(
        f"figure file {shown} cannot be read ({reason})",
        f"check that the file in {home} is readable by the build",
    )


def _content_issues(
    path: Path, relative: str, *, suffix: str, home: str, max_pixels: int
) -> list[Finding]:
    shown = show(relative)
    expected = FORMATS_BY_EXTENSION[suffix]
    expected_name = _FORMAT_NAMES[expected[0]]
    too_large = problem(
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
            return one(
                f"figure file {shown} is not a {expected_name} image",
                "export the figure again as PNG, JPEG or WebP",
            )
        issues: list[Finding] = []
        if detected not in expected:
            issues.append(
                problem(
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
                problem(
                    f"figure file {shown} is animated ({frames} frames)",
                    "export a single still image",
                )
            )
        try:
            # verify() checks checksums but leaves the image unusable, so decode a second copy.
            with Image.open(path, formats=ALLOWED_FORMATS) as image:
                image.verify()
            with Image.open(path, formats=ALLOWED_FORMATS) as image:
                _decode_to_check(image)
        except Exception:
            issues.append(
                problem(
                    f"figure file {shown} is damaged or incomplete",
                    "copy or export the image again; "
                    "it may have been cut off while saving or downloading",
                )
            )
            return issues
    if profile is not None and not _readable_profile(profile):
        issues.append(
            problem(
                f"figure file {shown} has a colour profile that cannot be read",
                "export it again with an sRGB colour profile",
            )
        )
    return issues


def _decode_to_check(image: Image.Image) -> None:
    """Decode all of `image`, which finds a cut-off or damaged file. A JPEG is decoded at an
    eighth of its size: every byte of it is still read and decoded, but the pixels are not
    made (publishing decodes them once, in full); a quarter of the time for a 12 MP photo."""
    width, height = image.size
    image.draft(image.mode, (max(1, width // 8), max(1, height // 8)))
    image.load()


def _readable_profile(profile: object) -> bool:
    if not isinstance(profile, bytes):
        return False
    try:
        ImageCms.ImageCmsProfile(io.BytesIO(profile))
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return False
    return True
