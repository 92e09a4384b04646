"""Outcome-score series: one instrument measured at several times."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from casebook.models.base import Strict, Text, TimePoint


class ScorePoint(Strict):
    """One measurement of a score."""

    when: TimePoint
    """When it was scored: 'week 4' (relative to the start of treatment) or a date."""
    value: float
    """The score; checked against the instrument's range."""


class ScoreSeries(Strict):
    """Repeated measurements of one outcome instrument, in time order."""

    instrument: Text
    """A registered instrument: EASI, PPPASI, PASI, SCORAD, DLQI, IGA, itch NRS, or one the
    site defines under extra.casebook.instruments in mkdocs.yml."""
    region: Text | None = None
    """What was scored, when not the whole body, e.g. truncal rash."""
    illustrative: bool = False
    """true when the values are not measurements but illustrate a course the source describes
    only in words; the page says so under every chart and table of them."""
    values: Annotated[list[ScorePoint], Field(min_length=1)]
    """The measurements, earliest first; the first is the baseline."""
