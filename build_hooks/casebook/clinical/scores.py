"""Outcome scores: checked against the instrument registry, and summarised against baseline."""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass

from casebook.clinical.time_axis import Scale, TimeAxis
from casebook.findings import Finding
from casebook.models import Instrument, PatientRecord, ScoreSeries


def check_scores(
    record: PatientRecord, registry: Mapping[str, Instrument], axis: TimeAxis | None
) -> list[Finding]:
    """Unknown instruments, values out of range, and times out of order; `axis` is None when
    the case's times could not be put on one axis (reported elsewhere)."""
    findings: list[Finding] = []
    for i, series in enumerate(record.scores):
        instrument = registry.get(series.instrument)
        if instrument is None:
            findings.append(_unknown(("scores", i, "instrument"), series.instrument, registry))
            continue
        for j, point in enumerate(series.values):
            where = ("scores", i, "values", j, "value")
            if not instrument.low <= point.value <= instrument.high:
                findings.append(
                    Finding(
                        where,
                        f"{point.value:g} is out of range for {instrument.name}, which runs "
                        f"from {instrument.range_text()}",
                    )
                )
            elif instrument.whole_numbers and not float(point.value).is_integer():
                findings.append(
                    Finding(
                        where,
                        f"{point.value:g} is not a whole number",
                        f"{instrument.name} is scored in whole numbers",
                    )
                )
        if axis is not None:
            findings += _order(i, series, axis)
    return findings


def _unknown(path: tuple[str | int, ...], name: str, registry: Mapping[str, Instrument]) -> Finding:
    close = difflib.get_close_matches(name, list(registry), n=1, cutoff=0.6)
    by_case = {n.lower(): n for n in registry}
    if name.lower() in by_case:
        close = [by_case[name.lower()]]
    hint = (
        f"did you mean '{close[0]}'?"
        if close
        else "known: " + ", ".join(registry) + "; a site adds its own under "
        "extra.casebook.instruments in mkdocs.yml"
    )
    return Finding(path, f"unknown instrument '{name}'", hint)


def _order(index: int, series: ScoreSeries, axis: TimeAxis) -> list[Finding]:
    findings = []
    for j in range(1, len(series.values)):
        before, point = series.values[j - 1], series.values[j]
        if axis.days(point.when) <= axis.days(before.when):
            findings.append(
                Finding(
                    ("scores", index, "values", j, "when"),
                    f"'{point.when}' is not later than the time before it ('{before.when}')",
                    "list the values in time order, one per time point",
                )
            )
    return findings


@dataclass(frozen=True)
class Response:
    name: str
    """e.g. EASI-75."""
    reached_at: str | None
    """Label of the first time point at which the improvement reached the level."""


@dataclass(frozen=True)
class ScoreSummary:
    instrument: Instrument
    label: str
    """Instrument and region, as printed: 'EASI (truncal rash)'."""
    illustrative: bool
    baseline_at: str
    baseline: float
    last_at: str
    last: float
    responses: tuple[Response, ...]

    @property
    def change(self) -> float:
        return self.last - self.baseline

    @property
    def percent_change(self) -> float | None:
        return None if self.baseline == 0 else 100 * self.change / self.baseline

    @property
    def cells(self) -> tuple[str, str, str, str, str]:
        """The summary table's row, the same on the page and in the JATS: score, baseline,
        last, change from baseline, response."""
        label = f"{self.label} (illustrative)" if self.illustrative else self.label
        return (
            label,
            f"{self.baseline:g} ({self.baseline_at})",
            f"{self.last:g} ({self.last_at})",
            self.change_text(),
            self.responses_text(),
        )

    def change_text(self) -> str:
        text = f"{_signed(self.change)}"
        percent = self.percent_change
        return text if percent is None else f"{text} ({_signed(percent, decimals=0)}%)"

    def responses_text(self) -> str:
        if not self.instrument.response_levels:
            return "no response levels defined"
        if self.percent_change is None:
            return "not assessable (baseline 0)"
        parts = [
            f"{r.name} reached at {r.reached_at}" if r.reached_at else f"{r.name} not reached"
            for r in self.responses
        ]
        return "; ".join(parts)


def series_label(series: ScoreSeries) -> str:
    return f"{series.instrument} ({series.region})" if series.region else series.instrument


def summarise(
    series: ScoreSeries, instrument: Instrument, *, axis: TimeAxis, scale: Scale
) -> ScoreSummary:
    """Change from the first value (the baseline) to the last, and when each response level
    (EASI-75: an improvement of at least 75%) was first reached."""
    first, last = series.values[0], series.values[-1]

    def at(when: str) -> str:
        return scale.label(axis.days(when))

    responses = []
    for level in instrument.response_levels:
        reached = None
        if first.value > 0:
            for point in series.values[1:]:
                improvement = 100 * (first.value - point.value) / first.value
                if improvement >= level or math.isclose(improvement, level):
                    reached = at(point.when)
                    break
        responses.append(Response(f"{instrument.name}-{level}", reached))
    return ScoreSummary(
        instrument=instrument,
        label=series_label(series),
        illustrative=series.illustrative,
        baseline_at=at(first.when),
        baseline=first.value,
        last_at=at(last.when),
        last=last.value,
        responses=tuple(responses),
    )


def _signed(value: float, *, decimals: int = 1) -> str:
    rounded = round(value, decimals)
    text = (
        f"{abs(rounded):.{decimals}f}".rstrip("0").rstrip(".")
        if decimals
        else (f"{abs(rounded):.0f}")
    )
    if rounded == 0:
        return "0"
    return f"{'+' if rounded > 0 else '−'}{text}"
