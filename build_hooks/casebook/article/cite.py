"""The 'Cite this case' block of a page: made by scholarly, shown by the page renderer."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup


@dataclass(frozen=True)
class CiteView:
    """The 'Cite this case' block of a page."""

    formatted: Markup
    downloads: tuple[tuple[str, str, str], ...]
    """(label, file name next to the page, media type) of each download."""
