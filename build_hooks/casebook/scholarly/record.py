"""The bibliographic record of one case: what every citation format and head tag is made from."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from casebook.article import Article, study_phrase
from casebook.models import Affiliation, CaseFile, Reference, SiteSettings, SourceAttribution

_CC_LICENCE = re.compile(r"^CC-(BY(?:-NC)?(?:-ND|-SA)?)-(\d\.\d)$", re.IGNORECASE)
_PAGE_RANGE = re.compile(r"^\s*([^\s\-–]+)\s*[-–]\s*(\S+)\s*$")
# An electronic article number, not a page: 'e101', or digits with a leading zero ('001383').
_ARTICLE_NUMBER = re.compile(r"^(?:[eE]\d+|0\d+)$")


@dataclass(frozen=True)
class AuthorRecord:
    name: str
    """Display name: 'Given Family', or the group's name."""
    given: str | None
    family: str | None
    collective: str | None
    orcid: str | None
    affiliations: tuple[Affiliation, ...]
    corresponding: bool
    email: str | None = None
    """The corresponding author's e-mail, which the page and its metadata show; None for
    other authors, whose addresses are not published."""

    @property
    def orcid_url(self) -> str | None:
        return f"https://orcid.org/{self.orcid}" if self.orcid else None

    @property
    def inverted_name(self) -> str:
        """'Family, Given' for a person, as citation managers and Google Scholar read it."""
        if self.family:
            return f"{self.family}, {self.given}" if self.given else self.family
        return self.name


@dataclass(frozen=True)
class Condition:
    name: str
    abbreviation: str | None
    codes: tuple[tuple[str, str], ...]
    """(classification, code) pairs, e.g. ('ICD-10', 'L40.3')."""


@dataclass(frozen=True)
class DrugReaction:
    """A suspected drug and the adverse reaction it is suspected of causing."""

    drug: str
    route: str | None
    reaction: str
    fatal: bool


@dataclass(frozen=True)
class Study:
    """An imaging or other study, a procedure or a genetic test the case reports."""

    kind: str
    """'imaging', 'procedure' or 'genetic test'."""
    name: str
    """As the page names it, e.g. 'CT, chest' or 'Gene panel (COL7A1)'."""
    modality: str | None = None
    site: str | None = None


@dataclass(frozen=True)
class Downloads:
    """File names of the downloads, relative to the case page's folder."""

    bibtex: str
    ris: str
    csl_json: str
    jats: str
    pdf: str | None = None
    """None when the site typesets no PDFs (settings.pdf) or the case is an undated draft."""


@dataclass(frozen=True)
class ScholarlyRecord:
    case_id: str
    title: str
    description: str
    authors: tuple[AuthorRecord, ...]
    date: datetime.date | None
    received: datetime.date | None
    revised: datetime.date | None
    accepted: datetime.date | None
    article_type: str
    journal_title: str | None
    journal_abbreviation: str | None
    issn: str | None
    publisher: str | None
    volume: str | None
    issue: str | None
    first_page: str | None
    doi: str | None
    keywords: tuple[str, ...]
    language: str
    licence: str
    licence_url: str
    page_path: str
    """Site path of the case page, e.g. cases/<id>/."""
    base_url: str | None
    pdf_path: str | None
    conditions: tuple[Condition, ...]
    drugs: tuple[str, ...]
    studies: tuple[Study, ...]
    """Every patient's studies, procedures and genetic tests, each once."""
    references: tuple[Reference, ...]
    adapted_from: SourceAttribution | None
    downloads: Downloads
    image_path: str | None
    """Site path of the image that stands for the case in search results: its first patient
    image where the consent covers images, else the collection's logo, else none."""
    drug_reactions: tuple[DrugReaction, ...] = ()

    def absolute(self, path: str) -> str | None:
        """The public address of a site path, or None when the site has no base URL."""
        return f"{self.base_url}{path}" if self.base_url else None

    @property
    def url(self) -> str | None:
        """The canonical address of the case page."""
        return self.absolute(self.page_path)

    @property
    def pdf_url(self) -> str | None:
        return self.absolute(self.pdf_path) if self.pdf_path else None

    @property
    def modified(self) -> datetime.date | None:
        """When the case last changed, as far as its data says: a case records no later
        revision than its publication."""
        return self.date

    @property
    def image_url(self) -> str | None:
        return self.absolute(self.image_path) if self.image_path else None

    @property
    def doi_url(self) -> str | None:
        return f"https://doi.org/{self.doi}" if self.doi else None

    @property
    def copyright_holders(self) -> str:
        """The authors, who license the text under the case's licence and so hold it."""
        return ", ".join(author.name for author in self.authors)


def licence_url(spdx: str) -> str:
    """The licence's deed: Creative Commons' own page for CC licences, SPDX's otherwise."""
    if spdx.upper() == "CC0-1.0":
        return "https://creativecommons.org/publicdomain/zero/1.0/"
    match = _CC_LICENCE.match(spdx)
    if match:
        return f"https://creativecommons.org/licenses/{match[1].lower()}/{match[2]}/"
    return f"https://spdx.org/licenses/{spdx}.html"


def page_range(page: str) -> tuple[str, str | None]:
    """'913-921.e9' -> ('913', '921.e9'); anything that is not a plain range, such as an
    article number ('001383') or a list ('S1–S5, S7'), is a first page alone."""
    pages = _PAGE_RANGE.match(page)
    return (pages[1], pages[2]) if pages else (page, None)


def is_article_number(page: str) -> bool:
    """'e101' or '001383' number an article in an online journal; JATS tags them as
    <elocation-id>, since a page number they are not."""
    return bool(_ARTICLE_NUMBER.match(page.strip()))


def page_description(article: Article) -> str:
    """The one-line summary used for the page's description and link previews."""
    return f"{article.kind}: " + ", ".join(article.diagnoses)


def build_record(article: Article, *, settings: SiteSettings) -> ScholarlyRecord:
    """Everything that is known about how to cite this case; nothing is guessed."""
    case = article.case
    pub = case.publication
    # Only a dated case is published, and so typeset (its date is the PDF's one date).
    pdf = f"{article.id}.pdf" if settings.pdf and pub.date is not None else None
    return ScholarlyRecord(
        case_id=article.id,
        title=pub.title,
        description=page_description(article),
        authors=_authors(case),
        date=pub.date,
        received=pub.received,
        revised=pub.revised,
        accepted=pub.accepted,
        article_type=pub.article_type,
        journal_title=settings.journal_title,
        journal_abbreviation=settings.journal_abbreviation,
        issn=settings.issn,
        publisher=settings.publisher,
        volume=pub.volume,
        issue=pub.issue,
        first_page=pub.first_page,
        doi=pub.doi,
        keywords=tuple(pub.keywords),
        language=pub.language,
        licence=pub.licence,
        licence_url=licence_url(pub.licence),
        page_path=article.url,
        base_url=settings.base_url,
        pdf_path=f"{article.url}{pdf}" if pdf else None,
        conditions=_conditions(article),
        drugs=tuple(article.drugs),
        studies=_studies(article),
        references=tuple(article.references),
        adapted_from=pub.adapted_from,
        downloads=Downloads(
            bibtex=f"{article.id}.bib",
            ris=f"{article.id}.ris",
            csl_json=f"{article.id}.json",
            jats=f"{article.id}.xml",
            pdf=pdf,
        ),
        image_path=_image_path(article) or settings.logo,
        drug_reactions=_drug_reactions(article),
    )


def _drug_reactions(article: Article) -> tuple[DrugReaction, ...]:
    """Every patient's suspected drugs, each with the reaction it is suspected of."""
    return tuple(
        DrugReaction(d.drug, d.route, reaction.reaction, reaction.outcome == "fatal")
        for part in article.parts
        if (reaction := part.record.adverse_reaction) is not None
        for d in reaction.suspected_drugs
    )


def _image_path(article: Article) -> str | None:
    """The first figure panel that shows the patient with consent for it: an image file (not a
    chart), not a generated placeholder."""
    if "images" not in article.case.consent.scope:
        return None
    for figure in article.figures:
        for panel in figure.panels:
            if panel.chart is None and not panel.placeholder:
                return f"{article.url}{panel.file}"
    return None


def _conditions(article: Article) -> tuple[Condition, ...]:
    """The final diagnoses of every patient, each once: a series' patients often share one."""
    found: dict[str, Condition] = {}
    for part in article.parts:
        for d in part.record.diagnosis.final:
            codes = tuple((c.system, c.code) for c in d.codes)
            found.setdefault(d.name, Condition(d.name, d.abbreviation, codes))
    return tuple(found.values())


def _studies(article: Article) -> tuple[Study, ...]:
    found: list[Study] = []
    for part in article.parts:
        record = part.record
        found += [Study("imaging", study_phrase(s), s.modality, s.site) for s in record.imaging]
        found += [Study("procedure", p.name, site=p.site) for p in record.procedures]
        found += [
            Study("genetic test", f"{g.method[:1].upper()}{g.method[1:]} ({g.gene})")
            for g in record.genetics
        ]
    return tuple(dict.fromkeys(found))


def _authors(case: CaseFile) -> tuple[AuthorRecord, ...]:
    by_id = {a.id: a for a in case.affiliations}
    return tuple(
        AuthorRecord(
            name=author.display_name,
            given=author.given,
            family=author.family,
            collective=author.collective,
            orcid=author.orcid,
            affiliations=tuple(by_id[key] for key in author.affiliations if key in by_id),
            corresponding=author.corresponding,
            email=author.email if author.corresponding else None,
        )
        for author in case.authors
    )


def affiliation_text(affiliation: Affiliation) -> str:
    """'Name, City, Country' with the parts that are known."""
    parts = [affiliation.name, affiliation.city, affiliation.country]
    return ", ".join(p for p in parts if p)
