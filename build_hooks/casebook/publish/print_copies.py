"""Copies of large figures at the size the PDF prints them. Typst embeds a figure as it finds
it: a PDF showing one 12-megapixel photograph of 4.3 MB was 4.35 MB, and is 0.66 MB from its
copy, all that a printer at 300 dpi uses (docs/guide/publishing.md).

The web page keeps the published figure whole (the lightbox shows it at full size); only the
PDF's job names the copy.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from casebook.publish.checked_files import read_checked, write_checked
from casebook.publish.images import PublishedImage, encode_image

PRINT_VERSION = "1"
"""Bump when the copies below change; the published figure's name (part of a copy's) already
holds the encoder's and Pillow's versions."""
PRINT_BOX = (2000, 3000)
"""The largest a figure prints, in pixels: 300 dpi (what journals ask of photographs) across
the PDF's text on A4, 17.0 cm wide and 25.5 cm high inside the margins of
render/templates/case.typ.j2 (289 dpi across Letter's 17.6 cm). A camera's 4000 x 3000 or
4032 x 3024 photograph is then decoded at half its size, which its JPEG coding gives for a
third of the time of decoding it whole: the copy costs about what it saves Typst."""


@dataclass(frozen=True)
class PrintCopy:
    file: Path
    """The copy, in the same cache folder as the figure it was made from."""
    sha256: str
    from_cache: bool


def print_copy(published: PublishedImage) -> PrintCopy | None:
    """A copy of `published` that fits PRINT_BOX, made once; None when it fits already."""
    size = _print_size(published.width, published.height)
    if size is None:
        return None
    name = f"{published.file.name}-print{PRINT_VERSION}-{PRINT_BOX[0]}x{PRINT_BOX[1]}"
    target = published.file.with_name(name)
    data = read_checked(target, label=name)
    from_cache = data is not None
    if data is None:
        data = _smaller(published.data, size)
        write_checked(target, data, label=name)
    return PrintCopy(target, hashlib.sha256(data).hexdigest(), from_cache=from_cache)


def _print_size(width: int, height: int) -> tuple[int, int] | None:
    scale = min(PRINT_BOX[0] / width, PRINT_BOX[1] / height)
    if scale >= 1:
        return None
    return max(1, round(width * scale)), max(1, round(height * scale))


def _smaller(data: bytes, size: tuple[int, int]) -> bytes:
    """The published figure `data` (upright, sRGB, pixels only) resampled to `size`, in its own
    format."""
    with Image.open(io.BytesIO(data)) as opened:
        image_format = str(opened.format)
        # A JPEG is decoded at the smallest of 1/8, 1/4 and 1/2 its size that is still at
        # least `size`: the DCT scales for free what decoding in full would then resample.
        opened.draft(opened.mode, size)
        # Resampled in a mode that filters smoothly (not a palette's indices).
        image = opened.convert(_working_mode(opened))
    return encode_image(image.resize(size, Image.Resampling.LANCZOS), image_format)


def _working_mode(image: Image.Image) -> str:
    alpha = image.has_transparency_data
    if image.mode in ("1", "L", "LA", "I", "I;16", "F"):
        return "LA" if alpha else "L"
    return "RGBA" if alpha else "RGB"
