"""The chunks of a PNG file and the segments of a JPEG file, read from their bytes without
decoding any pixels."""

from __future__ import annotations

import re
import struct
from typing import NamedTuple

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SOI, JPEG_SOS, JPEG_EOI, JPEG_COM = 0xD8, 0xDA, 0xD9, 0xFE
# Kinds of JPEG piece that are not segments: a scan's coded pixels, and bytes after the end.
JPEG_SCAN_DATA, JPEG_TRAILER = 0x100, 0x101
# Markers that stand alone, without a length: TEM and the restart markers.
_BARE_MARKERS = frozenset({0x01, *range(0xD0, 0xD8)})
# In a scan's coded data 0xFF is followed by a stuffed zero, a restart marker or more 0xFF;
# anything else ends the scan.
_END_OF_SCAN = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")


class Piece(NamedTuple):
    """A PNG chunk (kind: its four-letter type) or a piece of a JPEG (kind: its marker, or
    JPEG_SCAN_DATA, or JPEG_TRAILER)."""

    kind: bytes | int
    payload: bytes
    whole: bytes
    """The piece as it is in the file, with its length, type and checksum or marker."""


def png_chunks(data: bytes) -> list[Piece] | None:
    """Every chunk after the signature, or None for a file that is not PNG, is cut short, or
    goes on after its IEND chunk (see png_trailer)."""
    split = _png_split(data)
    return split[0] if split is not None and not split[1] else None


def png_trailer(data: bytes) -> bytes:
    """What a PNG file holds after its IEND chunk (another file appended, say); empty for a
    file that ends there, or is not PNG."""
    split = _png_split(data)
    return split[1] if split is not None else b""


def _png_split(data: bytes) -> tuple[list[Piece], bytes] | None:
    if not data.startswith(PNG_SIGNATURE):
        return None
    chunks, at = [], len(PNG_SIGNATURE)
    while at < len(data):
        if at + 12 > len(data):
            return None
        (length,) = struct.unpack(">I", data[at : at + 4])
        end = at + 12 + length
        if end > len(data):
            return None
        chunks.append(Piece(data[at + 4 : at + 8], data[at + 8 : end - 4], data[at:end]))
        at = end
        if chunks[-1].kind == b"IEND":
            return chunks, data[at:]
    return chunks, b""


def jpeg_pieces(data: bytes) -> list[Piece] | None:
    """The first image of a JPEG file, piece by piece from SOI to EOI (each scan's coded data
    one piece), then anything after it as one JPEG_TRAILER piece; the pieces joined are the
    file. None for a file that is not laid out as JPEG or is cut short."""
    if not data.startswith(b"\xff\xd8"):
        return None
    pieces, at = [Piece(JPEG_SOI, b"", data[:2])], 2
    while at < len(data):
        if data[at] != 0xFF or at + 2 > len(data):
            return None
        marker = data[at + 1]
        if marker == JPEG_EOI:
            pieces.append(Piece(marker, b"", data[at : at + 2]))
            if at + 2 < len(data):
                pieces.append(Piece(JPEG_TRAILER, b"", data[at + 2 :]))
            return pieces
        if marker in _BARE_MARKERS or marker == 0xFF:
            # A restart marker, TEM, or a fill byte before a marker: two bytes or one.
            width = 1 if marker == 0xFF else 2
            pieces.append(Piece(marker, b"", data[at : at + width]))
            at += width
            continue
        if at + 4 > len(data):
            return None
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        end = at + 2 + length
        if length < 2 or end > len(data):
            return None
        pieces.append(Piece(marker, data[at + 4 : end], data[at:end]))
        at = end
        if marker == JPEG_SOS:
            found = _END_OF_SCAN.search(data, at)
            if found is None:
                return None
            pieces.append(Piece(JPEG_SCAN_DATA, b"", data[at : found.start()]))
            at = found.start()
    return None  # no end of image
