"""One time axis per case: every time point in days from the start of treatment (day 0)."""

from __future__ import annotations

import datetime
import itertools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from casebook.findings import Finding
from casebook.models import NOT_STATED, PatientRecord, parse_date, relative_days
from casebook.positions import Path_

DAYS = {"week": 7.0, "month": 30.4375}
# Up to a year, case reports count in weeks; beyond it, in months.
_WEEKS_UP_TO_DAYS = 366.0


@dataclass(frozen=True)
class TimeAxis:
    day_zero: datetime.date | None
    """The date of day 0 when the case gives dates; pages never show it."""

    def days(self, text: str) -> float:
        date = parse_date(text)
        if date is None:
            return relative_days(text)
        assert self.day_zero is not None  # checked by build_axis
        return float((date - self.day_zero).days)


@dataclass(frozen=True)
class Scale:
    """The unit an axis and its labels use, chosen once per case so every chart agrees."""

    unit: str

    def value(self, days: float) -> float:
        return round(days / DAYS[self.unit], 2)

    def label(self, days: float, *, approximate: bool = False) -> str:
        count = days / DAYS[self.unit]
        # An approximate time shown to a tenth of a week would claim a precision it lacks.
        whole = approximate or math.isclose(count, round(count), abs_tol=0.15)
        shown = f"{round(count):d}" if whole else f"{count:.1f}"
        return f"{'about ' if approximate else ''}{self.unit} {shown}"

    @property
    def axis_title(self) -> str:
        return f"{self.unit.capitalize()}s since the start of treatment"


def scale_for(span_days: float) -> Scale:
    return Scale("week" if span_days <= _WEEKS_UP_TO_DAYS else "month")


def time_points(record: PatientRecord) -> Iterator[tuple[Path_, str]]:
    """Every time an author wrote, with its field path, in file order."""
    for i, step in enumerate(record.treatment):
        if step.start and step.start != NOT_STATED:
            yield ("treatment", i, "start"), step.start
    for i, lab in enumerate(record.investigations):
        if lab.when:
            yield ("investigations", i, "when"), lab.when
    for i, series in enumerate(record.scores):
        for j, point in enumerate(series.values):
            yield ("scores", i, "values", j, "when"), point.when


class _Timed(Protocol):
    @property
    def when(self) -> str | None: ...


def study_times(record: PatientRecord) -> Iterator[tuple[Path_, str]]:
    """When each study, procedure and specimen was done: on the case's axis, though no chart
    draws them (a scan months before treatment would squeeze the treatment course)."""
    timed: tuple[tuple[str, Sequence[_Timed]], ...] = (
        ("imaging", record.imaging),
        ("procedures", record.procedures),
        ("cultures", record.cultures),
        ("pcr_serology", record.pcr_serology),
    )
    for name, items in timed:
        for i, item in enumerate(items):
            if item.when:
                yield (name, i, "when"), item.when


def build_axis(record: PatientRecord) -> tuple[TimeAxis, list[Finding]]:
    """Day 0 is the start of the first treatment step; a date needs that start as a date to
    count from, so that dates and relative times land on one axis."""
    every_time = itertools.chain(time_points(record), study_times(record))
    dated = [(path, date) for path, text in every_time if (date := parse_date(text)) is not None]
    if not dated:
        return TimeAxis(None), []
    first_start = record.treatment[0].start if record.treatment else None
    anchor = parse_date(first_start) if first_start else None
    if anchor is not None:
        return TimeAxis(anchor), []
    if not record.treatment:
        return TimeAxis(min(date for _, date in dated)), []
    return TimeAxis(None), [
        Finding(
            path,
            "a date needs a day 0 to count from",
            "give the first treatment step's start as a date, or write this time as 'week N'",
        )
        for path, _ in dated
    ]
