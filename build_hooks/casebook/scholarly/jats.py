"""A case as a JATS 1.3 XML article (article-type="case-report"), for archives and indexers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from markupsafe import Markup

from casebook.article import Article, FigureView
from casebook.clinical import range_text
from casebook.models import LabResult, Reference
from casebook.render import markup_environment, reference_anchor
from casebook.scholarly import jats_text
from casebook.scholarly.record import ScholarlyRecord, page_range

# CSL item types -> JATS @publication-type, as JATS4R's citation recommendation lists them.
_PUBLICATION_TYPES = {
    "article-journal": "journal",
    "book": "book",
    "chapter": "book",
    "paper-conference": "confproc",
    "report": "report",
    "thesis": "thesis",
    "webpage": "webpage",
}
_MIME_SUBTYPES = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".webp": "webp", ".gif": "gif"}


@dataclass(frozen=True)
class CitationView:
    """One reference, split into the elements of a JATS <element-citation>."""

    anchor: str
    number: int
    publication_type: str
    names: tuple[tuple[str, str | None], ...]
    """(surname, given names) pairs; given names None for a group in <collab>."""
    et_al: bool
    part_title: str | None
    """Title of an article or chapter; None when the title is the source itself."""
    source: str
    year: int
    volume: str | None
    issue: str | None
    first_page: str | None
    last_page: str | None
    doi: str | None
    pmid: str | None
    uri: str | None


class JatsHelpers:
    """What the JATS template may call: author text as JATS, figure placement, formatting."""

    def __init__(self, article: Article) -> None:
        self.article = article

    def text(self, value: str) -> Markup:
        return jats_text.inline(value, self.article.numbering)

    def paragraphs(self, value: str) -> Markup:
        return jats_text.paragraphs(value, self.article.numbering)

    def figs(self, keys: list[str]) -> Markup:
        """' (Figure 1a)' after a finding that lists figure ids."""
        if not keys:
            return Markup("")
        tokens = " ".join(f"@{key}" for key in keys)
        return Markup(" ({})").format(self.text(tokens))

    def figures_for(self, section: str) -> list[FigureView]:
        return self.article.figures_in(section)

    def mime_subtype(self, file: str) -> str:
        return _MIME_SUBTYPES.get(PurePosixPath(file).suffix.lower(), "png")

    def lab_range(self, lab: LabResult) -> str:
        """The range as the page's investigations table gives it."""
        return range_text(lab)


def citation_view(reference: Reference, number: int) -> CitationView:
    kind = _PUBLICATION_TYPES[reference.type]
    journal_like = reference.type in {"article-journal", "chapter", "paper-conference"}
    first, last = page_range(reference.page) if reference.page else (None, None)
    return CitationView(
        anchor=reference_anchor(reference.id),
        number=number,
        publication_type=kind,
        names=tuple(
            (n.family, n.given) if n.family else (n.literal or "", None)
            for n in reference.author
            if n.family or n.literal
        ),
        et_al=reference.et_al,
        part_title=reference.title if journal_like and reference.container_title else None,
        source=(
            reference.container_title
            if journal_like and reference.container_title
            else reference.title
        ),
        year=reference.issued.year,
        volume=reference.volume,
        issue=reference.issue,
        first_page=first,
        last_page=last,
        doi=reference.DOI,
        pmid=reference.PMID,
        uri=reference.URL,
    )


def case_jats(article: Article, record: ScholarlyRecord) -> str:
    """The JATS XML text of one case; its figures are referenced by their site-relative path."""
    return (
        markup_environment()
        .get_template("case.jats.xml.j2")
        .render(
            article=article,
            case=article.case,
            record=record,
            jats=JatsHelpers(article),
            citations=[citation_view(r, i) for i, r in enumerate(record.references, start=1)],
        )
    )
