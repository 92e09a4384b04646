"""Re-encode figure images without metadata, cache the results, and find leftover metadata."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

import PIL
from PIL import ExifTags, Image, ImageCms, ImageOps, PngImagePlugin

from casebook.checks import ALLOWED_FORMATS, MAX_FIGURE_PIXELS
from casebook.publish.checked_files import read_checked, write_checked
from casebook.publish.pixel_copy import copy_without_metadata
from casebook.source import JPEG_COM, JPEG_TRAILER, Piece, jpeg_pieces, png_trailer

# Bump when the encoding below changes; Pillow's version is part of the key because a new libjpeg,
# libwebp or zlib may produce different bytes, and a cached result must equal a fresh one.
ENCODER_VERSION = "4"
ENCODER_ID = f"casebook{ENCODER_VERSION}-pillow{PIL.__version__}"
JPEG_QUALITY = 90
WEBP_QUALITY = 90
# zlib's default level. Level 9 (what optimize=True means) made a 2400 x 1800 photograph 16%
# smaller in 11 times the time (8.5 s against 0.74 s), and the example's flat figures 8%
# smaller in about 6 times: a cold build waits for every figure, a reader saves little.
PNG_COMPRESS_LEVEL = 6
PUBLISHED_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")

_OUTPUT = {
    "PNG": ("image/png", ".png"),
    "JPEG": ("image/jpeg", ".jpg"),
    "WEBP": ("image/webp", ".webp"),
}
# Chunks that carry only pixels, palette and transparency; anything else is reported.
_PNG_PIXEL_CHUNKS = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS"}
_PNG_TEXT_CHUNKS = {b"tEXt", b"zTXt", b"iTXt"}
_PNG_CHUNK_NAMES = {
    b"tIME": "PNG tIME chunk (modification time)",
    b"eXIf": "EXIF data",
    b"iCCP": "ICC colour profile",
}


class ImagePublishError(Exception):
    """The source image cannot be re-encoded; check_figure_file explains why to authors."""


@dataclass(frozen=True)
class PublishedImage:
    """A figure image ready to be written into the site."""

    data: bytes
    media_type: str
    extension: str
    width: int
    height: int
    source_sha256: str
    from_cache: bool
    file: Path
    """The cache file holding `data`, to publish without keeping the bytes in memory."""


def publish_image(source: Path, *, cache_dir: Path) -> PublishedImage:
    """Re-encode `source` without metadata, reusing an earlier result for identical bytes."""
    raw = source.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    cache_file = cache_dir / f"{digest}-{ENCODER_ID}"
    # The entry must be this source's re-encoding, whole: a truncated entry, or another
    # figure's swapped in, would publish under this figure's legend.
    cached = read_checked(cache_file, label=f"{digest}-{ENCODER_ID}")
    if cached is not None:
        with contextlib.suppress(ImagePublishError):
            return _describe(cache_file, cached, source_sha256=digest, from_cache=True)
    # A missing, unreadable or damaged cache entry is simply recomputed.
    data = reencode_image(raw)
    write_checked(cache_file, data, label=f"{digest}-{ENCODER_ID}")
    return _describe(cache_file, data, source_sha256=digest, from_cache=False)


def reencode_image(source: bytes, *, max_pixels: int = MAX_FIGURE_PIXELS) -> bytes:
    """Return `source` upright, in sRGB, pixels only, in its own format: a JPEG that needs no
    change to its pixels keeps its coded pixels (publish/pixel_copy.py); any other image is
    decoded and encoded again."""
    copied = copy_without_metadata(source, max_pixels=max_pixels)
    if copied is not None:
        return copied
    decoded, image_format = _decode_upright(source, max_pixels=max_pixels)
    try:
        image = _pixels_only(_for_format(_to_srgb(decoded), image_format))
        return encode_image(image, image_format)
    finally:
        decoded.close()


def encode_image(image: Image.Image, image_format: str) -> bytes:
    """`image` in `image_format`, with the settings of every published figure. Pillow also
    writes what `image.info` holds (EXIF, ICC, comments): callers pass pixels only."""
    buffer = io.BytesIO()
    if image_format == "JPEG":
        image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, subsampling="4:2:0")
    elif image_format == "PNG":
        image.save(buffer, "PNG", compress_level=PNG_COMPRESS_LEVEL)
    else:
        # Always lossy: Pillow cannot tell a lossless WebP source apart, and 90 is visually
        # exact.
        image.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4)
    return buffer.getvalue()


def _decode_upright(source: bytes, *, max_pixels: int) -> tuple[Image.Image, str]:
    """`source` decoded and turned upright in place, and the format to encode it in. The image
    is this module's own, read from `source`, so nothing else sees it changed: turning a copy
    instead copied every figure's pixels once more (48 MB for a 12 MP photograph)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            opened = Image.open(io.BytesIO(source), formats=ALLOWED_FORMATS)
            if opened.width * opened.height > max_pixels:
                raise ImagePublishError(f"image has more than {max_pixels} pixels")
            # MPO is a camera JPEG with extra frames; only the first is the photograph.
            image_format = "JPEG" if opened.format == "MPO" else str(opened.format)
            opened.load()
            ImageOps.exif_transpose(opened, in_place=True)
        except ImagePublishError:
            raise
        # Pillow raises many exception types on malformed input; all mean "cannot publish".
        except Exception as error:
            raise ImagePublishError(f"cannot decode image: {error}") from error
    return opened, image_format


def _to_srgb(image: Image.Image) -> Image.Image:
    """Convert pixels from an embedded colour profile to sRGB, so no profile needs publishing.

    Dropping a wide-gamut profile (an iPhone's Display P3) would shift skin colours, which matter
    clinically; keeping it would publish device and vendor text. Converting keeps the colours.
    """
    profile_bytes = image.info.get("icc_profile")
    if not profile_bytes:
        return image
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(profile_bytes))
        in_mode = {"RGB": "RGB", "GRAY": "L", "CMYK": "CMYK"}[profile.profile.xcolor_space.strip()]
        alpha = _rgba(image).getchannel("A") if image.has_transparency_data else None
        # profileToProfile makes a new image and leaves its input as it was: converting an
        # image already in the profile's mode would only copy it.
        converted = ImageCms.profileToProfile(
            image if image.mode == in_mode else image.convert(in_mode),
            profile,
            ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")),
            renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
            outputMode="RGB",
        )
    except (ImageCms.PyCMSError, KeyError, OSError, ValueError) as error:
        raise ImagePublishError(f"cannot apply the colour profile: {error}") from error
    assert converted is not None  # only None when converting in place
    if alpha is not None:
        converted.putalpha(alpha)
    return converted


def _rgba(image: Image.Image) -> Image.Image:
    return image if image.mode == "RGBA" else image.convert("RGBA")


def _for_format(image: Image.Image, image_format: str) -> Image.Image:
    if image_format == "JPEG" and image.mode not in ("L", "RGB"):
        # CMYK JPEGs without a profile display inconsistently across browsers.
        return image.convert("RGB")
    return image


def _pixels_only(image: Image.Image) -> Image.Image:
    """`image` keeping only transparency in `info`, since encoders also read EXIF, ICC and
    comments from it. Changed in place: `image` is always this module's own (decoded from the
    source's bytes, or a conversion), and copying a 40-megapixel figure again costs 160 MB."""
    image.info = {key: image.info[key] for key in ("transparency",) if key in image.info}
    return image


def _describe(file: Path, data: bytes, *, source_sha256: str, from_cache: bool) -> PublishedImage:
    """Format and size from the header alone: the bytes were just encoded, or are the cache's
    with the hash they were written with (read_checked), so decoding them again proves nothing
    (it was a fifth to a quarter of the work of publishing a figure)."""
    try:
        with Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS) as image:
            media_type, extension = _OUTPUT[str(image.format)]
            width, height = image.size
    except Exception as error:
        raise ImagePublishError(f"cannot read encoded image: {error}") from error
    return PublishedImage(
        data=data,
        media_type=media_type,
        extension=extension,
        width=width,
        height=height,
        source_sha256=source_sha256,
        from_cache=from_cache,
        file=file,
    )


def find_metadata(source: Path | bytes) -> list[str]:
    """Name every kind of metadata left in a published image; empty means pixels only.

    PNG chunks and JPEG segments are read from the bytes, all of them, after the pixels too,
    so neither format is decoded (decoding was 6 ms of every case a cold build renders). A
    JPEG too malformed to walk, and any other format, is decoded, and what its decoder read
    is reported."""
    data = source if isinstance(source, bytes) else source.read_bytes()
    found: list[str] = []
    try:
        with Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS) as image:
            if image.format == "PNG":
                # PNG's own EXIF reader decodes the image; its eXIf chunk is named here.
                found = _png_chunk_metadata(data)
                if png_trailer(data):
                    found.append("data after the end of the image")
                return list(dict.fromkeys(found))
            pieces = jpeg_pieces(data) if image.format in ("JPEG", "MPO") else None
            if pieces is not None:
                found += _jpeg_piece_metadata(pieces)
            else:
                image.load()
                if image.format in ("JPEG", "MPO"):
                    found += _jpeg_segment_metadata(getattr(image, "applist", []))
            found += _decoded_metadata(image)
    except Exception:
        return ["unreadable image"]
    return list(dict.fromkeys(found))


def _jpeg_piece_metadata(pieces: list[Piece]) -> list[str]:
    found: list[str] = []
    for piece in pieces:
        kind = piece.kind
        if kind == JPEG_TRAILER:
            found.append("data after the end of the image")
        elif kind == JPEG_COM:
            found.append("JPEG comment")
        elif isinstance(kind, int) and 0xE0 <= kind <= 0xEF:
            body = piece.payload
            if body.startswith(b"JFIF\0"):
                # Its fixed 14 bytes end with the thumbnail's size; a thumbnail follows them.
                if len(body) > 14 or body[12:14] not in (b"", b"\0\0", b"\0"):
                    found.append("JFIF thumbnail")
                continue
            found += _jpeg_segment_metadata([(f"APP{kind - 0xE0}", body)])
    return found


def _decoded_metadata(image: Image.Image) -> list[str]:
    found: list[str] = []
    exif = image.getexif()
    if len(exif) or image.info.get("exif"):
        found.append("EXIF data")
    if exif.get_ifd(ExifTags.IFD.GPSInfo):
        found.append("GPS position")
    if image.info.get("xmp") or "XML:com.adobe.xmp" in image.info:
        found.append("XMP data")
    if image.info.get("icc_profile"):
        found.append("ICC colour profile")
    return found


def _png_chunk_metadata(data: bytes) -> list[str]:
    """Walk every chunk with Pillow's reader: the decoder skips tIME and unknown public chunks."""
    handle = io.BytesIO(data)
    handle.seek(8)  # past the PNG signature
    stream = PngImagePlugin.ChunkStream(handle)
    found: list[str] = []
    while True:
        chunk_type, _position, length = stream.read()
        body = handle.read(length)
        handle.seek(4, os.SEEK_CUR)  # the CRC; the decoder already checked the pixels
        if chunk_type == b"IEND":
            return found
        if chunk_type in _PNG_TEXT_CHUNKS:
            keyword = body.split(b"\0", 1)[0].decode("latin-1")
            found.append(f"PNG text chunk '{keyword}'")
        elif chunk_type not in _PNG_PIXEL_CHUNKS:
            name = chunk_type.decode("latin-1")
            found.append(_PNG_CHUNK_NAMES.get(chunk_type, f"PNG {name} chunk"))


def _jpeg_segment_metadata(segments: list[tuple[str, bytes]]) -> list[str]:
    found: list[str] = []
    for marker, body in segments:
        if (marker, body[:4]) in (("APP0", b"JFIF"), ("APP14", b"Adob")):
            continue  # format headers written by every encoder, no content about the image
        if marker == "COM":
            found.append("JPEG comment")
        elif marker == "APP1" and body.startswith(b"Exif"):
            found.append("EXIF data")
        elif marker == "APP1" and body.startswith(b"http://ns.adobe.com/xap/1.0/"):
            found.append("XMP data")
        elif marker == "APP2" and body.startswith(b"ICC_PROFILE"):
            found.append("ICC colour profile")
        elif marker == "APP13":
            found.append("Photoshop/IPTC data (APP13)")
        else:
            found.append(f"JPEG {marker} segment")
    return found
