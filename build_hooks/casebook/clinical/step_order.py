"""Treatment steps whose times contradict their order, or that cannot be placed: the errors,
each with the ways out."""

from __future__ import annotations

from typing import Protocol

from casebook.clinical.time_axis import Scale
from casebook.findings import Finding
from casebook.models import SINGLE_DOSE, PatientRecord

_EPSILON = 1e-6
# Messages count in weeks, whatever unit the page later chooses: the author reads them
# against the file, not the chart.
_WEEKS = Scale("week")
_OFF = ("interrupt", "stop")


class Placed(Protocol):
    @property
    def index(self) -> int: ...
    @property
    def start(self) -> float | None: ...
    @property
    def end(self) -> float | None: ...
    @property
    def approximate_start(self) -> bool: ...
    @property
    def approximate_end(self) -> bool: ...


def order_problem(
    record: PatientRecord, previous: Placed, index: int, start: float
) -> tuple[str, str] | None:
    """What is wrong with a step of `record.treatment[index]` starting at `start` after the
    previous step of its drug, or None."""
    assert previous.start is not None
    step, before = record.treatment[index], record.treatment[previous.index]
    drug, at = step.drug, f"treatment[{previous.index}]"
    was = _WEEKS.label(previous.start, approximate=previous.approximate_start)
    if start < previous.start - _EPSILON:
        if step.action == "stop":
            return (
                f"this {drug} step stops the drug at {_WEEKS.label(start)}, before the "
                f"previous {drug} step ({at}) began at {was}",
                "correct one of the two times, or write 'start: not stated' if the source "
                "does not say when the drug was stopped",
            )
        return (
            f"this {drug} step starts before the previous one ({at})",
            "list the steps of each drug in time order",
        )
    if abs(start - previous.start) <= _EPSILON:
        if before.action in _OFF and step.action not in _OFF:
            return (
                f"this {drug} step restarts the drug at {was}, the time it was stopped ({at})",
                "give the restart the time the source gives, or write 'start: not stated' "
                "if it does not say when; the steps then keep their list order",
            )
        if before.duration != SINGLE_DOSE or step.action in _OFF:
            return (
                f"this {drug} step and the previous one ({at}) are both at {was}, so the "
                "times do not say which came first",
                "give each step the time the source gives, or write 'start: not stated' on "
                "the later one if the source gives only the order",
            )
    if (
        previous.end is not None
        and not previous.approximate_end
        and start < previous.end - _EPSILON
    ):
        length = before.duration or ""
        return (
            f"this {drug} step overlaps the previous one ({at}, which lasts {length})",
            "shorten the previous step's duration, or start this step when it ends",
        )
    return None


def unplaceable(record: PatientRecord, index: int, previous: Placed) -> Finding:
    """A step without a start after one that says nothing of when the next begins."""
    before = record.treatment[previous.index]
    where = f"the previous {before.drug} step (treatment[{previous.index}])"
    if before.action == "stop":
        return Finding(
            ("treatment", index),
            f"this step restarts {before.drug} after {where} stopped it, so it needs a start",
            "add the start the source gives, e.g. 'start: week 8', or 'start: not stated' if "
            "it does not say when the drug was restarted",
        )
    why = "is a single dose" if before.duration == SINGLE_DOSE else "has no duration"
    return Finding(
        ("treatment", index),
        f"cannot place this step on the timeline: {where} {why}",
        "give this step a start, e.g. 'start: week 8', or the previous step a duration; if "
        "the source does not say, write 'start: not stated' here or 'duration: not stated' on "
        "the previous step",
    )


def check_outcome_time(record: PatientRecord) -> list[Finding]:
    """The drug an outcome's time counts from must be one the treatment course gives."""
    outcome = record.outcome
    since = outcome.time_point.since if outcome and outcome.time_point else None
    drugs = list(dict.fromkeys(step.drug for step in record.treatment))
    if since is None or since in drugs:
        return []
    named = ", ".join(drugs)
    return [
        Finding(
            ("outcome", "time_point", "since"),
            f"no treatment step gives {since}",
            f"name a drug of the treatment course: {named}"
            if drugs
            else "add the drug's steps under treatment, or leave out since: to count from "
            "the start of treatment",
        )
    ]
