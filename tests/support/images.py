"""Images made in memory for the image tests, some carrying the metadata a camera leaves."""

from __future__ import annotations

import functools
import io
import struct
from pathlib import Path

from PIL import ExifTags, Image, ImageCms, PngImagePlugin


def gradient(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    """A picture whose top-left and bottom-right differ, so rotation is detectable."""
    width, height = size
    image = Image.new("RGB", size)
    image.putdata(
        [(x * 255 // width, y * 255 // height, 80) for y in range(height) for x in range(width)]
    )
    return image.convert(mode)


@functools.cache
def srgb_profile() -> bytes:
    # LittleCMS stamps a new profile with the current time: made once, the images built on it
    # are the same bytes for the whole run, as tests that compare contents across calls need.
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def camera_jpeg() -> bytes:
    """A phone-like JPEG: EXIF with GPS and orientation 6, a comment, XMP and an ICC profile."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.DateTime] = "2024:03:01 10:15:00"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 22.0, 5.0)
    buffer = io.BytesIO()
    gradient((60, 40)).save(
        buffer,
        "JPEG",
        exif=exif,
        comment=b"Patient: Jane Doe, MRN 123456",
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">Jane Doe</x:xmpmeta>',
        icc_profile=srgb_profile(),
    )
    return buffer.getvalue()


def with_jfif_thumbnail(data: bytes) -> bytes:
    """`data`, a JPEG from Pillow, with its JFIF header replaced by one holding a 1 x 1
    thumbnail of the bytes b"THU" (a thumbnail can show what a crop took out)."""
    assert data[2:4] == b"\xff\xe0"
    length = int.from_bytes(data[4:6], "big")
    header = b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x01\x01" + b"THU"
    segment = b"\xff\xe0" + (len(header) + 2).to_bytes(2, "big") + header
    return data[:2] + segment + data[4 + length :]


def annotated_png() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "Patient Jane Doe")
    info.add_itxt("Author", "Dr Example", zip=True)
    info.add_text("Software", "scanner", zip=True)
    info.add(b"tIME", struct.pack(">HBBBBB", 2024, 3, 1, 10, 15, 0))
    info.add(b"prVt", b"private vendor data")
    buffer = io.BytesIO()
    gradient((30, 20)).save(buffer, "PNG", pnginfo=info, dpi=(300, 300))
    return buffer.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
