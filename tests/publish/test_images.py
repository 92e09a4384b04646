"""Tests for casebook.publish.images: metadata removal, orientation, determinism and the cache."""

from __future__ import annotations

import hashlib
import io
import os
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from casebook.publish.images import (
    ENCODER_ID,
    ImagePublishError,
    PublishedImage,
    find_metadata,
    publish_image,
    reencode_image,
)
from PIL import ExifTags, Image, ImageFile, JpegImagePlugin

from ..support.images import (
    annotated_png,
    camera_jpeg,
    gradient,
    srgb_profile,
    with_jfif_thumbnail,
    write,
)


def red_blue_swapped_profile() -> bytes:
    """sRGB with the red and blue primaries exchanged: pure red in it is pure blue in sRGB."""
    profile = bytearray(srgb_profile())
    (count,) = struct.unpack(">I", profile[128:132])
    entries = {}
    for index in range(count):
        start = 132 + 12 * index
        entries[bytes(profile[start : start + 4])] = start
    red, blue = entries[b"rXYZ"], entries[b"bXYZ"]
    red_place, blue_place = profile[red + 4 : red + 12], profile[blue + 4 : blue + 12]
    profile[red + 4 : red + 12], profile[blue + 4 : blue + 12] = blue_place, red_place
    return bytes(profile)


def reopen(published: PublishedImage) -> Image.Image:
    image = Image.open(io.BytesIO(published.data))
    image.load()
    return image


def test_fixtures_really_carry_metadata() -> None:
    assert find_metadata(camera_jpeg()) == [
        "EXIF data",
        "XMP data",
        "ICC colour profile",
        "JPEG comment",
        "GPS position",
    ]
    assert find_metadata(annotated_png()) == [
        "PNG text chunk 'Comment'",
        "PNG text chunk 'Author'",
        "PNG text chunk 'Software'",
        "PNG tIME chunk (modification time)",
        "PNG prVt chunk",
        "PNG pHYs chunk",
    ]


def test_jpeg_is_published_upright_without_metadata(tmp_path: Path) -> None:
    source = write(tmp_path / "photo.jpg", camera_jpeg())
    published = publish_image(source, cache_dir=tmp_path / "cache")
    assert (published.media_type, published.extension) == ("image/jpeg", ".jpg")
    # Orientation 6 means the camera was turned: the stored 60x40 is shown as 40x60.
    assert (published.width, published.height) == (40, 60)
    assert published.source_sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert find_metadata(published.data) == []
    image = reopen(published)
    assert image.format == "JPEG"
    assert image.size == (40, 60)
    assert len(image.getexif()) == 0
    assert not {"exif", "comment", "xmp", "icc_profile"} & set(image.info)
    assert isinstance(image, JpegImagePlugin.JpegImageFile)
    assert [marker for marker, _ in image.applist] == ["APP0"]
    assert b"Jane Doe" not in published.data
    assert b"PhoneMaker" not in published.data


def test_orientation_turns_the_pixels_not_just_the_size(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    stored = Image.new("RGB", (60, 40), "white")
    stored.paste((255, 0, 0), (0, 0, 10, 10))  # red in the stored top-left corner
    buffer = io.BytesIO()
    stored.save(buffer, "PNG", exif=exif)
    published = publish_image(write(tmp_path / "x.png", buffer.getvalue()), cache_dir=tmp_path)
    image = reopen(published).convert("RGB")
    # Rotating 90 degrees clockwise moves the top-left corner to the top-right.
    assert image.getpixel((image.width - 3, 3)) == (255, 0, 0)
    assert image.getpixel((3, 3)) == (255, 255, 255)


def test_a_turned_photograph_with_a_profile_is_turned_and_converted(tmp_path: Path) -> None:
    """Both steps work on the decoded image itself: the turn in place, the profile's
    conversion from it without a copy first."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    stored = Image.new("RGB", (60, 40), "black")
    stored.paste((255, 0, 0), (0, 0, 10, 10))
    buffer = io.BytesIO()
    stored.save(buffer, "PNG", exif=exif, icc_profile=red_blue_swapped_profile())
    source = buffer.getvalue()
    published = publish_image(write(tmp_path / "x.png", source), cache_dir=tmp_path)
    image = reopen(published).convert("RGB")
    assert image.size == (40, 60)
    red, green, blue = image.getpixel((image.width - 3, 3))  # type: ignore[misc]
    assert blue > 200 and red < 60 and green < 60
    assert find_metadata(published.data) == []
    assert reencode_image(source) == published.data


def test_png_text_time_and_private_chunks_are_removed(tmp_path: Path) -> None:
    source = write(tmp_path / "scan.png", annotated_png())
    published = publish_image(source, cache_dir=tmp_path / "cache")
    assert (published.media_type, published.extension) == ("image/png", ".png")
    assert find_metadata(published.data) == []
    image = reopen(published)
    assert image.format == "PNG"
    assert image.info == {}
    assert b"Jane Doe" not in published.data
    original = Image.open(source).convert("RGB")
    assert image.convert("RGB").tobytes() == original.tobytes()  # PNG stays lossless


def test_webp_metadata_is_removed(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] = "S"
    buffer = io.BytesIO()
    gradient((60, 40)).save(buffer, "WEBP", exif=exif, xmp=b"<x/>", icc_profile=srgb_profile())
    assert find_metadata(buffer.getvalue()) == [
        "EXIF data",
        "GPS position",
        "XMP data",
        "ICC colour profile",
    ]
    published = publish_image(write(tmp_path / "x.webp", buffer.getvalue()), cache_dir=tmp_path)
    assert (published.media_type, published.extension) == ("image/webp", ".webp")
    assert (published.width, published.height) == (40, 60)
    assert find_metadata(published.data) == []


def test_colour_profile_is_applied_then_dropped() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (255, 0, 0)).save(
        buffer, "PNG", icc_profile=red_blue_swapped_profile()
    )
    image = Image.open(io.BytesIO(reencode_image(buffer.getvalue())))
    assert "icc_profile" not in image.info
    red, green, blue = image.convert("RGB").getpixel((0, 0))  # type: ignore[misc]
    assert blue > 200 and red < 60 and green < 60


def test_transparency_survives(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGBA", (8, 8), (10, 20, 30, 77)).save(buffer, "PNG", icc_profile=srgb_profile())
    image = Image.open(io.BytesIO(reencode_image(buffer.getvalue())))
    assert image.mode == "RGBA"
    assert image.getpixel((0, 0))[3] == 77  # type: ignore[index]
    palette = Image.new("P", (8, 8), 1)
    palette.putpalette([0, 0, 0, 255, 255, 255])
    buffer = io.BytesIO()
    palette.save(buffer, "PNG", transparency=1)
    image = Image.open(io.BytesIO(reencode_image(buffer.getvalue())))
    assert image.convert("RGBA").getpixel((0, 0)) == (255, 255, 255, 0)


def test_cmyk_jpeg_is_published_as_rgb() -> None:
    buffer = io.BytesIO()
    Image.new("CMYK", (8, 8), (0, 255, 255, 0)).save(buffer, "JPEG")
    image = Image.open(io.BytesIO(reencode_image(buffer.getvalue())))
    assert image.mode == "RGB"


def test_camera_mpo_is_published_as_its_first_frame(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    first, preview = gradient((40, 30)), Image.new("RGB", (40, 30), "blue")
    first.save(buffer, "MPO", save_all=True, append_images=[preview])
    published = publish_image(write(tmp_path / "x.jpg", buffer.getvalue()), cache_dir=tmp_path)
    image = reopen(published)
    assert (image.format, getattr(image, "n_frames", 1)) == ("JPEG", 1)
    assert find_metadata(published.data) == []


@pytest.mark.parametrize("fixture", [camera_jpeg, annotated_png], ids=["jpeg", "png"])
def test_output_is_deterministic(fixture: Callable[[], bytes]) -> None:
    source = fixture()
    assert reencode_image(source) == reencode_image(source)


def test_cache_hit_then_recompute_after_change(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    source = write(tmp_path / "photo.jpg", camera_jpeg())
    first = publish_image(source, cache_dir=cache)
    second = publish_image(source, cache_dir=cache)
    assert (first.from_cache, second.from_cache) == (False, True)
    assert second.data == first.data
    assert second == PublishedImage(**{**first.__dict__, "from_cache": True})
    entry = f"{first.source_sha256}-{ENCODER_ID}"
    # The re-encoded file, and the note of its hash that a later build checks it against.
    assert sorted(path.name for path in cache.iterdir()) == [entry, f"{entry}.sha256"]

    buffer = io.BytesIO()
    gradient((50, 50)).save(buffer, "JPEG")
    source.write_bytes(buffer.getvalue())
    changed = publish_image(source, cache_dir=cache)
    again = publish_image(source, cache_dir=cache)
    assert (changed.from_cache, again.from_cache) == (False, True)
    assert (changed.width, changed.height) == (50, 50)
    assert changed.source_sha256 != first.source_sha256
    assert len(list(cache.iterdir())) == 4  # no temporary files left behind


def test_cache_ignores_modification_time(tmp_path: Path) -> None:
    source = write(tmp_path / "photo.jpg", camera_jpeg())
    publish_image(source, cache_dir=tmp_path / "cache")
    os.utime(source, (1, 1))
    assert publish_image(source, cache_dir=tmp_path / "cache").from_cache


def test_same_content_elsewhere_reuses_the_cache(tmp_path: Path) -> None:
    first = write(tmp_path / "a.png", annotated_png())
    second = write(tmp_path / "b.png", annotated_png())
    assert not publish_image(first, cache_dir=tmp_path / "cache").from_cache
    assert publish_image(second, cache_dir=tmp_path / "cache").from_cache


def test_deleted_or_damaged_cache_is_recomputed(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    source = write(tmp_path / "photo.jpg", camera_jpeg())
    original = publish_image(source, cache_dir=cache)
    for entry in cache.iterdir():
        entry.unlink()
    cache.rmdir()
    rebuilt = publish_image(source, cache_dir=cache)
    assert not rebuilt.from_cache
    assert rebuilt.data == original.data

    (entry,) = (path for path in cache.iterdir() if path.suffix != ".sha256")
    entry.write_bytes(original.data[:-50])  # headers intact, pixel data cut short
    repaired = publish_image(source, cache_dir=cache)
    assert not repaired.from_cache
    assert repaired.data == original.data
    assert entry.read_bytes() == original.data
    assert publish_image(source, cache_dir=cache).from_cache


def test_swapped_cache_entries_are_made_again(tmp_path: Path) -> None:
    # Two valid images swapped in the cache: each would publish under the other's legend.
    cache = tmp_path / "cache"
    first = publish_image(write(tmp_path / "a.jpg", camera_jpeg()), cache_dir=cache)
    buffer = io.BytesIO()
    gradient((50, 50)).save(buffer, "JPEG")
    second = publish_image(write(tmp_path / "b.jpg", buffer.getvalue()), cache_dir=cache)
    swap = first.file.with_name("swap")
    os.replace(first.file, swap)
    os.replace(second.file, first.file)
    os.replace(swap, second.file)
    again = publish_image(tmp_path / "a.jpg", cache_dir=cache)
    assert not again.from_cache
    assert again.data == first.data
    assert first.file.read_bytes() == first.data


def test_undecodable_source_raises_publish_error(tmp_path: Path) -> None:
    source = write(tmp_path / "x.png", b"not an image")
    with pytest.raises(ImagePublishError, match="cannot decode image"):
        publish_image(source, cache_dir=tmp_path / "cache")
    assert not (tmp_path / "cache").exists()


def test_oversized_source_raises_publish_error() -> None:
    buffer = io.BytesIO()
    gradient((20, 20)).save(buffer, "PNG")
    with pytest.raises(ImagePublishError, match="more than 100 pixels"):
        reencode_image(buffer.getvalue(), max_pixels=100)


def test_find_metadata_reads_paths_and_reports_unreadable_files(tmp_path: Path) -> None:
    path = write(tmp_path / "x.jpg", camera_jpeg())
    assert "GPS position" in find_metadata(path)
    assert find_metadata(b"garbage") == ["unreadable image"]


def _progressive_with_comment_between_scans() -> bytes:
    buffer = io.BytesIO()
    gradient((64, 48)).save(buffer, "JPEG", progressive=True)
    data = buffer.getvalue()
    second_scan = data.index(b"\xff\xda", data.index(b"\xff\xda") + 2)
    comment = b"Jane Doe"
    segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
    return data[:second_scan] + segment + data[second_scan:]


def _png_with_exif_after_pixels() -> bytes:
    buffer = io.BytesIO()
    gradient((30, 20)).save(buffer, "PNG")
    data = buffer.getvalue()
    body = b"MM\x00\x2a\x00\x00\x00\x08\x00\x00"
    chunk = b"eXIf" + body
    packed = len(body).to_bytes(4, "big") + chunk + zlib.crc32(chunk).to_bytes(4, "big")
    return data[:-12] + packed + data[-12:]  # before IEND


@pytest.mark.parametrize(
    ("data", "found"),
    [
        (_progressive_with_comment_between_scans(), ["JPEG comment"]),
        (reencode_image(camera_jpeg()) + b"Jane Doe", ["data after the end of the image"]),
        (with_jfif_thumbnail(reencode_image(camera_jpeg())), ["JFIF thumbnail"]),
        (_png_with_exif_after_pixels(), ["EXIF data"]),
        (
            reencode_image(annotated_png()) + b"PK\x03\x04 Jane Doe",
            ["data after the end of the image"],
        ),
        (reencode_image(camera_jpeg()), []),
    ],
)
def test_metadata_anywhere_in_the_file_is_found_without_decoding(
    data: bytes, found: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_decoding(self: object) -> None:
        raise AssertionError("decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    assert find_metadata(data) == found
