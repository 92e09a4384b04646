"""The CARE timeline of one patient: the author's events in time order, each labelled on the
patient's time axis as every other time on the page is."""

from __future__ import annotations

from dataclasses import dataclass

from casebook.clinical.time_axis import Scale
from casebook.models import PatientRecord, TimelineEvent, relative_days


@dataclass(frozen=True)
class EventRow:
    when: str
    """The time as the page shows it, e.g. 'week -8'."""
    days: float
    event: TimelineEvent


def event_rows(record: PatientRecord, *, scale: Scale) -> tuple[EventRow, ...]:
    """The events earliest first; events at one time keep the order the author gave them."""
    rows = [
        EventRow(scale.label(relative_days(e.when)), relative_days(e.when), e)
        for e in record.timeline
    ]
    return tuple(sorted(rows, key=lambda row: row.days))
