"""The 'Cite this case' block of a page: made by scholarly, shown by the page renderer."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup


@dataclass(frozen=True)
class CiteView:
    """The 'Cite this case' block of a page."""

    formatted: Markup
    downloads: tuple[tuple[str, str, str], ...]
    """(label, file name next to the page, media type) of each citation download."""
    full_text: tuple[tuple[str, str, str], ...] = ()
    """The same for each full-text download (PDF, JATS XML)."""

    @property
    def pdf(self) -> str | None:
        """File name of the case's PDF, when it has one."""
        return next((name for label, name, _ in self.full_text if label == "PDF"), None)
