"""Place treatment steps on the case's time axis; overlapping, unordered or unplaceable steps
are errors."""

from __future__ import annotations

from dataclasses import dataclass

from casebook.clinical.step_order import order_problem, unplaceable
from casebook.clinical.time_axis import Scale, TimeAxis, scale_for
from casebook.findings import Finding
from casebook.models import NOT_STATED, SINGLE_DOSE, PatientRecord, TreatmentStep, parse_duration


@dataclass(frozen=True)
class PlacedStep:
    index: int
    step: TreatmentStep
    start: float | None
    """Days from day 0; None when the source does not state it (the step keeps its place in
    the list)."""
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

    @property
    def single_dose(self) -> bool:
        return self.step.duration == SINGLE_DOSE

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
    drawable: bool = False
    """Every step has a time and the times span more than an instant: the chart is drawn."""

    @property
    def drugs(self) -> list[str]:
        return list(dict.fromkeys(s.step.drug for s in self.steps))

    @property
    def timed(self) -> bool:
        """Every step has a time: the course can be drawn on the case's axis. Otherwise the
        list order is the only order, and only the table shows it."""
        return all(s.start is not None for s in self.steps)

    def start_label(self, placed: PlacedStep) -> str:
        if placed.start is None:
            return NOT_STATED
        return self.scale.label(placed.start, approximate=placed.approximate_start)

    def duration_label(self, placed: PlacedStep) -> str:
        """The Duration column of every output: '4 weeks', 'single dose', 'not stated', or
        nothing for a stop."""
        duration = placed.step.duration
        if duration is None and placed.step.action == "stop":
            return ""  # a stop lasts no time: nothing is missing
        if duration is None or duration == NOT_STATED:
            return NOT_STATED
        if duration == SINGLE_DOSE:
            return SINGLE_DOSE
        return parse_duration(duration).text()

    @property
    def note(self) -> str:
        """The sentence under the treatment table, the same in every output."""
        note = "Times are counted from the start of treatment (week 0)"
        if self.axis.day_zero:
            note += (
                "; dates in the case data are shown as times since then, since calendar dates "
                "identify patients"
            )
        if not self.timed:
            note += (
                ". Where the source does not state a time, the table says so and lists the "
                "steps in the order the source gives them"
            )
        return note + "."

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
    start: float | None
    approximate_start: bool
    end: float | None
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
        start: float | None
        approximate = False
        if step.start == NOT_STATED:
            start = None
        elif step.start is not None:
            start = axis.days(step.start)
            if previous is not None and previous.start is not None:
                problem = order_problem(record, previous, index, start)
                if problem:
                    findings.append(Finding(("treatment", index, "start"), *problem))
                    last_of_drug[step.drug] = _Open(index, start, False, None, False)
                    blocked.add(step.drug)
                    continue
                if previous.end is None or previous.approximate_end:
                    previous.end = start if previous.end is None else min(previous.end, start)
        elif previous is None:
            if index > 0:
                findings.append(
                    Finding(
                        ("treatment", index),
                        f"the first {step.drug} step needs a start",
                        "add a start, e.g. 'start: week 2' or a date, or 'start: not stated' "
                        "if the source does not say when it began",
                    )
                )
                blocked.add(step.drug)
                continue
            start = 0.0
        elif _ends_the_drug(record.treatment[previous.index]) or (
            previous.start is not None
            and previous.end is None
            and record.treatment[previous.index].duration != NOT_STATED
        ):
            findings.append(unplaceable(record, index, previous))
            blocked.add(step.drug)
            continue
        elif previous.start is None or previous.end is None:
            # The author wrote that the previous step's time or length is not stated: so is
            # this step's start, and the list order is its place.
            start = None
        else:
            start, approximate = previous.end, previous.approximate_end
        current = _Open(index, start, approximate, *_end(step, start, approximate=approximate))
        placed.append(current)
        last_of_drug[step.drug] = current
    return placed, findings


def _end(
    step: TreatmentStep, start: float | None, *, approximate: bool
) -> tuple[float | None, bool]:
    if start is None or step.action == "stop":
        return None, approximate
    if step.duration == SINGLE_DOSE:
        return start, approximate
    if step.duration is None or step.duration == NOT_STATED:
        return None, approximate
    duration = parse_duration(step.duration)
    return start + duration.days, approximate or duration.approximate


def _ends_the_drug(step: TreatmentStep) -> bool:
    """After a stop or a single dose, nothing follows by itself: a restart needs a start."""
    return step.action == "stop" or step.duration == SINGLE_DOSE


def build_timeline(
    record: PatientRecord, axis: TimeAxis, placed: list[_Open], *, other_times: list[float]
) -> Timeline:
    """The placed steps with one axis wide enough for them and for every score or lab time."""
    edges = [p.start for p in placed if p.start is not None]
    edges += [p.end for p in placed if p.end is not None]
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
    # A course at week 0 alone, of unstated length, has no scale to draw it on: 0 to 1 week
    # would be invented.
    drawable = bool(steps) and all(s.start is not None for s in steps) and any(edges)
    return Timeline(steps, axis, scale_for(high - low), low, high, drawable=drawable)
