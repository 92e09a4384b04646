"""Shared model settings and small value types used across the case model."""

from __future__ import annotations

import datetime
import enum
import re
from dataclasses import dataclass
from typing import Annotated, Any, Final, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StringConstraints,
)
from pydantic_core import CoreSchema


class Strict(BaseModel):
    """Unknown keys are errors: an unexpected key is where a patient's name would slip in."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=True,
        str_strip_whitespace=True,
        use_attribute_docstrings=True,
    )


class Holds(enum.Enum):
    """What a text field holds: every text field of the case model says so, and the
    de-identification check reads each with the rules that fit it (checks/author_text.py). A
    new field typed Text or Markdown is case text, so it is checked with every rule; a new
    plain `str` field has no marker, and a test of the model fails until it is given one."""

    CASE_TEXT = "case text"
    """Published text about the case: every rule applies."""
    AUTHOR_IDENTITY = "author identity"
    """Names of the people and institutions who wrote or are cited: a name is expected there,
    a patient's name next to the word 'patient', an address or a number never is."""
    DECLARATION = "declaration"
    """The authors' statements about themselves (funding, conflicts): they name the authors."""
    CITED_WORK = "cited work"
    """Bibliographic data of a published work: its dates and title-case words are its own."""
    LINK = "link"
    """A web address: a link is expected, and what it names is still checked."""
    FORM_CHECKED = "form checked"
    """A pattern or a closed list admits only an id, a code, a DOI, an ORCID iD, an e-mail
    address or a time point: no prose can stand in it."""
    UNPUBLISHED = "unpublished"
    """Never reaches an output: the record of the de-identification review itself."""


@dataclass(frozen=True)
class Lines:
    """Whether a text field may span lines, said in the JSON Schema too, so that an editor
    warns while the author types and the field reference can say which fields may."""

    many: bool

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        schema: dict[str, Any] = handler(core_schema)
        if self.many:
            schema["contentMediaType"] = "text/markdown"
        else:
            schema["pattern"] = ONE_LINE_PATTERN
            schema["patternErrorMessage"] = "one line: no line breaks"
        return schema


LINE_BREAKS = r"\n\r\u2028\u2029"
ONE_LINE_PATTERN = f"^[^{LINE_BREAKS}]*$"
_LINE_BREAK = re.compile(f"[{LINE_BREAKS}]")


class LineBreakError(ValueError):
    """A line break in a one-line field; `offset` is where it stands in the value, so that the
    error can point at the line it starts rather than at the start of the value."""

    def __init__(self, offset: int) -> None:
        self.offset = offset
        # checks/schema_errors.py words the author's message; this one is for programmers.
        super().__init__(f"line break at offset {offset} in a one-line field")


def _one_line(text: str) -> str:
    found = _LINE_BREAK.search(text)
    if found:
        raise LineBreakError(found.start())
    return text


Text = Annotated[
    str,
    StringConstraints(min_length=1, max_length=2000),
    AfterValidator(_one_line),
    Lines(many=False),
    Holds.CASE_TEXT,
]
"""A short plain-text value: one line, published and read as case text."""

Markdown = Annotated[
    str, StringConstraints(min_length=1, max_length=100_000), Lines(many=True), Holds.CASE_TEXT
]
"""Free text in Markdown over several lines; may cite references ([@key]) and figures
(@fig-id)."""

ImageFile = Annotated[
    Text, Field(json_schema_extra={"format": "uri-reference", "contentMediaType": "image/*"})
]
"""An image file, relative to the case folder, e.g. figures/back.png; the media type tells a
form editor to offer an upload (casebook.editor)."""

AuthorText = Annotated[Text, Holds.AUTHOR_IDENTITY]
"""A name of an author, of an author's institution or of a cited work's author."""

DeclarationText = Annotated[Text, Holds.DECLARATION]
"""The authors' statement about their funding or their interests."""

CitedText = Annotated[Text, Holds.CITED_WORK]
"""Bibliographic data of a published work: its title, journal, volume or pages."""

Link = Annotated[str, StringConstraints(pattern=r"^https?://\S+$"), Holds.LINK]
"""A web address starting with https:// or http://."""

UnpublishedText = Annotated[Text, Holds.UNPUBLISHED]
"""Text that stays in case.yaml: it reaches no page, download or feed."""


FigureRef = Annotated[
    str, StringConstraints(pattern=r"^fig-[a-z0-9][a-z0-9-]*$"), Holds.FORM_CHECKED
]
"""The id of a figure or of one of its panels, e.g. fig-clinical or fig-clinical-back."""

_DURATION_RE = re.compile(r"^(about |up to )?(\d+(?:\.\d+)?) (day|week|month|year)s?$")
DurationText = Annotated[
    str,
    StringConstraints(pattern=_DURATION_RE.pattern),
    Holds.FORM_CHECKED,
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
    Holds.FORM_CHECKED,
    Field(examples=["week 0", "week 4", "month 3", "2024-03-01"]),
]
"""A time relative to the start of treatment ('week 4', 'month 3'), or a date (YYYY-MM-DD).
Pages show every time relative to the start of treatment: calendar dates identify patients."""

NotStated = Literal["not stated"]
"""The source does not say: written out, so that every output says "not stated" and no one
has to invent a value."""
NOT_STATED: Final = "not stated"


def is_duration(text: str) -> bool:
    """'4 weeks' or 'about 2 months', as DurationText accepts."""
    return _DURATION_RE.match(text) is not None


def is_time_point(text: str) -> bool:
    """'week 4' or a date, as TimePoint accepts; not 'not stated'."""
    return re.fullmatch(_TIME_POINT_PATTERN, text) is not None


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
    Holds.FORM_CHECKED,
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
