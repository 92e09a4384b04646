"""Figures and their panels, as the author lists them."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from casebook.models.base import FigureRef, ImageFile, Strict, Text

ChartKind = Literal["scores"]
FigureKind = Literal["clinical photo", "dermoscopy", "histology", "imaging", "chart", "diagram"]


class Panel(Strict):
    """One image of a figure; panels are lettered a, b, c in the order listed."""

    id: FigureRef | None = None
    """Id to cite this panel alone, e.g. fig-clinical-back (renders as 'Figure 1a')."""
    file: ImageFile | None = None
    """Image file, relative to the case folder, e.g. figures/back.png."""
    chart: ChartKind | None = None
    """Instead of a file: a chart drawn from the case data at build time ('scores')."""
    instruments: list[Text] = []
    """For a scores chart, the instruments to draw (all score series when empty)."""
    legend: Text
    """What the panel shows; stain and magnification are added from the histology data."""
    alt: Text
    """Alternative text for readers who cannot see the image."""
    placeholder: bool = False
    """true when the image is a generated stand-in, not a patient image."""
    kind: FigureKind | None = None
    """Kind of this panel when it differs from the figure's kind."""

    @model_validator(mode="after")
    def _file_or_chart(self) -> Panel:
        if (self.file is None) == (self.chart is None):
            raise ValueError("give either file (an image) or chart (drawn from the case data)")
        if self.instruments and self.chart != "scores":
            raise ValueError("instruments only applies to a scores chart")
        return self


class Figure(Strict):
    """A numbered figure; numbers follow the order of first mention in the text."""

    id: FigureRef
    """Id used to cite the figure, e.g. fig-clinical (renders as 'Figure 1')."""
    kind: FigureKind
    """What kind of image the figure holds."""
    title: Text | None = None
    """Optional short title, printed before the panel legends."""
    panels: Annotated[list[Panel], Field(min_length=1, max_length=26)]
    """The images of the figure, lettered a, b, c in this order."""
