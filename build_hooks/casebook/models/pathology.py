"""Pathology and microbiology beyond H&E: immunohistochemistry, special stains, direct
immunofluorescence, cultures with their susceptibilities, and PCR and serology."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from casebook.models.base import Strict, Text, TimePoint

StainingResult = Literal["positive", "negative", "focally positive", "equivocal"]


class MarkerResult(Strict):
    """One immunohistochemical marker or special stain, and how the tissue took it up."""

    marker: Text
    """The antibody or stain, e.g. CD30, S100, PAS or Congo red."""
    result: StainingResult
    """positive, negative, focally positive or equivocal."""
    detail: Text | None = None
    """Where or how much, e.g. in the atypical lymphocytes, or Ki-67 in 40% of nuclei."""


class ImmunofluorescenceResult(Strict):
    """One immunoreactant of a direct immunofluorescence study."""

    reactant: Literal[
        "IgG", "IgG4", "IgA", "IgM", "IgE", "C3", "C1q", "C4d", "C5b-9", "fibrinogen", "albumin"
    ]
    """The immunoreactant looked for."""
    result: Literal["positive", "negative"]
    """Whether it was deposited."""
    pattern: Text | None = None
    """Where and how, e.g. linear along the basement membrane zone, or intercellular."""


class Susceptibility(Strict):
    """How an organism responded to one antimicrobial."""

    antimicrobial: Text
    """The drug tested, e.g. flucloxacillin."""
    result: Literal["susceptible", "susceptible, increased exposure", "resistant"]
    """The category as EUCAST reports it (CLSI's 'intermediate' is written as 'susceptible,
    increased exposure')."""


class Culture(Strict):
    """One culture: the specimen, what grew and what it was susceptible to."""

    specimen: Text
    """What was cultured, e.g. pustule swab or blood."""
    growth: Literal["grown", "no growth", "mixed flora"]
    """Whether an organism grew."""
    organism: Text | None = None
    """The organism grown, e.g. Staphylococcus aureus; required when one grew."""
    susceptibility: list[Susceptibility] = []
    """Antimicrobial susceptibilities of the organism."""
    when: TimePoint | None = None
    """When the specimen was taken: 'week 0' (relative to the start of treatment) or a date."""

    @model_validator(mode="after")
    def _organism_when_grown(self) -> Culture:
        if self.growth == "grown" and self.organism is None:
            raise ValueError(
                "a culture that grew an organism needs organism: e.g. Candida albicans"
            )
        if self.growth != "grown" and (self.organism or self.susceptibility):
            raise ValueError(
                f"a culture with {self.growth} has no organism or susceptibility: set "
                "growth: grown, or remove them"
            )
        return self


class AssayResult(Strict):
    """One PCR, serology or antigen test, for an infection or for autoantibodies."""

    method: Literal["PCR", "serology", "antigen test"]
    """How it was tested."""
    target: Text
    """What was looked for, e.g. HSV-1 DNA, anti-BP180 IgG or Treponema pallidum antibodies."""
    specimen: Text | None = None
    """What was tested, e.g. vesicle fluid or serum."""
    result: Literal["positive", "negative", "equivocal"]
    """The result."""
    value: Text | None = None
    """The measured value where one is reported, e.g. 1:320 or 85 U/mL."""
    when: TimePoint | None = None
    """When it was taken: 'week 0' (relative to the start of treatment) or a date."""
