"""The registry of outcome instruments: built-in scores with their published ranges, plus the
site's own from extra.casebook.instruments."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field, model_validator

from casebook.models.base import Strict, Text


@dataclass(frozen=True)
class Instrument:
    name: str
    full_name: str
    low: float
    high: float
    whole_numbers: bool = False
    response_levels: tuple[int, ...] = ()
    """Percent improvements from baseline reported as responses: EASI-75 is 75."""

    def range_text(self) -> str:
        return f"{self.low:g} to {self.high:g}"


# Every instrument here is scored so that a higher value means more severe disease.
BUILT_IN: dict[str, Instrument] = {
    i.name: i
    for i in (
        Instrument("EASI", "Eczema Area and Severity Index", 0, 72, response_levels=(50, 75, 90)),
        Instrument(
            "PPPASI",
            "Palmoplantar Pustulosis Area and Severity Index",
            0,
            72,
            response_levels=(50, 75, 90),
        ),
        Instrument(
            "PASI", "Psoriasis Area and Severity Index", 0, 72, response_levels=(50, 75, 90, 100)
        ),
        Instrument("SCORAD", "SCORing Atopic Dermatitis", 0, 103, response_levels=(50, 75)),
        Instrument("DLQI", "Dermatology Life Quality Index", 0, 30, whole_numbers=True),
        Instrument("IGA", "Investigator's Global Assessment", 0, 4, whole_numbers=True),
        Instrument("itch NRS", "itch numerical rating scale", 0, 10, whole_numbers=True),
    )
}


class InstrumentSetting(Strict):
    """An outcome instrument a site adds to the built-in registry."""

    full_name: Text
    """Name spelled out, e.g. Urticaria Activity Score over 7 days."""
    min: float = 0
    """Lowest possible score."""
    max: float
    """Highest possible score."""
    whole_numbers: bool = False
    """true when the instrument is scored in whole numbers only."""
    response_levels: list[Annotated[int, Field(gt=0, le=100)]] = Field(default_factory=list)
    """Percent improvements reported as responses, e.g. [50, 75] for UAS7-50 and UAS7-75."""

    @model_validator(mode="after")
    def _range(self) -> InstrumentSetting:
        if self.max <= self.min:
            raise ValueError("max must be greater than min")
        return self


def registry(site_instruments: Mapping[str, InstrumentSetting]) -> dict[str, Instrument]:
    """Built-in instruments plus the site's (settings forbid redefining a built-in one)."""
    added = {
        name: Instrument(
            name,
            setting.full_name,
            setting.min,
            setting.max,
            whole_numbers=setting.whole_numbers,
            response_levels=tuple(sorted(set(setting.response_levels))),
        )
        for name, setting in site_instruments.items()
    }
    return {**BUILT_IN, **added}
