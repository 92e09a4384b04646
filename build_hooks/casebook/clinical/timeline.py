"""Place treatment steps on the case's time axis; overlapping, unordered or unplaceable steps
are errors."""

from __future__ import annotations

from dataclasses import dataclass

from casebook.clinical.time_axis import Scale, TimeAxis, scale_for
from casebook.findings import Finding
from casebook.models import PatientRecord, TreatmentStep, parse_duration

_EPSILON = 1e-6


@dataclass(frozen=True)
class PlacedStep:
    index: int
    step: TreatmentStep
    start: float
    """Days from day 0."""
    end: float | None
    """Days from day 0; None when its length is not stated and nothing follows it."""
    approximate_start: bool
    """The start depends on an earlier 'about' or 'up to' duration."""
    approximate_end: bool

    @property
    def approximate(self) -> bool:
        return self.approximate_start or self.approximate_end

    @property
    def off_drug(self) -> bool:
        return self.step.action in ("interrupt", "stop")

    def dose_text(self) -> str:
        if self.step.dose is None:
            return "off" if self.off_drug else "dose not stated"
        return f"{self.step.dose.value:g} {self.step.dose.unit}"


@dataclass(frozen=True)
class Timeline:
    steps: tuple[PlacedStep, ...]
    axis: TimeAxis
    scale: Scale
    start: float
    end: float

    @property
    def drugs(self) -> list[str]:
        return list(dict.fromkeys(s.step.drug for s in self.steps))

    def start_label(self, placed: PlacedStep) -> str:
        return self.scale.label(placed.start, approximate=placed.approximate_start)

    def end_label(self, placed: PlacedStep) -> str:
        if placed.end is None:
            return "length not stated"
        return self.scale.label(placed.end, approximate=placed.approximate_end)

    def end_of(self, placed: PlacedStep) -> float:
        """Where a step is drawn to: a step of unstated length runs to the end of the axis."""
        return self.end if placed.end is None else placed.end


@dataclass
class _Open:
    index: int
    start: float
    end: float | None
    approximate_start: bool
    approximate_end: bool


def place_steps(record: PatientRecord, axis: TimeAxis) -> tuple[list[_Open], list[Finding]]:
    placed: list[_Open] = []
    findings: list[Finding] = []
    last_of_drug: dict[str, _Open] = {}
    # After a step that cannot be placed, the later steps of that drug follow from it: one
    # error says enough until a step gives its own start.
    blocked: set[str] = set()
    for index, step in enumerate(record.treatment):
        if step.drug in blocked and step.start is None:
            continue
        blocked.discard(step.drug)
        previous = last_of_drug.get(step.drug)
        where = ("treatment", index, "start")
        if step.start is not None:
            start, approximate = axis.days(step.start), False
            if previous is not None:
                problem = _order_problem(record, previous, start, step.drug)
                if problem:
                    findings.append(Finding(where, *problem))
                    continue
                if previous.end is None or previous.approximate_end:
                    previous.end = start if previous.end is None else min(previous.end, start)
        elif previous is None:
            if index > 0:
                findings.append(
                    Finding(
                        ("treatment", index),
                        f"the first {step.drug} step needs a start",
                        "add a start, e.g. 'start: week 2' or a date",
                    )
                )
                blocked.add(step.drug)
                continue
            start, approximate = 0.0, False
        elif previous.end is None:
            findings.append(_unplaceable(record, index, previous))
            blocked.add(step.drug)
            continue
        else:
            start, approximate = previous.end, previous.approximate_end
        end: float | None = None
        approximate_end = approximate
        if step.duration is not None and step.action != "stop":
            duration = parse_duration(step.duration)
            end = start + duration.days
            approximate_end = approximate or duration.approximate
        current = _Open(index, start, end, approximate, approximate_end)
        placed.append(current)
        last_of_drug[step.drug] = current
    return placed, findings


def _order_problem(
    record: PatientRecord, previous: _Open, start: float, drug: str
) -> tuple[str, str] | None:
    before = record.treatment[previous.index]
    if start < previous.start - _EPSILON:
        return (
            f"this {drug} step starts before the previous one (treatment[{previous.index}])",
            "list the steps of each drug in time order",
        )
    if (
        previous.end is not None
        and not previous.approximate_end
        and start < previous.end - _EPSILON
    ):
        length = before.duration or ""
        return (
            f"this {drug} step overlaps the previous one (treatment[{previous.index}], "
            f"which lasts {length})",
            "shorten the previous step's duration, or start this step when it ends",
        )
    return None


def _unplaceable(record: PatientRecord, index: int, previous: _Open) -> Finding:
    before = record.treatment[previous.index]
    why = "stops the drug" if before.action == "stop" else "has no duration"
    return Finding(
        ("treatment", index),
        f"cannot place this step on the timeline: the previous {before.drug} step "
        f"(treatment[{previous.index}]) {why}",
        "give this step a start, or the previous step a duration",
    )


def build_timeline(
    record: PatientRecord, axis: TimeAxis, placed: list[_Open], *, other_times: list[float]
) -> Timeline:
    """The placed steps with one axis wide enough for them and for every score or lab time."""
    edges = [p.start for p in placed] + [p.end for p in placed if p.end is not None]
    edges += other_times
    low = min([0.0, *edges])
    high = max([low, *edges])
    if high - low < 7:
        high = low + 7
    steps = tuple(
        PlacedStep(
            p.index,
            record.treatment[p.index],
            p.start,
            p.end,
            p.approximate_start,
            p.approximate_end,
        )
        for p in placed
    )
    return Timeline(steps, axis, scale_for(high - low), low, high)
