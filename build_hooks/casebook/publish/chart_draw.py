"""Draw a figure's chart (a course of scores or laboratory values) as SVG for the page or PNG
for the JATS package with matplotlib, imported only when a chart is not in the cache. The
treatment timeline is drawn by hand (publish/timeline_svg.py)."""

from __future__ import annotations

import io
import json
import math
from collections import OrderedDict
from contextlib import AbstractContextManager
from typing import Any

import matplotlib
from matplotlib.figure import Figure
from PIL import Image

from casebook.publish.timeline_svg import DRUG_COLOUR, LABEL_ROOM, text_width

_SERIES_COLOURS = ["#1f4e99", "#c2410c", "#6d28d9", "#047857", "#b91c1c", "#374151"]
_MARKERS = ["o", "s", "^", "D", "v", "P"]


# PubMed Central asks for line art at 300 dpi or more; the figure is 7 inches wide.
PNG_DPI = 300
WIDTH = 7.0
# zlib's default level: level 9 made the example's chart 2% smaller in three times the time.
PNG_COMPRESS_LEVEL = 6
# Margins in points, from the widths of the chart's own labels, instead of constrained layout,
# which measures every artist before drawing (0.07 of the 0.24 s of the example's PNG chart).
_PAD = 6.0
_LINE = 11.0  # one line of 9-point text
_TICK = 7.0  # tick length and its pad


# A figure's chart is drawn twice, as SVG for the page and then as PNG for the JATS package;
# the figure built for the SVG is kept for the PNG, where building it again was 15% of the
# work. Drawing does not change what a figure draws next: a kept figure gives the bytes a new
# one gives, in either order (tests/publish/test_charts.py). A case's figure charts are its
# last SVGs and then its PNGs, so two kept serve a case with two; each is about 0.6 MB, and
# objects kept alive cost every garbage collection of the build a little.
_KEEP = 2
_kept: OrderedDict[str, Figure] = OrderedDict()


def draw_svg(spec: dict[str, Any]) -> bytes:
    # A fixed salt and text kept as text (not paths) make the SVG bytes depend only on the data.
    buffer = io.BytesIO()
    with _style():
        figure = _built(spec, keep=True)
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()


def draw_png(spec: dict[str, Any]) -> bytes:
    """The same chart as a raster image: PMC takes no SVG. Pillow encodes matplotlib's pixels,
    so the file carries pixels only (no resolution or software chunk): the site publishes no
    image that carries metadata (publish/published_scan.py)."""
    with _style():
        # The PNG is a chart's last drawing: its figure is not kept after it.
        figure = _built(spec, keep=False)
        raw = io.BytesIO()
        figure.savefig(raw, format="rgba", dpi=PNG_DPI)
    width = round(figure.get_figwidth() * PNG_DPI)
    # The pixels are read where matplotlib wrote them, not copied out of the buffer and into an
    # image first (9.6 MB each time for a figure's chart).
    pixels = raw.getbuffer()
    size = (width, len(pixels) // (4 * width))
    # Pillow reads any buffer; its stubs name only bytes and arrays.
    image = Image.frombuffer("RGBA", size, pixels, "raw", "RGBA", 0, 1)  # type: ignore[arg-type]
    buffer = io.BytesIO()
    # The background is opaque white: the alpha channel says nothing.
    image.convert("RGB").save(buffer, format="PNG", compress_level=PNG_COMPRESS_LEVEL)
    return buffer.getvalue()


def _built(spec: dict[str, Any], *, keep: bool) -> Figure:
    """The figure for `spec`: the one kept from drawing it before, or a new one."""
    key = json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    figure = _kept.pop(key, None)
    if figure is None:
        figure = _line_chart(spec)
    if keep:
        _kept[key] = figure
        while len(_kept) > _KEEP:
            _kept.popitem(last=False)
    return figure


def _style() -> AbstractContextManager[None]:
    return matplotlib.rc_context(
        {
            "svg.hashsalt": "casebook",
            "svg.fonttype": "none",
            "font.family": "sans-serif",
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )


def _figure(*, height: float) -> Figure:
    # A new Figure per chart: clearing and reusing one measured no faster (86 against 71 ms for
    # the example's two charts), and a new one carries nothing over from the previous chart.
    return Figure(figsize=(WIDTH, height), layout=None)


def _place(
    figure: Figure, axes: Any, *, left: float, right: float, top: float, bottom: float
) -> None:
    """Put the axes `left`, `right`, `top` and `bottom` points in from the figure's edges."""
    width, height = (inches * 72 for inches in figure.get_size_inches())
    axes.set_position(
        (left / width, bottom / height, 1 - (left + right) / width, 1 - (top + bottom) / height)
    )


def _is_wide(axes: Any, width: float) -> bool:
    low, high = axes.get_xlim()
    return bool(width >= LABEL_ROOM * (high - low))


def _line_chart(spec: dict[str, Any]) -> Figure:
    figure = _figure(height=3.8)
    axes = figure.add_subplot()
    _x(axes, spec["x"])
    y = spec["y"]
    axes.set_ylim(y["min"], y["max"])
    axes.set_ylabel(y["title"])
    _shade_periods(axes, spec["periods"], top=y["max"])
    band = spec.get("band")
    if band and (band[0] is not None or band[1] is not None):
        low = y["min"] if band[0] is None else band[0]
        high = y["max"] if band[1] is None else band[1]
        axes.axhspan(low, high, color="#16a34a", alpha=0.12, label="reference range", zorder=0)
    for index, series in enumerate(spec["series"]):
        xs = [p[0] for p in series["points"]]
        ys = [p[1] for p in series["points"]]
        axes.plot(
            xs,
            ys,
            color=_SERIES_COLOURS[index % len(_SERIES_COLOURS)],
            marker=_MARKERS[index % len(_MARKERS)],
            markersize=4.5,
            linewidth=1.6,
            label=series["label"],
            zorder=3,
        )
    columns = min(len(spec["series"]) + 1, 4)
    figure.legend(loc="lower center", ncols=columns, frameon=False)
    entries = len(axes.get_legend_handles_labels()[1])
    top = _PAD + _LINE  # the dose labels along the top
    if spec.get("illustrative"):
        top += _LINE
        # In the image itself, so that a chart opened large or copied elsewhere still says so.
        figure.suptitle(
            "Illustrative values, not measurements",
            x=0.01,
            ha="left",
            fontsize=9,
            style="italic",
            color="#7f1d1d",
        )
    low, high = y["min"], y["max"]
    ticks = [t for t in axes.yaxis.get_majorticklocs() if low <= t <= high]
    labels = axes.yaxis.get_major_formatter().format_ticks(ticks)
    left = (
        _PAD + _LINE + 4 + max((text_width(label, size=9) for label in labels), default=0) + _TICK
    )
    rows = math.ceil(entries / columns)
    legend = rows * _LINE + (rows - 1) * 4.5 + 12
    bottom = legend + 2 * _LINE + _TICK + 4
    _place(figure, axes, left=left, right=2 * _PAD, top=top, bottom=bottom)
    return figure


def _shade_periods(axes: Any, periods: list[dict[str, Any]], *, top: float) -> None:
    """Treatment periods as background bands, labelled with the dose along the top."""
    for period in periods:
        if period["off"]:
            axes.axvspan(
                period["start"],
                period["end"],
                facecolor="none",
                edgecolor="#9ca3af",
                hatch="///",
                linewidth=0,
                zorder=0,
            )
        else:
            axes.axvspan(
                period["start"],
                period["end"],
                color=DRUG_COLOUR,
                alpha=0.06 + 0.14 * period["level"],
                linewidth=0,
                zorder=0,
            )
        if not _is_wide(axes, period["end"] - period["start"]):
            continue
        axes.text(
            (period["start"] + period["end"]) / 2,
            top,
            period["label"],
            ha="center",
            va="bottom",
            fontsize=7,
            color="#374151",
            clip_on=False,
        )


def _x(axes: Any, x: dict[str, Any]) -> None:
    axes.set_xlim(x["min"], x["max"])
    axes.set_xlabel(x["title"])
