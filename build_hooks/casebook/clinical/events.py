"""The CARE timeline of one patient: the author's events in time order."""

from __future__ import annotations

from dataclasses import dataclass

from casebook.models import PatientRecord, TimelineEvent, relative_days


@dataclass(frozen=True)
class EventRow:
    when: str
    """The time as the author wrote it, e.g. 'week -8' or 'year -13': events reach back
    further than any chart, and a birth thirteen years before reads badly in weeks."""
    days: float
    event: TimelineEvent


def event_rows(record: PatientRecord) -> tuple[EventRow, ...]:
    """The events earliest first; events at one time keep the order the author gave them."""
    rows = [EventRow(e.when, relative_days(e.when), e) for e in record.timeline]
    return tuple(sorted(rows, key=lambda row: row.days))
