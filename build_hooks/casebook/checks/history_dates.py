"""The dates of a case's way to publication come in their order: received, revised, accepted,
published."""

from __future__ import annotations

from casebook.findings import Finding
from casebook.models import CaseFile

# (field, what it is called in a message), in the order the dates must come.
_STEPS = (
    ("received", "received"),
    ("revised", "revised"),
    ("accepted", "accepted"),
    ("date", "published"),
)


def check_history_dates(case: CaseFile) -> list[Finding]:
    """Each given date is on or after every earlier one that is given."""
    pub = case.publication
    findings = []
    given = [(field, name, getattr(pub, field)) for field, name in _STEPS]
    given = [step for step in given if step[2] is not None]
    for index, (field, name, day) in enumerate(given):
        later_than = [step for step in given[:index] if step[2] > day]
        if later_than:
            _, before, that_day = later_than[-1]
            findings.append(
                Finding(
                    ("publication", field),
                    f"{name} {day.isoformat()} is before {before} {that_day.isoformat()}",
                    "the dates come in the order received, revised, accepted, then the "
                    "publication date; check the year and month",
                )
            )
    return findings
