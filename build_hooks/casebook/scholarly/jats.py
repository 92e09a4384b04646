"""A case as a JATS XML article, valid against the NISO JATS 1.2d1 DTDs, for PubMed Central,
archives and indexers.

The rules every _jats_*.xml.j2 partial follows, so that the article stays valid (the tests
validate every golden case against the DTD with tests/support/jats_dtd.py; call
`assert_valid_jats` on a new section's fixture too):

- The tag set follows the site settings: Journal Publishing when the collection has an ISSN
  (that DTD requires one in <journal-meta>), Archiving and Interchange when it has none.
- Inside a <sec>: title, then paragraphs, lists, tables and figures, then the sub-sections.
  Nothing may follow a sub-section but another one, so a section's figures and tables come
  before its first <sec> (`jats.figures_for(section)` at that place, never at the end).
- A figure with lettered panels is a <fig-group> holding one <fig> per panel, each with its
  own id, label ("Figure 1a") and caption: a cross-reference to a panel must point at a
  <fig>, and readers that know no groups still find every panel. A single image is a <fig>.
- Graphics are raster files PMC accepts (PNG or JPEG): a chart is referenced by its PNG copy,
  not its SVG (`jats.graphic_file(panel)`).
- sec-type values from PMC's list where one fits: "intro", "cases" (the case presentation),
  "discussion", "ethics-statement"; other sections have an id and a title only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from markupsafe import Markup, escape

from casebook.article import Article, FigureView, PanelView
from casebook.models import Reference, SourceAttribution
from casebook.render import FormattedReference, format_plain, markup_environment, reference_anchor
from casebook.scholarly import jats_text
from casebook.scholarly.adapted_from import source_citation, source_reference
from casebook.scholarly.record import (
    ScholarlyRecord,
    is_article_number,
    licence_url,
    page_range,
)

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
_PUBLISHING = (
    '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.2d1 '
    '20170631//EN" "JATS-journalpublishing1.dtd">'
)
_ARCHIVING = (
    '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange '
    'DTD v1.2d1 20170631//EN" "JATS-archivearticle1.dtd">'
)
DTD_VERSION = "1.2d1"


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
    elocation_id: str | None
    """An article number in place of pages ('e42', '001383')."""
    doi: str | None
    pmid: str | None
    uri: str | None
    mixed: Markup
    """The reference as the page's list prints it, with its identifiers tagged."""


class JatsHelpers:
    """What the JATS template may call: author text as JATS, figure placement, formatting."""

    def __init__(self, article: Article, *, issn: str | None) -> None:
        self.article = article
        self._issn = issn

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

    @property
    def doctype(self) -> Markup:
        return Markup(_PUBLISHING if self.article_has_issn else _ARCHIVING)

    @property
    def article_has_issn(self) -> bool:
        return self._issn is not None

    def figures_for(self, section: str) -> list[FigureView]:
        """The figures first mentioned in `section`. Without an introduction section, those
        first mentioned in the abstract open the case presentation instead: an abstract holds
        no figures."""
        figures = self.article.figures_in(section)
        if section == "presentation" and not self.article.case.introduction:
            return [*self.article.figures_in("introduction"), *figures]
        return figures

    def graphic_file(self, panel: PanelView) -> str:
        """The file a <graphic> points at: a chart's PNG copy, since PMC takes no SVG."""
        if panel.chart is not None:
            return PurePosixPath(panel.file).with_suffix(".png").as_posix()
        return panel.file

    def is_article_number(self, page: str) -> bool:
        return is_article_number(page)

    def is_open_licence(self, spdx: str) -> bool:
        """A Creative Commons licence or dedication: what PMC's license-type="open-access"
        declares."""
        return spdx.upper().startswith(("CC-", "CC0-"))

    def mime_subtype(self, file: str) -> str:
        return _MIME_SUBTYPES[PurePosixPath(file).suffix.lower()]


def citation_view(reference: Reference, number: int, *, mixed: Markup) -> CitationView:
    kind = _PUBLICATION_TYPES[reference.type]
    journal_like = reference.type in {"article-journal", "chapter", "paper-conference"}
    first, last = page_range(reference.page) if reference.page else (None, None)
    elocation = first if first and last is None and is_article_number(first) else None
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
        first_page=None if elocation else first,
        last_page=last,
        elocation_id=elocation,
        doi=reference.DOI,
        pmid=reference.PMID,
        uri=reference.URL,
        mixed=mixed,
    )


@dataclass(frozen=True)
class SourceView:
    """The work a case was adapted from, for <related-article> and the adapted-from note."""

    citation: CitationView
    month: int | None
    day: int | None
    prose: Markup
    """Its formatted citation inside a paragraph: the DOI or address as an <ext-link>."""
    licence: str | None
    licence_url: str | None


def source_view(source: SourceAttribution) -> SourceView:
    formatted = source_citation(source)
    parts = [*(source.issued.date_parts[0] if source.issued else [source.year]), None, None]
    return SourceView(
        citation=citation_view(source_reference(source), 0, mixed=jats_reference(formatted)),
        month=parts[1],
        day=parts[2],
        prose=jats_reference(formatted, in_paragraph=True),
        licence=source.licence,
        licence_url=licence_url(source.licence) if source.licence else None,
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
            jats=JatsHelpers(article, issn=record.issn),
            dtd_version=DTD_VERSION,
            source=source_view(record.adapted_from) if record.adapted_from else None,
            citations=[
                citation_view(r, i, mixed=jats_reference(formatted))
                for i, (r, formatted) in enumerate(
                    zip(record.references, format_plain(list(record.references)), strict=True),
                    start=1,
                )
            ],
        )
    )


def jats_reference(formatted: FormattedReference, *, in_paragraph: bool = False) -> Markup:
    """The formatted text as JATS mixed content: DOI and PubMed id as <pub-id>, a URL as an
    <ext-link>, everything else escaped text. A paragraph takes no <pub-id>: there the DOI is
    an <ext-link> too."""
    out = []
    for kind, text in formatted.pieces():
        if kind == "doi" and in_paragraph:
            out.append(
                Markup('<ext-link ext-link-type="doi" xlink:href="{}">{}</ext-link>').format(
                    text, text
                )
            )
        elif kind == "doi":
            out.append(Markup('<pub-id pub-id-type="doi">{}</pub-id>').format(text))
        elif kind == "pmid":
            out.append(Markup('<pub-id pub-id-type="pmid">{}</pub-id>').format(text))
        elif kind == "url":
            out.append(
                Markup('<ext-link ext-link-type="uri" xlink:href="{}">{}</ext-link>').format(
                    text, text
                )
            )
        else:
            out.append(escape(text))
    return Markup("").join(out)
