"""Chart data: what each chart shows, as plain JSON-able values, plus its alt text. The
drawing (chart_draw) reads only this, so the data is also the cache key and a golden file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from casebook.clinical.labs import LabGroup
from casebook.clinical.time_axis import Scale
from casebook.clinical.timeline import Timeline

CHART_DATA_VERSION = 2


@dataclass(frozen=True)
class ChartView:
    """A chart on a case page: its file beside the page, its data and its alt text."""

    name: str
    file: str
    """Relative to the case page, e.g. charts/timeline.svg."""
    spec: dict[str, Any]
    alt: str


@dataclass(frozen=True)
class SeriesData:
    label: str
    points: tuple[tuple[float, float], ...]
    """(days from day 0, value)."""


def _x_axis(timeline: Timeline) -> dict[str, Any]:
    scale = timeline.scale
    return {
        "title": scale.axis_title,
        "min": scale.value(timeline.start),
        "max": scale.value(timeline.end),
    }


def periods(timeline: Timeline) -> list[dict[str, Any]]:
    """Treatment steps as spans: one lane per drug, shade by dose relative to its highest. A
    course with steps of no stated time has none: drawn in part, it would look complete."""
    if not timeline.timed:
        return []
    highest: dict[str, float] = {}
    for placed in timeline.steps:
        if placed.step.dose is not None:
            drug = placed.step.drug
            highest[drug] = max(highest.get(drug, 0.0), placed.step.dose.value)
    out = []
    for placed in timeline.steps:
        assert placed.start is not None  # a timed course
        dose = placed.step.dose
        level = 0.0 if dose is None or placed.off_drug else dose.value / highest[placed.step.drug]
        out.append(
            {
                "lane": placed.step.drug,
                "start": timeline.scale.value(placed.start),
                "end": timeline.scale.value(timeline.end_of(placed)),
                "label": placed.dose_text(),
                "level": round(level, 3),
                "off": placed.off_drug,
                "open_end": placed.end is None,
                "single_dose": placed.single_dose,
                "approximate": placed.approximate,
            }
        )
    return out


def timeline_chart(timeline: Timeline, *, name: str = "timeline") -> ChartView:
    spec = {
        "kind": "timeline",
        "version": CHART_DATA_VERSION,
        "x": _x_axis(timeline),
        "lanes": timeline.drugs,
        "periods": periods(timeline),
    }
    return ChartView(name, f"charts/{name}.svg", spec, timeline_alt(timeline))


def timeline_alt(timeline: Timeline) -> str:
    parts = []
    for drug in timeline.drugs:
        spans = []
        for placed in (s for s in timeline.steps if s.step.drug == drug):
            start = timeline.start_label(placed)
            if placed.single_dose:
                amount = f" of {placed.dose_text()}" if placed.step.dose else ""
                spans.append(f"a single dose{amount} at {start}")
            elif placed.end is None:
                spans.append(f"{placed.dose_text()} from {start}, length not stated")
            else:
                spans.append(f"{placed.dose_text()} from {start} to {timeline.end_label(placed)}")
        parts.append(f"{drug}: {'; '.join(spans)}")
    return (
        f"Chart of the treatment course in {timeline.scale.unit}s since the start of treatment. "
        + ". ".join(parts)
        + ". The table below gives the same course."
    )


def scores_chart(
    name: str,
    *,
    series: Sequence[SeriesData],
    timeline: Timeline,
    illustrative: bool,
    alt: str,
) -> ChartView:
    scale = timeline.scale
    highest = max((value for s in series for _, value in s.points), default=1.0)
    spec = {
        "kind": "scores",
        "version": CHART_DATA_VERSION,
        "x": _x_axis(timeline),
        "y": {"title": "Score", "min": 0, "max": _nice_ceiling(highest)},
        "series": [
            {"label": s.label, "points": [[scale.value(d), v] for d, v in s.points]} for s in series
        ],
        "periods": periods(timeline),
        "illustrative": illustrative,
    }
    return ChartView(name, f"charts/{name}.svg", spec, alt)


def lab_chart(name: str, group: LabGroup, *, timeline: Timeline, scale: Scale) -> ChartView:
    charted = group.charted_points
    points = [[scale.value(days), value] for days, value, _ in charted]
    band = [group.reference_low, group.reference_high]
    highest = max([value for _, value, _ in charted] + [b for b in band if b is not None])
    spec = {
        "kind": "lab",
        "version": CHART_DATA_VERSION,
        "x": _x_axis(timeline),
        "y": {"title": f"{group.test} ({group.unit})", "min": 0, "max": _nice_ceiling(highest)},
        "series": [{"label": group.test, "points": points}],
        "band": band,
        "periods": periods(timeline),
    }
    readings = ", ".join(f"{value:g} at {when}" for _, value, when in charted)
    reference = (
        ""
        if group.rows[-1].range == "not stated"
        else (f"; reference range {group.rows[-1].range}")
    )
    # A result given as text is in the table only; the chart's text says it is left out.
    left_out = len(group.rows) - len(charted)
    also = f", and {left_out} result{'s' if left_out > 1 else ''} not drawn" if left_out else ""
    alt = (
        f"Line chart of {group.test} ({group.unit}) at {len(charted)} times: {readings}"
        f"{reference}. The table above gives the same values{also}."
    )
    return ChartView(name, f"charts/{name}.svg", spec, alt)


def _nice_ceiling(value: float) -> float:
    """A round axis top a little above `value`, so the highest point is not on the frame."""
    target = value * 1.15 if value > 0 else 1.0
    for step in (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000):
        if target <= step * 10:
            return round(-(-target // step) * step, 2)
    return float(round(target))
