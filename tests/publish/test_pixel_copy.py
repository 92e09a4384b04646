"""A JPEG or PNG whose pixels need no change is published with its coded pixels copied: the
same pixels as the author's file, none of its metadata."""

from __future__ import annotations

import io
import zlib

import pytest
from casebook.checks import MAX_FIGURE_PIXELS
from casebook.publish.images import find_metadata, reencode_image
from casebook.publish.pixel_copy import copy_without_metadata
from casebook.source import png_chunks
from PIL import ExifTags, Image

from ..support.images import (
    annotated_png,
    camera_jpeg,
    gradient,
    srgb_profile,
    with_jfif_thumbnail,
)


def _jpeg(image: Image.Image | None = None, **options: object) -> bytes:
    buffer = io.BytesIO()
    (image or gradient((64, 48))).save(buffer, "JPEG", **options)
    return buffer.getvalue()


def _pixels(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        return image.tobytes()


def _exported_photo() -> bytes:
    """An upright photograph with no colour profile, as exported by an editor: EXIF with a
    GPS position but no turn, a comment, XMP, and bytes left after the image."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] = "N"
    data = _jpeg(
        exif=exif,
        comment=b"Patient: Jane Doe, MRN 123456",
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">Jane Doe</x:xmpmeta>',
    )
    return data + b"Jane Doe appended"


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(_exported_photo(), id="baseline"),
        pytest.param(_jpeg(progressive=True, comment=b"Jane Doe"), id="progressive"),
        pytest.param(_jpeg(gradient((64, 48), "L"), comment=b"Jane Doe"), id="greyscale"),
        pytest.param(_jpeg(restart_marker_blocks=2, comment=b"Jane Doe"), id="restarts"),
        pytest.param(with_jfif_thumbnail(_jpeg(comment=b"Jane Doe")), id="thumbnail"),
    ],
)
def test_the_coded_pixels_are_copied_and_nothing_else(source: bytes) -> None:
    published = reencode_image(source)
    assert published == copy_without_metadata(source, max_pixels=MAX_FIGURE_PIXELS)
    assert _pixels(published) == _pixels(source)
    assert find_metadata(published) == []
    assert b"Jane Doe" not in published and b"THU" not in published
    assert len(published) < len(source)


def test_the_copy_keeps_a_clean_jfif_header_and_no_thumbnail() -> None:
    published = reencode_image(with_jfif_thumbnail(_jpeg()))
    with Image.open(io.BytesIO(published)) as image:
        assert image.info["jfif_version"] == (1, 1)
        assert image.info["jfif_density"] == (1, 1)
    assert published[2:20] == b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"


def _turned() -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    return _jpeg(exif=exif)


def _cmyk() -> bytes:
    return _jpeg(gradient((64, 48), "CMYK"))


def _arithmetic_like() -> bytes:
    # A lossless-JPEG frame marker in place of the baseline one: browsers cannot show it.
    data = _jpeg()
    at = data.index(b"\xff\xc0")
    return data[:at] + b"\xff\xc3" + data[at + 2 :]


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(camera_jpeg(), id="turned-with-profile"),
        pytest.param(_turned(), id="turned"),
        pytest.param(_jpeg(icc_profile=srgb_profile()), id="profile"),
        pytest.param(_cmyk(), id="cmyk"),
        pytest.param(_arithmetic_like(), id="frame-browsers-cannot-show"),
        pytest.param(_jpeg()[:-40], id="cut-off"),
    ],
)
def test_pixels_that_must_change_or_cannot_be_read_are_not_copied(source: bytes) -> None:
    assert copy_without_metadata(source, max_pixels=MAX_FIGURE_PIXELS) is None


def test_a_turned_photograph_is_still_turned_upright() -> None:
    with Image.open(io.BytesIO(reencode_image(_turned()))) as image:
        assert image.size == (48, 64)


def test_too_many_pixels_are_left_to_the_decoder_to_refuse() -> None:
    assert copy_without_metadata(_jpeg(), max_pixels=100) is None


def _png(image: Image.Image | None = None, **options: object) -> bytes:
    buffer = io.BytesIO()
    (image or gradient((30, 20))).save(buffer, "PNG", **options)
    return buffer.getvalue()


def _with_chunk(data: bytes, kind: bytes, payload: bytes) -> bytes:
    chunk = kind + payload
    packed = len(payload).to_bytes(4, "big") + chunk + zlib.crc32(chunk).to_bytes(4, "big")
    return data[:33] + packed + data[33:]  # after IHDR


def _palette_with_transparency() -> bytes:
    image = gradient((30, 20)).quantize(16)
    return _png(image, transparency=3)


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(annotated_png(), id="text-time-private-dpi"),
        pytest.param(_palette_with_transparency(), id="palette-transparency"),
        pytest.param(_png(gradient((30, 20), "LA")), id="grey-alpha"),
        pytest.param(_with_chunk(_png(), b"sRGB", b"\x00"), id="srgb"),
    ],
)
def test_a_png_keeps_its_pixel_chunks_only(source: bytes) -> None:
    published = reencode_image(source)
    assert published == copy_without_metadata(source, max_pixels=MAX_FIGURE_PIXELS)
    chunks = png_chunks(published)
    assert chunks is not None
    assert {c.kind for c in chunks} <= {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}
    with Image.open(io.BytesIO(published)) as copy, Image.open(io.BytesIO(source)) as original:
        assert copy.mode == original.mode and copy.tobytes() == original.tobytes()
        assert copy.info.get("transparency") == original.info.get("transparency")
    assert find_metadata(published) == []
    assert b"Jane Doe" not in published


def _animated() -> bytes:
    frames = [gradient((30, 20)), gradient((30, 20)).rotate(180)]
    return _png(frames[0], save_all=True, append_images=frames[1:])


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(_png(icc_profile=srgb_profile()), id="profile"),
        pytest.param(_with_chunk(_png(), b"eXIf", b"MM\x00\x2a\x00\x00\x00\x08"), id="exif"),
        pytest.param(
            _with_chunk(_png(), b"zTXt", b"Raw profile type exif\x00\x00" + zlib.compress(b"x")),
            id="exif-as-text",
        ),
        pytest.param(_animated(), id="animated"),
        pytest.param(_with_chunk(_png(), b"QQQQ", b"critical, unknown"), id="unknown-critical"),
        pytest.param(_png()[:-20], id="cut-off"),
        pytest.param(_png() + b"PK appended", id="appended"),
    ],
)
def test_a_png_whose_pixels_must_change_or_cannot_be_read_is_not_copied(source: bytes) -> None:
    assert copy_without_metadata(source, max_pixels=MAX_FIGURE_PIXELS) is None


def test_a_png_with_too_many_pixels_is_left_to_the_decoder_to_refuse() -> None:
    assert copy_without_metadata(_png(), max_pixels=100) is None


def test_a_png_with_a_file_appended_is_published_without_it() -> None:
    published = reencode_image(_png() + b"PK appended")
    assert b"PK appended" not in published and find_metadata(published) == []
