"""Draw a treatment timeline as SVG by hand: a bar for each period, its label, one axis.

Every case has a timeline, and matplotlib spent 11 of a cold case's 52 ms laying one out and
writing it (mostly its axis: a tick is four artists, each measured before it is drawn), in a
process that imported it for that alone. What a timeline draws is a few rectangles and lines
and some text, so it is written here directly, in the look the matplotlib drawing had: the
same sizes, margins, colours and fonts. Its text stays text (readable and searchable), and
the bytes depend on the data alone.
"""

from __future__ import annotations

import importlib.util
import math
from functools import cache
from html import escape
from pathlib import Path
from typing import Any, NamedTuple

from PIL import ImageFont

DRUG_COLOUR = "#00796b"
"""The site's teal: a drug's periods, here and as the figure charts' shading."""
_OFF_COLOUR = "#6b7280"
_FONTS = (
    "'DejaVu Sans', 'Bitstream Vera Sans', 'Computer Modern Sans Serif', 'Lucida Grande', "
    "'Verdana', 'Geneva', 'Lucid', 'Arial', 'Helvetica', 'Avant Garde', sans-serif"
)
WIDTH = 504.0
"""Points: 7 inches, as the figure charts."""
_PAD = 6.0
_LINE = 11.0  # one line of 9-point text
_TICK = 3.5  # tick length, and the gap between a tick and its label
_TICK_SPACE = 27.0
"""Points of axis per tick at most (three 9-point characters), as matplotlib spaces them."""
_MAX_TICKS = 9
_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)
_DIAMOND = 7 / math.sqrt(2)
"""Half the diagonal of a single dose's marker: a 7-point square on its corner."""
# DejaVu Sans rises this far above the baseline and drops this far below, in ems of its size.
_ASCENT, _DESCENT = 0.76, 0.24
# Where a line's baseline goes below the point it is placed at, in ems:
_BY_CAPS = _ASCENT / 2
"""centred on the height above the baseline (as an axis' tick labels are)"""
_BY_BOX = (_ASCENT - _DESCENT) / 2
"""centred on the whole line, descenders too (as other labels are)"""
_TICK_LABEL = 2 * _TICK + _ASCENT * 9
"""From the axis to its tick labels' baseline."""
LABEL_ROOM = 0.06
"""A period this share of the axis long or longer has its dose written on it (in the chart
or above it); a shorter one would not hold the text."""
_TITLE = _TICK_LABEL + 13
"""From the axis to its title's baseline."""


def draw_timeline(spec: dict[str, Any]) -> bytes:
    """The SVG of a timeline spec (casebook.clinical.chart_specs.timeline_chart)."""
    lanes: list[str] = spec["lanes"]
    height = (0.9 + 0.55 * len(lanes)) * 72
    left = _PAD + max((text_width(lane, size=9) for lane in lanes), default=0.0) + _TICK
    right = WIDTH - 2 * _PAD
    top = _PAD + _LINE
    bottom = height - (_PAD + 2 * _LINE + 2 * _TICK + 4)
    low, high = float(spec["x"]["min"]), float(spec["x"]["max"])
    span = high - low if high > low else 1.0

    def x(value: float) -> float:
        return left + (value - low) / span * (right - left)

    def y(row: float) -> float:
        # Rows from the bottom, as the lanes are listed from the top; 0.6 of a row's room
        # below the lowest and above the highest.
        return bottom - (row + 0.6) / (len(lanes) + 0.2) * (bottom - top)

    svg = _Svg(height)
    svg.rect(0, 0, WIDTH, height, 'fill="#ffffff"')
    labels: list[str] = []
    for period in spec["periods"]:
        row = len(lanes) - 1 - lanes.index(period["lane"])
        start, end = float(period["start"]), float(period["end"])
        if period["single_dose"]:
            # A dose given once is a moment, not a span: a marker, labelled above it.
            svg.diamond(x(start), y(row), _DIAMOND, DRUG_COLOUR)
            labels.append(_text(x(start), y(row + 0.42), period["label"], size=8, drop=_BY_BOX))
            continue
        width = max(end - start, 0.01)
        x0, x1 = max(x(start), left), min(x(start + width), right)
        if x1 > x0:
            if period["off"]:
                style = f'fill="url(#hatch)" stroke="{_OFF_COLOUR}"'
            else:
                opacity = _number(0.35 + 0.55 * period["level"])
                style = f'fill="{DRUG_COLOUR}" opacity="{opacity}" stroke="#ffffff"'
                if period["approximate"] or period["open_end"]:
                    style += ' stroke-dasharray="3.7 1.6"'
            svg.rect(x0, y(row + 0.3), x1 - x0, y(row - 0.3) - y(row + 0.3), style)
        label = period["label"] + (" →" if period["open_end"] else "")
        wide = width >= LABEL_ROOM * span
        if wide or period["off"]:
            # A narrow bar (a one-week stop) is labelled above itself.
            dark = period["off"] or period["level"] < 0.6
            labels.append(
                _text(
                    x(start + width / 2),
                    y(row) if wide else y(row + 0.42),
                    label,
                    size=8,
                    drop=_BY_BOX,
                    fill="" if dark else "#ffffff",
                )
            )
    svg.line(left, bottom, right, bottom)
    for tick in ticks(low, high, bins=int((right - left) // _TICK_SPACE)):
        at = x(tick.value)
        svg.line(at, bottom, at, bottom + _TICK)
        svg.add(_text(at, bottom + _TICK_LABEL, tick.label, size=9))
    svg.add(_text((left + right) / 2, bottom + _TITLE, spec["x"]["title"], size=9))
    for row, lane in enumerate(reversed(lanes)):
        svg.add(_text(left - _TICK, y(row), lane, size=9, anchor="end", drop=_BY_CAPS))
    for label in labels:
        svg.add(label)
    return svg.bytes()


class Tick(NamedTuple):
    value: float
    label: str


def ticks(low: float, high: float, *, bins: int) -> list[Tick]:
    """Round-numbered ticks from `low` to `high`, at most `bins` intervals apart: a step of 1,
    2, 2.5 or 5 times a power of ten, as a chart's reader expects."""
    bins = min(max(bins, 1), _MAX_TICKS)
    if high <= low:
        return [Tick(low, _format(low, 0))]
    raw = (high - low) / bins
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(s * power for s in _STEPS if s * power >= raw * (1 - 1e-9))
    decimals = next(d for d in range(8) if abs(round(step, d) - step) < step * 1e-9)
    first, last = math.ceil(low / step - 1e-9), math.floor(high / step + 1e-9)
    return [Tick(i * step, _format(i * step, decimals)) for i in range(first, last + 1)]


def _format(value: float, decimals: int) -> str:
    text = f"{value:.{decimals}f}"
    if text.lstrip("-").strip("0.") == "":
        return text.lstrip("-")  # no "-0"
    return text.replace("-", "\u2212")  # a minus sign, not a hyphen


def text_width(text: str, *, size: float) -> float:
    """The width of `text` in points, set in DejaVu Sans at `size` points."""
    return float(_font().getlength(text)) * size / 100


@cache
def _font() -> ImageFont.FreeTypeFont:
    # The sans-serif font matplotlib ships: the figure charts are set in it, and finding it
    # does not import matplotlib.
    spec = importlib.util.find_spec("matplotlib")
    assert spec is not None and spec.submodule_search_locations
    folder = Path(next(iter(spec.submodule_search_locations)))
    return ImageFont.truetype(str(folder / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"), 100)


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: float,
    anchor: str = "middle",
    fill: str = "",
    drop: float = 0.0,
) -> str:
    """A line of text at (x, y): its baseline `drop` ems below y."""
    y += drop * size
    colour = f' fill="{fill}"' if fill else ""
    return (
        f'<text x="{_number(x)}" y="{_number(y)}" font-size="{_number(size)}" '
        f'text-anchor="{anchor}"{colour}>{escape(text, quote=False)}</text>'
    )


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


class _Svg:
    def __init__(self, height: float) -> None:
        self.height = height
        self.parts: list[str] = []

    def add(self, part: str) -> None:
        self.parts.append(part)

    def rect(self, x: float, y: float, width: float, height: float, style: str) -> None:
        self.add(
            f'<rect x="{_number(x)}" y="{_number(y)}" width="{_number(width)}" '
            f'height="{_number(height)}" {style}/>'
        )

    def line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.add(
            f'<path d="M {_number(x0)} {_number(y0)} L {_number(x1)} {_number(y1)}" '
            'stroke="#000000" stroke-width="0.8"/>'
        )

    def diamond(self, x: float, y: float, radius: float, colour: str) -> None:
        points = ((x, y - radius), (x + radius, y), (x, y + radius), (x - radius, y))
        path = " L ".join(f"{_number(px)} {_number(py)}" for px, py in points)
        self.add(f'<path d="M {path} Z" fill="{colour}" stroke="{colour}"/>')

    def bytes(self) -> bytes:
        height = _number(self.height)
        head = (
            '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{_number(WIDTH)}pt" '
            f'height="{height}pt" viewBox="0 0 {_number(WIDTH)} {height}" '
            f'font-family="{_FONTS}">\n'
            "<defs>\n"
            # The stopped periods' diagonal hatching, as matplotlib's "///".
            '<pattern id="hatch" patternUnits="userSpaceOnUse" width="8" height="8">'
            '<rect width="8" height="8" fill="#ffffff"/>'
            f'<path d="M -2 2 L 2 -2 M 0 8 L 8 0 M 6 10 L 10 6" stroke="{_OFF_COLOUR}" '
            'stroke-width="1"/></pattern>\n'
            "</defs>\n"
        )
        return (head + "\n".join(self.parts) + "\n</svg>\n").encode()
