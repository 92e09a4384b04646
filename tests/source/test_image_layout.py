"""Image files split into their PNG chunks and JPEG pieces, without decoding pixels."""

from __future__ import annotations

import io

from casebook.source import (
    JPEG_COM,
    JPEG_EOI,
    JPEG_SCAN_DATA,
    JPEG_SOI,
    JPEG_SOS,
    JPEG_TRAILER,
    PNG_SIGNATURE,
    jpeg_pieces,
    png_chunks,
    png_trailer,
)

from ..support.images import annotated_png, camera_jpeg, gradient


def _jpeg(**options: object) -> bytes:
    buffer = io.BytesIO()
    gradient((64, 48)).save(buffer, "JPEG", **options)
    return buffer.getvalue()


def test_png_chunks_are_the_file_after_its_signature() -> None:
    data = annotated_png()
    chunks = png_chunks(data)
    assert chunks is not None
    assert PNG_SIGNATURE + b"".join(c.whole for c in chunks) == data
    kinds = [c.kind for c in chunks]
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND" and b"tEXt" in kinds
    text = next(c for c in chunks if c.kind == b"tEXt")
    assert text.payload == b"Comment\0Patient Jane Doe"


def test_a_cut_off_or_foreign_file_has_no_png_chunks() -> None:
    data = annotated_png()
    assert png_chunks(data[:-5]) is None
    assert png_chunks(_jpeg()) is None


def test_what_follows_a_png_is_its_trailer_not_its_chunks() -> None:
    data = annotated_png()
    assert png_trailer(data) == b""
    assert png_trailer(data + b"PK\x03\x04") == b"PK\x03\x04"
    assert png_chunks(data + b"PK\x03\x04") is None
    assert png_trailer(_jpeg()) == b""


def test_jpeg_pieces_are_the_whole_file_in_order() -> None:
    data = camera_jpeg() + b"appended after the image"
    pieces = jpeg_pieces(data)
    assert pieces is not None
    assert b"".join(p.whole for p in pieces) == data
    kinds = [p.kind for p in pieces]
    assert kinds[0] == JPEG_SOI and kinds[-2:] == [JPEG_EOI, JPEG_TRAILER]
    assert kinds[kinds.index(JPEG_SOS) + 1] == JPEG_SCAN_DATA
    comment = next(p for p in pieces if p.kind == JPEG_COM)
    assert comment.payload == b"Patient: Jane Doe, MRN 123456"


def test_a_progressive_jpeg_has_each_scan_and_restarts_stay_in_their_scan() -> None:
    progressive = _jpeg(progressive=True)
    pieces = jpeg_pieces(progressive)
    assert pieces is not None
    assert b"".join(p.whole for p in pieces) == progressive
    assert sum(p.kind == JPEG_SOS for p in pieces) > 1
    restarting = _jpeg(restart_marker_blocks=1)
    restarted = jpeg_pieces(restarting)
    assert restarted is not None
    assert b"".join(p.whole for p in restarted) == restarting
    (scan,) = [p for p in restarted if p.kind == JPEG_SCAN_DATA]
    assert b"\xff\xd0" in scan.whole and b"\xff\xd1" in scan.whole
    assert 0xDD in [p.kind for p in restarted]  # the restart interval


def test_a_second_image_after_the_first_is_its_trailer() -> None:
    first, second = _jpeg(), _jpeg(quality=50)
    pieces = jpeg_pieces(first + second)
    assert pieces is not None
    assert pieces[-1].kind == JPEG_TRAILER and pieces[-1].whole == second


def test_a_cut_off_or_foreign_file_has_no_jpeg_pieces() -> None:
    data = _jpeg()
    assert jpeg_pieces(data[:-2]) is None  # no end of image
    assert jpeg_pieces(data[:100]) is None
    assert jpeg_pieces(annotated_png()) is None
