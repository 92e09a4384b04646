"""Placeholder figures carry a mark that binds them to their pixels, so that `placeholder: true`
(which lets a panel of a patient-image kind through without image consent) is checked, not
taken on the author's word."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from PIL import Image, PngImagePlugin

from casebook.findings import Finding

# The PNG text chunk keyword; a JPEG carries the same text as its comment. The published copy
# is re-encoded without either (publish/images.py), so the mark never reaches readers.
MARK_KEY = "casebook-placeholder"
_MARK_PREFIX = "generated stand-in, not a patient image; pixels sha256:"


def placeholder_mark(image: Image.Image) -> str:
    """The mark for these pixels: editing the picture (pasting a photo into a placeholder)
    breaks it, even where an editor keeps the text."""
    # convert() copies even an RGB image: about 15% of checking a placeholder photograph.
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    digest = hashlib.sha256(f"{rgb.size}".encode() + rgb.tobytes()).hexdigest()
    return _MARK_PREFIX + digest


def save_placeholder(image: Image.Image, path: Path, *, quality: int = 85) -> None:
    """Write `image` as a marked placeholder, PNG or JPEG by the file's extension. A JPEG's
    pixels are known only once encoded, so it is encoded, decoded and marked; the comment
    does not change the encoded pixels."""
    if path.suffix.lower() == ".png":
        info = PngImagePlugin.PngInfo()
        info.add_text(MARK_KEY, placeholder_mark(image))
        image.save(path, "PNG", optimize=True, pnginfo=info)
        return
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    with Image.open(buffer) as encoded:
        mark = placeholder_mark(encoded)
    image.save(path, "JPEG", quality=quality, comment=f"{MARK_KEY}: {mark}".encode())


def is_marked_placeholder(path: Path) -> bool:
    """Whether the file holds the mark of its own pixels; any unreadable file holds none."""
    try:
        with Image.open(path, formats=("PNG", "JPEG")) as image:
            if image.format == "PNG":
                mark = getattr(image, "text", {}).get(MARK_KEY)
            else:
                comment = image.info.get("comment", b"")
                text = comment.decode("utf-8", "replace") if isinstance(comment, bytes) else ""
                mark = text.removeprefix(f"{MARK_KEY}: ") if text.startswith(MARK_KEY) else None
            return mark is not None and mark == placeholder_mark(image)
    # Pillow raises many types on malformed input; the file check reports why it is unusable.
    except Exception:
        return False


def placeholder_issues(path: Path, relative: str) -> list[Finding]:
    """The finding, about the panel's file value, when a panel marked placeholder is not one."""
    if is_marked_placeholder(path):
        return []
    return [
        Finding(
            (),
            f"figure file '{relative}' is marked 'placeholder: true' but is not a placeholder"
            " made by scripts/make_placeholder_images.py",
            "remove 'placeholder: true', and add 'images' to consent.scope if it shows the"
            " patient; or draw the stand-in with that script",
        )
    ]
