"""References as CSL data, with the field names that Zotero and citation managers export."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator

from casebook.models.base import AuthorText, CitedText, Holds, Link, Strict

CitationKey = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$"), Holds.FORM_CHECKED
]


class Name(Strict):
    """A CSL name: family and given for a person, or literal for an organisation."""

    family: AuthorText | None = None
    """Family name of a person."""
    given: AuthorText | None = None
    """Given names or initials, e.g. J. I."""
    literal: AuthorText | None = None
    """Name of an organisation as an author."""


class DateParts(Strict):
    """A CSL date: date-parts: [[year, month, day]], month and day optional."""

    date_parts: Annotated[
        list[Annotated[list[int], Field(min_length=1, max_length=3)]],
        Field(alias="date-parts", min_length=1, max_length=2),
    ]
    """[[year]], [[year, month]] or [[year, month, day]]; two entries for a range."""

    @property
    def year(self) -> int:
        return self.date_parts[0][0]


class Reference(Strict):
    """One reference, in CSL-JSON/CSL-YAML form."""

    id: CitationKey
    """Citation key, cited in text as [@key]."""
    type: Literal[
        "article-journal", "book", "chapter", "paper-conference", "report", "thesis", "webpage"
    ]
    """CSL item type; journal articles are article-journal."""
    author: list[Name] = []
    """Authors in order."""
    et_al: bool = Field(False, alias="casebook-et-al")
    """true when the author list above is known to be incomplete (prints 'et al.')."""
    title: CitedText
    """Title of the work."""
    container_title: CitedText | None = Field(None, alias="container-title")
    """Journal or book title."""
    container_title_short: CitedText | None = Field(None, alias="container-title-short")
    """Abbreviated journal title, e.g. J Am Acad Dermatol."""
    issued: DateParts
    """Date of publication; the year at least."""
    volume: CitedText | None = None
    """Volume."""
    issue: CitedText | None = None
    """Issue."""
    page: CitedText | None = None
    """Page range, e.g. 913-921.e9."""
    DOI: (
        Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$"), Holds.FORM_CHECKED] | None
    ) = None
    """DOI without a prefix, e.g. 10.1111/bjd.18898."""
    PMID: Annotated[str, StringConstraints(pattern=r"^\d{1,9}$"), Holds.FORM_CHECKED] | None = None
    """PubMed identifier (digits only)."""
    URL: Link | None = None
    """Web address, for works without a DOI."""

    @field_validator("volume", "issue", "page", "PMID", mode="before")
    @classmethod
    def _numbers_as_text(cls, value: object) -> object:
        # Citation managers export volume 80 and "80" alike; both mean the text "80".
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value
