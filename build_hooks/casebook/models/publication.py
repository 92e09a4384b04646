"""Publication facts: title, type, status, dates, licence, source, authors and affiliations."""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

from casebook.models.base import AuthorText, CitedText, Holds, Link, Strict, Text
from casebook.models.references import DateParts, Name, Reference

Orcid = Annotated[
    str, StringConstraints(pattern=r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$"), Holds.FORM_CHECKED
]
# The corresponding author's own address: expected on the page, and no prose fits it.
Email = Annotated[
    str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$"), Holds.FORM_CHECKED
]
Doi = Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$"), Holds.FORM_CHECKED]
SpdxLicence = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9.+-]+$"), Holds.FORM_CHECKED]
ShortId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$"), Holds.FORM_CHECKED]


class SourceAttribution(Strict):
    """The published work a case page was adapted from; give what the source states, leave
    out what is not known and say so in note."""

    author: list[Name] = []
    """Authors of the source in order, as in references: family and given, or literal for a
    group; leave out when they are not known."""
    et_al: bool = False
    """true when the author list above is known to be incomplete (prints 'et al.')."""
    title: CitedText
    """Title of the source article."""
    container_title: CitedText
    """Journal (or book) the source appeared in."""
    year: Annotated[int, Field(ge=1800, le=2200)]
    """Year the source was published."""
    issued: DateParts | None = None
    """The full date of publication, where the source gives one: {date-parts: [[2024, 5,
    2]]}, in the year above."""
    volume: CitedText | None = None
    """Journal volume, if known."""
    issue: CitedText | None = None
    """Issue within the volume, if known."""
    pages: CitedText | None = None
    """Page range or article number, if known."""
    doi: Doi | None = None
    """DOI of the source, without the https://doi.org/ prefix."""
    url: Link | None = None
    """A link to the source."""
    licence: SpdxLicence | None = None
    """SPDX identifier of the licence the source is published under (e.g. CC-BY-NC-SA-4.0),
    where it states one."""
    note: Text | None = None
    """What is known or unknown about the source (for example, authors not identified)."""

    @model_validator(mode="after")
    def _issued_in_year(self) -> SourceAttribution:
        if self.issued is not None and self.issued.year != self.year:
            raise ValueError(
                f"issued is in {self.issued.year} but year is {self.year}: give the same year "
                "in both"
            )
        return self

    def as_reference(self, key: str = "adapted-from") -> Reference:
        """The source as a CSL reference, so that every output cites it as it cites a
        reference; `key` is its id, which no output shows."""
        data: dict[str, Any] = {
            "id": key,
            "type": "article-journal",
            "author": [n.model_dump(exclude_none=True) for n in self.author],
            "casebook-et-al": self.et_al,
            "title": self.title,
            "container-title": self.container_title,
            "issued": (
                self.issued.model_dump(by_alias=True)
                if self.issued
                else {"date-parts": [[self.year]]}
            ),
            "volume": self.volume,
            "issue": self.issue,
            "page": self.pages,
            "DOI": self.doi,
            "URL": self.url,
        }
        return Reference.model_validate({k: v for k, v in data.items() if v is not None})


class Publication(Strict):
    """How the case is published on this site."""

    title: Text
    """Article title as readers see it."""
    article_type: Literal["case-report", "letter"]
    """case-report, or letter (a case published as a letter to the editor)."""
    status: Literal["draft", "published"]
    """draft cases show in preview only; published cases are built into the site."""
    date: datetime.date | None = None
    """Publication date on this site (YYYY-MM-DD); required once status is published."""
    received: datetime.date | None = None
    """When the manuscript was received (YYYY-MM-DD), for a case that went through review."""
    revised: datetime.date | None = None
    """When the revised manuscript was received, if it was revised."""
    accepted: datetime.date | None = None
    """When it was accepted for publication."""
    licence: SpdxLicence
    """SPDX licence identifier of this page, e.g. CC-BY-4.0."""
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$"), Holds.FORM_CHECKED] = "en"
    """Two-letter language code of the text."""
    doi: Doi | None = None
    """DOI assigned to this case page, if any."""
    volume: Text | None = None
    """Volume of the journal or collection this case appears in, if it has volumes."""
    issue: Text | None = None
    """Issue within the volume, if any."""
    first_page: Text | None = None
    """First page or article number, if the collection assigns one."""
    adapted_from: SourceAttribution | None = None
    """The published work this case was adapted from, if any."""
    keywords: Annotated[list[Text], Field(min_length=1)]
    """Keywords, as in the article's keyword list."""
    specialty: Annotated[list[Text], Field(min_length=1)]
    """Medical specialties the case belongs to, used as tags (e.g. dermatology)."""

    @model_validator(mode="after")
    def _published_needs_date(self) -> Publication:
        if self.status == "published" and self.date is None:
            raise ValueError("a published case needs a publication date (add 'date: YYYY-MM-DD')")
        return self


class Affiliation(Strict):
    """An institution authors belong to; authors point at it by id."""

    id: ShortId
    """Short id that authors use in their affiliations list."""
    name: AuthorText
    """Full name of the institution or department."""
    city: AuthorText | None = None
    """City of the institution."""
    country: AuthorText | None = None
    """Country of the institution."""


class Author(Strict):
    """One author: a person (given and family name) or a group (collective)."""

    given: AuthorText | None = None
    """Given name(s) of a person."""
    family: AuthorText | None = None
    """Family name of a person."""
    collective: AuthorText | None = None
    """Name of a group author, instead of given and family."""
    orcid: Orcid | None = None
    """ORCID iD, e.g. 0000-0002-1825-0097."""
    affiliations: list[ShortId] = []
    """Ids of entries in the affiliations list."""
    corresponding: bool = False
    """true for the corresponding author (needs an email)."""
    email: Email | None = None
    """Contact e-mail of the corresponding author."""

    @model_validator(mode="after")
    def _name_and_contact(self) -> Author:
        if (self.collective is None) == (self.family is None):
            raise ValueError("give either family (and given) for a person, or collective")
        if self.corresponding and self.email is None:
            raise ValueError("the corresponding author needs an email")
        return self

    @property
    def display_name(self) -> str:
        if self.collective:
            return self.collective
        return f"{self.given} {self.family}" if self.given else str(self.family)
