"""Read an author's file: YAML with the line and column of every value, hardened; change a
few values of a YAML file's text without disturbing the rest; and the layout of an image
file's bytes."""

from __future__ import annotations

from casebook.source.image_layout import (
    JPEG_COM,
    JPEG_EOI,
    JPEG_SCAN_DATA,
    JPEG_SOI,
    JPEG_SOS,
    JPEG_TRAILER,
    PNG_SIGNATURE,
    Piece,
    jpeg_pieces,
    png_chunks,
    png_trailer,
)
from casebook.source.yaml_edit import YamlEditError, set_scalars
from casebook.source.yaml_loader import Loaded, load_yaml_file, load_yaml_text

__all__ = [
    "JPEG_COM",
    "JPEG_EOI",
    "JPEG_SCAN_DATA",
    "JPEG_SOI",
    "JPEG_SOS",
    "JPEG_TRAILER",
    "PNG_SIGNATURE",
    "Loaded",
    "Piece",
    "YamlEditError",
    "jpeg_pieces",
    "load_yaml_file",
    "load_yaml_text",
    "png_chunks",
    "png_trailer",
    "set_scalars",
]
