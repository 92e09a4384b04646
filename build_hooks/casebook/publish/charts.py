"""Chart files for the site, cached by a hash of their data: drawn again only when it changes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

from casebook.publish.checked_files import read_checked, write_checked

# Bump when chart_draw or timeline_svg changes what it draws; matplotlib's version is in the
# key because a new release may draw the same data into different bytes, and Pillow's because
# it encodes the PNG.
DRAWING_VERSION = "3"
# What a complete file of each format looks like; a truncated cache entry is drawn again.
_COMPLETE = {
    "svg": lambda data: data.startswith(b"<?xml") and data.rstrip().endswith(b"</svg>"),
    "png": lambda data: data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82"),
}


@dataclass(frozen=True)
class PublishedChart:
    data: bytes
    key: str
    from_cache: bool


def chart_key(spec: dict[str, Any]) -> str:
    canonical = json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{_salt()}\n{canonical}".encode()).hexdigest()


# Read once per process: the two packages' metadata cost about 5 ms a chart, a sixth of drawing
# it cold. A process keeps the matplotlib and Pillow it imported, whatever is installed later,
# so their versions then are the ones that draw.
@cache
def _salt() -> str:
    return (
        f"casebook-chart{DRAWING_VERSION}-matplotlib{metadata.version('matplotlib')}"
        f"-pillow{metadata.version('pillow')}"
    )


def publish_chart(
    spec: dict[str, Any], *, cache_dir: Path, format: Literal["svg", "png"] = "svg"
) -> PublishedChart:
    """The SVG for `spec` (or its PNG copy, for the JATS package), from the cache when the
    same data was drawn before; the file in `cache_dir` is named `<key>.<format>`. Safe to
    delete the cache: a missing or unreadable entry is drawn again."""
    key = chart_key(spec)
    cache_file = cache_dir / f"{key}.{format}"
    cached = read_checked(cache_file, label=cache_file.name)
    if cached is not None and _COMPLETE[format](cached):
        return PublishedChart(cached, key, from_cache=True)
    data = _draw(spec, format)
    write_checked(cache_file, data, label=cache_file.name)
    return PublishedChart(data, key, from_cache=False)


def _draw(spec: dict[str, Any], format: Literal["svg", "png"]) -> bytes:
    if spec["kind"] == "timeline":
        if format != "svg":
            # Only a figure's chart goes into the JATS package, and a timeline is no figure's.
            raise ValueError("a timeline is drawn as SVG only")
        from casebook.publish.timeline_svg import draw_timeline

        return draw_timeline(spec)
    # matplotlib costs about half a second to import: only a build that draws pays for it.
    from casebook.publish.chart_draw import draw_png, draw_svg

    return draw_png(spec) if format == "png" else draw_svg(spec)
