"""Site-wide settings, read from the `extra.casebook` mapping of mkdocs.yml (or any dict)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from casebook.models.base import Strict, Text


class SiteSettings(Strict):
    """Settings for the whole site; every case page and listing uses them."""

    case_dir: Text = "case_data"
    """Folder, relative to mkdocs.yml, that holds one sub-folder per case."""
    title: Text = "Casebook"
    """Title of the home page."""
    description: Text = "Clinical case reports."
    """One line under the home page title."""
    journal_title: Text | None = None
    """Journal or collection name used in citations and metadata."""
    journal_abbreviation: Text | None = None
    issn: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{3}[\dX]$")] | None = None
    publisher: Text | None = None
    default_licence: Text = "CC-BY-4.0"
    base_url: Annotated[str, Field(pattern=r"^https?://\S+/$")] | None = None
    """Public address of the site, ending in '/'."""
    cases_per_page: Annotated[int, Field(ge=10)] = 100
    """How many cases the home page lists; older ones continue on archive/2/, archive/3/ and so
    on, so that no page grows with the collection and an edit rebuilds one short page."""
