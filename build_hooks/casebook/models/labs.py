"""Laboratory results: a number with its unit and range, or the result as the source words it."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import field_validator, model_validator

from casebook.models.base import Strict, Text, TimePoint
from casebook.models.stated import TextOrNotStated

_NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")


class LabResult(Strict):
    """One laboratory result."""

    test: Text
    """Name of the test, e.g. Eosinophil count."""
    value: float | TextOrNotStated
    """The result: a number, which is checked against the reference range and charted over
    time; or the result as the source words it, e.g. positive, not detected, trace, which is
    shown as written and never charted; or 'not stated' when the source gives only a flag."""
    unit: Text | None = None
    """Unit of a numeric value, e.g. ×10^9/L or kU/L; a result written as text needs none."""
    reference_low: float | None = None
    """Lower end of the reference range, if known."""
    reference_high: float | None = None
    """Upper end of the reference range, if known."""
    flag: Literal["high", "low", "normal"] | None = None
    """Whether the value was outside the reference range, as reported; computed from the range
    when one is given, and then an error if it disagrees."""
    when: TimePoint | None = None
    """When it was measured: 'week 4' (relative to the start of treatment) or a date. Needed
    on every result of a test measured more than once."""

    @field_validator("value", mode="before")
    @classmethod
    def _no_number_in_quotes(cls, value: object) -> object:
        if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
            raise ValueError(
                f"'{value}' is a number written as text: remove the quotes, so that it is "
                "checked against the reference range and charted"
            )
        return value

    @model_validator(mode="after")
    def _unit_and_range_fit_the_value(self) -> LabResult:
        if self.numeric and self.unit is None:
            raise ValueError(
                f"the result {self.value:g} needs its unit: add unit, e.g. g/L or ×10^9/L"
            )
        if not self.numeric and (self.reference_low, self.reference_high) != (None, None):
            raise ValueError(
                f"the result '{self.value}' is text, so a numeric reference range cannot apply: "
                "remove reference_low and reference_high, or give the result as a number"
            )
        return self

    @property
    def numeric(self) -> bool:
        """True for a measured number; False for a result given as text or not stated."""
        return isinstance(self.value, float)
