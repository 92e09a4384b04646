"""The treatment timeline drawn by hand: each period where its data puts it, readable text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from casebook.publish.charts import publish_chart
from casebook.publish.timeline_svg import draw_timeline, text_width, ticks

from .test_charts import spec

SVG = "{http://www.w3.org/2000/svg}"


def _period(lane: str, start: float, end: float, **flags: Any) -> dict[str, Any]:
    period = {
        "lane": lane,
        "start": start,
        "end": end,
        "label": flags.pop("label", "4 mg"),
        "level": 0.5,
        "off": False,
        "open_end": False,
        "single_dose": False,
        "approximate": False,
    }
    return {**period, **flags}


def timeline(lanes: list[str], periods: list[dict[str, Any]], **x: Any) -> dict[str, Any]:
    axis = {"title": "Days since admission", "min": 0.0, "max": 100.0, **x}
    return {"kind": "timeline", "version": 2, "x": axis, "lanes": lanes, "periods": periods}


THREE = timeline(
    ["amoxicillin", "prednisolone 40 mg", "a much longer drug name here"],
    [
        _period("amoxicillin", 0, 40, label="500 mg three times daily", level=1.0),
        _period("prednisolone 40 mg", 10, 11, single_dose=True, label="once"),
        _period("a much longer drug name here", 12, 40, off=True, label="off"),
        _period("a much longer drug name here", 40, 270, open_end=True, level=0.2),
        _period("amoxicillin", 60, 63, approximate=True, level=0.1, label="2 mg"),
    ],
    min=-3.0,
    max=250.0,
)


def drawn(data: dict[str, Any]) -> ET.Element:
    return ET.fromstring(draw_timeline(data))


def bars(root: ET.Element) -> list[ET.Element]:
    """The periods' rectangles: not the background, not the hatching's tile."""
    return [r for r in root.iter(f"{SVG}rect") if r.get("stroke")]


def texts(root: ET.Element) -> dict[str, ET.Element]:
    return {t.text or "": t for t in root.iter(f"{SVG}text")}


def box(rect: ET.Element) -> tuple[float, float, float, float]:
    x, y = float(rect.get("x", "")), float(rect.get("y", ""))
    return x, y, x + float(rect.get("width", "")), y + float(rect.get("height", ""))


def test_ticks_are_round_numbers_within_the_axis() -> None:
    def labels(low: float, high: float, bins: int) -> list[str]:
        return [t.label for t in ticks(low, high, bins=bins)]

    assert labels(0, 39, 9) == ["0", "5", "10", "15", "20", "25", "30", "35"]
    assert labels(-3, 250, 9) == ["0", "50", "100", "150", "200", "250"]
    assert labels(0, 6, 15) == ["0", "1", "2", "3", "4", "5", "6"]
    assert labels(0, 1.5, 9) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0", "1.2", "1.4"]
    assert labels(0, 10, 4) == ["0.0", "2.5", "5.0", "7.5", "10.0"]
    assert labels(-10, 10, 4) == ["\u221210", "\u22125", "0", "5", "10"]
    assert labels(-1, 1, 2) == ["\u22121", "0", "1"]
    assert labels(5, 5, 9) == ["5"]


def test_each_period_is_a_bar_in_its_lane_and_span() -> None:
    root = drawn(THREE)
    amoxicillin, stop, open_end, approximate = bars(root)
    # Lanes run down the chart in the order they are listed.
    assert box(amoxicillin)[1] < box(stop)[1] == box(open_end)[1]
    assert box(approximate)[1] == box(amoxicillin)[1]
    # Day 40 ends one bar and starts the next; the open end is cut at the axis' end.
    assert box(stop)[2] == box(open_end)[0]
    axis = next(p for p in root.iter(f"{SVG}path") if p.get("stroke-width") == "0.8")
    left, right = (float(v) for v in axis.get("d", "").split()[1::3])
    assert box(open_end)[2] == right
    assert box(amoxicillin)[0] > left  # day 0 is right of day -3
    day = (right - left) / 253
    assert box(amoxicillin)[2] - box(amoxicillin)[0] == pytest.approx(40 * day, abs=0.02)
    assert stop.get("fill") == "url(#hatch)"
    assert open_end.get("stroke-dasharray") and approximate.get("stroke-dasharray")
    assert amoxicillin.get("stroke-dasharray") is None
    # A dose level shows as the bar's strength.
    assert float(amoxicillin.get("opacity", "")) > float(open_end.get("opacity", ""))


def test_labels_are_text_inside_wide_bars_and_above_narrow_ones() -> None:
    root = drawn(THREE)
    amoxicillin, stop, *_ = bars(root)
    label = texts(root)
    inside = label["500 mg three times daily"]
    assert box(amoxicillin)[1] < float(inside.get("y", "")) < box(amoxicillin)[3]
    assert inside.get("fill") == "#ffffff"  # light on the strongest bars
    assert label["4 mg →"].get("fill") is None  # an open end says so
    assert float(label["off"].get("y", "")) < box(stop)[3]
    # A narrow bar's dose would not fit inside it, so it is left out, as the table says it.
    assert "2 mg" not in label
    marker = next(p for p in root.iter(f"{SVG}path") if p.get("fill"))  # the single dose
    corners = marker.get("d", "").split()  # M x y L x y L x y L x y Z
    assert float(label["once"].get("y", "")) < min(float(y) for y in corners[2:12:3])
    lanes = [label[name] for name in THREE["lanes"]]
    assert {t.get("text-anchor") for t in lanes} == {"end"}
    assert [round(float(t.get("y", ""))) for t in lanes] == sorted(
        round(float(t.get("y", ""))) for t in lanes
    )
    assert label["Days since admission"].get("text-anchor") == "middle"


def test_the_lane_names_get_the_room_they_need() -> None:
    short = timeline(["x"], [_period("x", 0, 50)])
    name = "a much longer drug name here"
    long = timeline([name], [_period(name, 0, 50)])
    start = {
        name: box(bars(drawn(data))[0])[0] for name, data in (("short", short), ("long", long))
    }
    grown = start["long"] - start["short"]
    assert grown == pytest.approx(text_width(name, size=9) - text_width("x", size=9), abs=0.02)
    assert text_width("WWW", size=9) > text_width("iii", size=9) > 0


def test_author_text_is_escaped_and_the_bytes_depend_on_the_data_alone() -> None:
    data = timeline(["A & B <i>"], [_period("A & B <i>", 0, 100, label="1 < 2 & 3")])
    svg = draw_timeline(data)
    assert b"A &amp; B &lt;i&gt;" in svg and b"1 &lt; 2 &amp; 3" in svg
    assert set(texts(ET.fromstring(svg))) >= {"A & B <i>", "1 < 2 & 3"}
    assert draw_timeline(data) == svg
    assert draw_timeline({**data, "x": {**data["x"], "max": 90.0}}) != svg


def test_the_example_timeline_is_published_as_svg_only(tmp_path: Path) -> None:
    data = spec(tmp_path)
    published = publish_chart(data, cache_dir=tmp_path / "cache")
    assert published.data == draw_timeline(data)
    assert "baricitinib" in texts(ET.fromstring(published.data))
    with pytest.raises(ValueError, match="SVG only"):
        publish_chart(data, cache_dir=tmp_path / "cache", format="png")
