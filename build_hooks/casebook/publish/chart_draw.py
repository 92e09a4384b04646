"""Draw chart data as SVG (for the page) or PNG (for the JATS package) with matplotlib:
imported only when a chart is not in the cache."""

from __future__ import annotations

import io
from typing import Any

import matplotlib
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from PIL import Image

_DRUG_COLOUR = "#00796b"  # the site's teal
_SERIES_COLOURS = ["#1f4e99", "#c2410c", "#6d28d9", "#047857", "#b91c1c", "#374151"]
_MARKERS = ["o", "s", "^", "D", "v", "P"]


# PubMed Central asks for line art at 300 dpi or more; the figure is 7 inches wide.
PNG_DPI = 300


def draw_svg(spec: dict[str, Any]) -> bytes:
    # A fixed salt and text kept as text (not paths) make the SVG bytes depend only on the data.
    return _draw(spec, format="svg", metadata={"Date": None, "Creator": None})


def draw_png(spec: dict[str, Any]) -> bytes:
    """The same chart as a raster image: PMC takes no SVG. Written again by Pillow with
    pixels only: matplotlib adds a resolution chunk, and the site publishes no image that
    carries metadata (publish/published_scan.py)."""
    drawn = _draw(spec, format="png", metadata={"Software": None}, dpi=PNG_DPI)
    with Image.open(io.BytesIO(drawn)) as image:
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _draw(spec: dict[str, Any], **savefig: Any) -> bytes:
    with matplotlib.rc_context(
        {
            "svg.hashsalt": "casebook",
            "svg.fonttype": "none",
            "font.family": "sans-serif",
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    ):
        figure = _timeline(spec) if spec["kind"] == "timeline" else _line_chart(spec)
        buffer = io.BytesIO()
        figure.savefig(buffer, **savefig)
    return buffer.getvalue()


def _timeline(spec: dict[str, Any]) -> Figure:
    lanes: list[str] = spec["lanes"]
    figure = Figure(figsize=(7.0, 0.9 + 0.55 * len(lanes)), layout="constrained")
    axes = figure.add_subplot()
    _x(axes, spec["x"])
    for period in spec["periods"]:
        row = len(lanes) - 1 - lanes.index(period["lane"])
        _period_bar(axes, period, row)
    axes.set_yticks(range(len(lanes)), list(reversed(lanes)))
    axes.set_ylim(-0.6, len(lanes) - 0.4)
    axes.spines["left"].set_visible(False)
    axes.tick_params(axis="y", length=0)
    return figure


def _period_bar(axes: Any, period: dict[str, Any], row: int) -> None:
    start, end = period["start"], period["end"]
    if period["single_dose"]:
        # A dose given once is a moment, not a span: a marker, labelled above it.
        axes.plot([start], [row], marker="D", markersize=7, color=_DRUG_COLOUR, linestyle="")
        axes.text(start, row + 0.42, period["label"], ha="center", va="center", fontsize=8)
        return
    width = max(end - start, 0.01)
    if period["off"]:
        patch = Rectangle(
            (start, row - 0.3), width, 0.6, facecolor="white", edgecolor="#6b7280", hatch="///"
        )
    else:
        patch = Rectangle(
            (start, row - 0.3),
            width,
            0.6,
            facecolor=_DRUG_COLOUR,
            alpha=0.35 + 0.55 * period["level"],
            edgecolor="white",
            linestyle="--" if period["approximate"] or period["open_end"] else "-",
        )
    axes.add_patch(patch)
    label = period["label"] + (" →" if period["open_end"] else "")
    wide = _is_wide(axes, width)
    if wide or period["off"]:
        # A narrow bar (a one-week stop) is labelled above itself.
        axes.text(
            start + width / 2,
            row if wide else row + 0.42,
            label,
            ha="center",
            va="center",
            fontsize=8,
            color="black" if period["off"] or period["level"] < 0.6 else "white",
        )


def _is_wide(axes: Any, width: float) -> bool:
    low, high = axes.get_xlim()
    return bool(width >= 0.06 * (high - low))


def _line_chart(spec: dict[str, Any]) -> Figure:
    figure = Figure(figsize=(7.0, 3.8), layout="constrained")
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
    figure.legend(loc="outside lower center", ncols=min(len(spec["series"]) + 1, 4), frameon=False)
    if spec.get("illustrative"):
        # In the image itself, so that a chart opened large or copied elsewhere still says so.
        figure.suptitle(
            "Illustrative values, not measurements",
            x=0.01,
            ha="left",
            fontsize=9,
            style="italic",
            color="#7f1d1d",
        )
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
                color=_DRUG_COLOUR,
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
