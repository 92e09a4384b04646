"""The abstract: one text, or the structured form many journals ask of a case report."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Discriminator, Tag

from casebook.models.base import Markdown, Strict


class StructuredAbstract(Strict):
    """An abstract in the three parts of a structured case-report abstract."""

    background: Markdown
    """Why the case is worth reporting."""
    case_presentation: Markdown
    """The patient, the main findings, the diagnosis, the treatment and the outcome."""
    conclusions: Markdown
    """What the case teaches."""

    def sections(self) -> tuple[tuple[str, str], ...]:
        """(heading, text) of each part, in the order journals print them."""
        return (
            ("Background", self.background),
            ("Case presentation", self.case_presentation),
            ("Conclusions", self.conclusions),
        )


def _form(value: Any) -> str:
    # A mapping is the structured form; anything else is checked as the plain text, so a
    # mistake in either is reported against the form the author meant.
    if isinstance(value, dict | StructuredAbstract):
        return "structured"
    return "plain"


Abstract = Annotated[
    Annotated[Markdown, Tag("plain")] | Annotated[StructuredAbstract, Tag("structured")],
    Discriminator(_form),
]
"""A plain abstract (Markdown), or a mapping of background, case_presentation, conclusions."""
