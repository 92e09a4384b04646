"""Doses and routes, shared by the treatment course, the medication history and the drugs of an
adverse reaction."""

from __future__ import annotations

from typing import Annotated, Final, Literal

from pydantic import Field

from casebook.models.base import Strict


class Dose(Strict):
    """An amount of drug per administration."""

    value: Annotated[float, Field(gt=0)]
    """Amount per administration; must be more than 0."""
    unit: Literal["mg", "g", "µg", "mg/kg", "IU", "units", "mL", "%"]
    """Unit of the amount."""


Route = Literal["oral", "topical", "subcutaneous", "intravenous", "intramuscular"]

SingleDose = Literal["single dose"]
"""A treatment given once: a point in time, not a period."""
SINGLE_DOSE: Final = "single dose"
