"""Placeholder figures carry a mark that binds them to their file, so that `placeholder: true`
(which lets a panel of a patient-image kind through without image consent) is checked, not
taken on the author's word."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from pathlib import Path

from PIL import Image

from casebook.findings import Finding
from casebook.source import JPEG_COM, JPEG_SOI, PNG_SIGNATURE, jpeg_pieces, png_chunks

# The PNG text chunk keyword; a JPEG carries the same text as its comment. The published copy
# is re-encoded without either (publish/images.py), so the mark never reaches readers.
MARK_KEY = "casebook-placeholder"
_STAND_IN = "generated stand-in, not a patient image;"
# The mark is the hash of the file without the mark. Any edit of the picture (a photo pasted
# into a placeholder, even where an editor keeps the text) changes the file and breaks it,
# and checking it reads the file's bytes instead of decoding its pixels, which was 13 ms of the
# 90 of loading and rendering a synthetic case with five placeholders.
_FILE_PREFIX = f"{_STAND_IN} file sha256:"
# Marks made before: the hash of the decoded pixels. They are still honoured, at the cost of
# the decode, so that stand-ins drawn with an older Casebook need not be drawn again.
_PIXELS_PREFIX = f"{_STAND_IN} pixels sha256:"

_PNG_MARK = MARK_KEY.encode("latin-1") + b"\0"
_JPEG_MARK = f"{MARK_KEY}: ".encode()


def _split_mark(data: bytes) -> tuple[str | None, bytes] | None:
    """The file's mark (if any) and its bytes without the mark's chunk or comment; None for a
    file that is neither PNG nor JPEG. Only the first mark is taken out: a second one stays in
    the bytes, so it cannot match."""
    mark: str | None = None
    kept: list[bytes] = []
    if (chunks := png_chunks(data)) is not None:
        kept.append(PNG_SIGNATURE)
        for chunk in chunks:
            if mark is None and chunk.kind == b"tEXt" and chunk.payload.startswith(_PNG_MARK):
                mark = chunk.payload[len(_PNG_MARK) :].decode("latin-1")
            else:
                kept.append(chunk.whole)
    elif (pieces := jpeg_pieces(data)) is not None:
        for piece in pieces:
            if mark is None and piece.kind == JPEG_COM and piece.payload.startswith(_JPEG_MARK):
                mark = piece.payload[len(_JPEG_MARK) :].decode("utf-8", "replace")
            else:
                kept.append(piece.whole)
    else:
        return None
    return mark, b"".join(kept)


def _file_mark(unmarked: bytes) -> str:
    return _FILE_PREFIX + hashlib.sha256(unmarked).hexdigest()


def _with_mark(data: bytes) -> bytes:
    """`data`, an unmarked PNG or JPEG, with its mark: a text chunk after the PNG header, or a
    comment after the JPEG's application segments (where JFIF wants APP0 first)."""
    mark = _file_mark(data)
    if data.startswith(PNG_SIGNATURE):
        payload = _PNG_MARK + mark.encode("latin-1")
        chunk = b"tEXt" + payload
        packed = struct.pack(">I", len(payload)) + chunk + struct.pack(">I", zlib.crc32(chunk))
        header_end = len(PNG_SIGNATURE) + 25  # IHDR is always first, and 13 bytes long
        return data[:header_end] + packed + data[header_end:]
    pieces = jpeg_pieces(data)
    if pieces is None:
        raise ValueError("not a JPEG file")
    at = 0
    for piece in pieces:
        if piece.kind != JPEG_SOI and not (
            isinstance(piece.kind, int) and 0xE0 <= piece.kind <= 0xEF
        ):
            break
        at += len(piece.whole)
    payload = _JPEG_MARK + mark.encode()
    return data[:at] + b"\xff\xfe" + struct.pack(">H", len(payload) + 2) + payload + data[at:]


def _pixels_mark(image: Image.Image) -> str:
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    return _PIXELS_PREFIX + hashlib.sha256(f"{rgb.size}".encode() + rgb.tobytes()).hexdigest()


def save_placeholder(image: Image.Image, path: Path, *, quality: int = 85) -> None:
    """Write `image` as a marked placeholder, PNG or JPEG by the file's extension."""
    buffer = io.BytesIO()
    if path.suffix.lower() == ".png":
        image.save(buffer, "PNG", optimize=True)
    else:
        image.save(buffer, "JPEG", quality=quality)
    path.write_bytes(_with_mark(buffer.getvalue()))


def is_marked_placeholder(path: Path) -> bool:
    """Whether the file holds the mark of its own bytes (or, made before, of its pixels); any
    unreadable file holds none."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    split = _split_mark(data)
    if split is None:
        return False
    mark, unmarked = split
    if mark is None:
        return False
    if mark.startswith(_FILE_PREFIX):
        return mark == _file_mark(unmarked)
    if not mark.startswith(_PIXELS_PREFIX):
        return False
    try:
        with Image.open(io.BytesIO(data), formats=("PNG", "JPEG")) as image:
            return mark == _pixels_mark(image)
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
