"""Laboratory results: flags computed from reference ranges, and results grouped by test."""

from __future__ import annotations

from dataclasses import dataclass

from casebook.clinical.time_axis import Scale, TimeAxis
from casebook.findings import Finding
from casebook.models import NOT_STATED, LabResult, PatientRecord, is_stated


def computed_flag(lab: LabResult) -> str | None:
    """high, low or normal from the reference range; None when no range is given or the
    result is text."""
    low, high = lab.reference_low, lab.reference_high
    if not isinstance(lab.value, float) or (low is None and high is None):
        return None
    if high is not None and lab.value > high:
        return "high"
    if low is not None and lab.value < low:
        return "low"
    return "normal"


def range_text(lab: LabResult) -> str:
    low, high = lab.reference_low, lab.reference_high
    if low is not None and high is not None:
        return f"{low:g}–{high:g}"
    if high is not None:
        return f"≤ {high:g}"
    if low is not None:
        return f"≥ {low:g}"
    return "not stated"


def result_text(lab: LabResult) -> str:
    """'0.8 ×10⁹/L', 'not detected', '< 0.5 mg/L' or 'not stated': the result as every output
    gives it."""
    if isinstance(lab.value, float):
        return f"{lab.value:g} {lab.unit}"
    if lab.unit is None or not is_stated(lab.value):
        return lab.value
    return f"{lab.value} {lab.unit}"


def check_labs(record: PatientRecord, axis: TimeAxis | None) -> list[Finding]:
    findings: list[Finding] = []
    # Compared with the first result that has a unit: a text result ('not detected') may have
    # none beside numbers of the same test.
    first_of_test: dict[str, int] = {}
    counts: dict[str, int] = {}
    for lab in record.investigations:
        counts[lab.test] = counts.get(lab.test, 0) + 1
    seen_times: dict[tuple[str, float], int] = {}
    for i, lab in enumerate(record.investigations):
        low, high = lab.reference_low, lab.reference_high
        if low is not None and high is not None and low > high:
            findings.append(
                Finding(
                    ("investigations", i, "reference_low"),
                    f"the reference range is reversed: {low:g} is above {high:g}",
                    "swap reference_low and reference_high",
                )
            )
            continue
        flag = computed_flag(lab)
        if lab.flag is not None and flag is not None and lab.flag != flag:
            findings.append(
                Finding(
                    ("investigations", i, "flag"),
                    f"flag '{lab.flag}' contradicts the reference range: {result_text(lab)} "
                    f"is {_position(flag)} {range_text(lab)}",
                    "remove the flag, which is computed from the range, or correct the value "
                    "or the range",
                )
            )
        first = first_of_test.setdefault(lab.test, i) if lab.unit is not None else i
        if first != i and lab.unit != record.investigations[first].unit:
            findings.append(
                Finding(
                    ("investigations", i, "unit"),
                    f"unit '{lab.unit}' differs from the first {lab.test} result "
                    f"('{record.investigations[first].unit}', investigations[{first}])",
                    "convert the value and use one unit per test",
                )
            )
        if counts[lab.test] > 1:
            if lab.when is None:
                findings.append(
                    Finding(
                        ("investigations", i),
                        f"{lab.test} is measured more than once, so each result needs a time",
                        "add when: e.g. 'week 4' or a date",
                    )
                )
            elif axis is not None:
                key = (lab.test, axis.days(lab.when))
                if key in seen_times:
                    findings.append(
                        Finding(
                            ("investigations", i, "when"),
                            f"{lab.test} already has a result at '{lab.when}' "
                            f"(investigations[{seen_times[key]}])",
                            "keep one result per test and time",
                        )
                    )
                seen_times.setdefault(key, i)
    return findings


def _position(flag: str) -> str:
    return {"high": "above", "low": "below", "normal": "within"}[flag]


@dataclass(frozen=True)
class LabRow:
    when: str
    """Time label, or 'not stated'."""
    days: float | None
    value: float | None
    """The number, for the chart; None for a result given as text."""
    result: str
    """The result as the table gives it, with its unit: '0.8 ×10⁹/L' or 'not detected'."""
    range: str
    flag: str
    """As printed: 'high', 'high (as reported)' when no range backs it, or ''."""


@dataclass(frozen=True)
class LabGroup:
    test: str
    unit: str
    reference_low: float | None
    reference_high: float | None
    rows: tuple[LabRow, ...]

    @property
    def repeated(self) -> bool:
        return len(self.rows) > 1

    @property
    def charted_points(self) -> tuple[tuple[float, float, str], ...]:
        """(days, value, time label) of each number at a known time: a result given as text is
        never charted."""
        return tuple(
            (row.days, row.value, row.when)
            for row in self.rows
            if row.value is not None and row.days is not None
        )

    @property
    def charted(self) -> bool:
        """Drawn as a trend: at least two numbers at known times."""
        return len(self.charted_points) > 1


def lab_groups(record: PatientRecord, *, axis: TimeAxis, scale: Scale) -> list[LabGroup]:
    """Results grouped by test in order of first appearance, each group in time order."""
    by_test: dict[str, list[LabResult]] = {}
    for lab in record.investigations:
        by_test.setdefault(lab.test, []).append(lab)
    groups = []
    for test, labs in by_test.items():
        rows = [_row(lab, axis=axis, scale=scale) for lab in labs]
        rows.sort(key=lambda r: -1e12 if r.days is None else r.days)
        unit = next((lab.unit for lab in labs if lab.numeric and lab.unit), "")
        groups.append(
            LabGroup(test, unit, labs[-1].reference_low, labs[-1].reference_high, tuple(rows))
        )
    return groups


def _row(lab: LabResult, *, axis: TimeAxis, scale: Scale) -> LabRow:
    days = axis.days(lab.when) if lab.when else None
    flag = computed_flag(lab)
    shown = f"{lab.flag} (as reported)" if flag is None and lab.flag is not None else flag or ""
    return LabRow(
        when=NOT_STATED if days is None else scale.label(days),
        days=days,
        value=lab.value if isinstance(lab.value, float) else None,
        result=result_text(lab),
        range=range_text(lab),
        flag=shown,
    )
