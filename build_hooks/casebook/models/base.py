"""Shared model settings and small value types used across the case model."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints


class Strict(BaseModel):
    """Unknown keys are errors: an unexpected key is where a patient's name would slip in."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=True,
        str_strip_whitespace=True,
        use_attribute_docstrings=True,
    )


Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
"""A short plain-text value (one line or phrase)."""

# The media types mark, in the exported JSON Schema, what a form editor shows as a long text
# box and as an image upload; a new field of either type gets the right widget by itself.
Markdown = Annotated[
    str,
    StringConstraints(min_length=1, max_length=100_000),
    Field(json_schema_extra={"contentMediaType": "text/markdown"}),
]
"""Free text in Markdown; may cite references ([@key]) and figures (@fig-id)."""

ImageFile = Annotated[
    str,
    StringConstraints(min_length=1, max_length=2000),
    Field(json_schema_extra={"format": "uri-reference", "contentMediaType": "image/*"}),
]
"""An image file, relative to the case folder, e.g. figures/back.png."""

FigureRef = Annotated[str, StringConstraints(pattern=r"^fig-[a-z0-9][a-z0-9-]*$")]
"""The id of a figure or of one of its panels, e.g. fig-clinical or fig-clinical-back."""

_DURATION_RE = re.compile(r"^(about |up to )?(\d+(?:\.\d+)?) (day|week|month|year)s?$")
DurationText = Annotated[
    str,
    StringConstraints(pattern=_DURATION_RE.pattern),
    Field(examples=["4 weeks", "1 week", "about 2 months", "up to 2 months", "5 years"]),
]
"""A length of time: a number and a unit (days, weeks, months, years), optionally 'about', or
'up to' when the source gives only an upper bound."""

_RELATIVE_RE = re.compile(r"^(day|week|month|year) (-?\d+(?:\.\d+)?)$")

_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TIME_POINT_PATTERN = rf"{_RELATIVE_RE.pattern}|{_DATE_RE.pattern}"


def _real_date(text: str) -> str:
    if _DATE_RE.match(text):
        try:
            datetime.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"'{text}' is not a calendar date") from None
    return text


TimePoint = Annotated[
    str,
    StringConstraints(pattern=_TIME_POINT_PATTERN),
    AfterValidator(_real_date),
    Field(examples=["week 0", "week 4", "month 3", "2024-03-01"]),
]
"""A time relative to the start of treatment ('week 4', 'month 3'), or a date (YYYY-MM-DD).
Pages show every time relative to the start of treatment: calendar dates identify patients."""

# A value that is not a relative time but holds a year, a day and month or a month's name.
_DATE_LIKE = re.compile(
    r"\d{4}|\d{1,2}[/.-]\d{1,2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.IGNORECASE,
)


def _relative_only(text: str) -> str:
    if _RELATIVE_RE.match(text):
        return text
    if _DATE_LIKE.search(text):
        raise ValueError(
            f"'{text}' looks like a calendar date, and dates identify patients: write the time "
            "relative to the start of treatment, e.g. 'week -2' or 'month 3'"
        )
    raise ValueError(
        f"'{text}' is not a relative time: write a unit and a number counted from the start of "
        "treatment, e.g. 'day 3', 'week -2' or 'month 6'"
    )


RelativeTime = Annotated[
    str,
    AfterValidator(_relative_only),
    Field(
        examples=["week -2", "day 3", "month 6"],
        json_schema_extra={"pattern": _RELATIVE_RE.pattern},
    ),
]
"""A time relative to the start of treatment ('week -2', 'day 3', 'month 6'), never a date."""

_UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4375, "year": 365.25}


@dataclass(frozen=True)
class Duration:
    value: float
    unit: str
    approximate: bool
    upper_bound: bool = False
    """'up to 2 months': the source states only the longest it may have lasted."""

    @property
    def days(self) -> float:
        return self.value * _UNIT_DAYS[self.unit]

    def text(self) -> str:
        number = f"{self.value:g}"
        unit = self.unit if self.value == 1 else f"{self.unit}s"
        prefix = "up to " if self.upper_bound else "about " if self.approximate else ""
        return f"{prefix}{number} {unit}"


def parse_duration(text: str) -> Duration:
    match = _DURATION_RE.match(text)
    if match is None:
        raise ValueError(f"not a duration: {text!r}")
    qualifier = match.group(1)
    return Duration(
        float(match.group(2)),
        match.group(3),
        qualifier is not None,
        upper_bound=qualifier == "up to ",
    )


def relative_days(text: str) -> float:
    """'week 4' -> 28.0 days after the start of treatment."""
    match = _RELATIVE_RE.match(text)
    if match is None:
        raise ValueError(f"not a relative time: {text!r}")
    return float(match.group(2)) * _UNIT_DAYS[match.group(1)]


def parse_date(text: str) -> datetime.date | None:
    """The date a time point names, or None for a relative time."""
    return datetime.date.fromisoformat(text) if _DATE_RE.match(text) else None
