"""Demographics beyond sex: the age as case reports give it (years, an infant's months, a
neonate's days, '90 or older'), and ethnicity only with why it bears on the case."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from casebook.models.base import Strict, Text

OVER_89 = "90 or older"
NEONATE_DAYS = 28
"""The neonatal period: the first 28 days of life."""
MONTHS_UNTIL = 24
"""A child is aged in months until the second birthday."""


class AgeInUnits(Strict):
    """An infant's age: days for a neonate (under 28 days), months under 2 years."""

    value: Annotated[int, Field(ge=0)]
    """The number of days or months."""
    unit: Literal["days", "months"]
    """days (under 28 days) or months (from 1 to 23 months)."""


def checked_age(age: object) -> object:
    """The age as written, or a ValueError saying which form that age is written in."""
    if age == OVER_89:
        return age
    if isinstance(age, dict):
        return _infant_age(age)
    if isinstance(age, bool) or not isinstance(age, int):
        raise ValueError(
            "age must be a whole number of years, '90 or older', or for a child under 2 "
            "{value: 9, unit: months} (a neonate: {value: 12, unit: days})"
        )
    if age > 89:
        raise ValueError("ages over 89 identify patients: write age: '90 or older'")
    if age < 0:
        raise ValueError("age must be 0 or more")
    if age < MONTHS_UNTIL // 12:
        raise ValueError(
            "a child under 2 is aged in months: write age: {value: N, unit: months} "
            "(a neonate, under 28 days: {value: N, unit: days})"
        )
    return age


def _infant_age(age: dict[object, object]) -> AgeInUnits:
    value, unit = age.get("value"), age.get("unit")
    unknown = sorted(str(key) for key in age if key not in ("value", "unit"))
    if unknown or unit not in ("days", "months"):
        raise ValueError(
            "an infant's age is {value: N, unit: months}, or {value: N, unit: days} under "
            "28 days; from 2 years write whole years, e.g. age: 7"
        )
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"the number of {unit} must be a whole number, 0 or more")
    if unit == "days" and value >= NEONATE_DAYS:
        raise ValueError(
            f"{value} days is past the neonatal period: from 28 days write the age in months, "
            f"age: {{value: {max(1, value * 12 // 365)}, unit: months}}"
        )
    if unit == "months" and value < 1:
        raise ValueError(
            "a child under a month old is aged in days: write age: {value: N, unit: days}"
        )
    if unit == "months" and value >= MONTHS_UNTIL:
        raise ValueError(f"a child of 2 or more is aged in years: write age: {value // 12}")
    return AgeInUnits(value=value, unit=unit)


class Ethnicity(Strict):
    """The patient's ethnicity, published only with why it bears on the case."""

    group: Text
    """The ethnicity as reported, e.g. Han Chinese."""
    relevance: Text
    """Why it matters for this case, e.g. the HLA-B*58:01 allele is common in this group.
    Required: ethnicity that does not bear on the case is left out."""

    @model_validator(mode="before")
    @classmethod
    def _relevant(cls, data: object) -> object:
        if isinstance(data, dict) and "group" in data and not data.get("relevance"):
            raise ValueError(
                "ethnicity is published only where it bears on the case: add relevance "
                "saying why it matters, or remove ethnicity"
            )
        return data
