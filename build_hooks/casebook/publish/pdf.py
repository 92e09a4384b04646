"""The PDF of a case: its page typeset with Typst, as a journal prints a case report.

The body is the case page itself (its Markdown as HTML, converted by casebook.publish.typst_body),
so sections, figures, tables and references come in the page's order with the page's numbers;
the front matter comes from the scholarly record every other output is made from.
"""

from __future__ import annotations

import datetime
import re
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import markdown
import typst

if TYPE_CHECKING:
    from typst import PDFStandard

from casebook.publish.typst_body import ImageSource, TypstBody
from casebook.render import typst_environment
from casebook.scholarly import ScholarlyRecord, affiliation_text
from casebook.text import TypstMarkup, typst_string

PDF_STANDARDS: tuple[PDFStandard, ...] = ("a-2a", "ua-1")
"""PDF/A-2a (archival, tagged) and PDF/UA-1 (accessible): Typst checks both while writing, and
refuses a document that breaks them (no title, an image without alt text)."""
# The extensions the site's pages are built with (mkdocs.yml), bar the ones only the web
# page needs (permalinks, code fences); ids come from the page's own attr_list marks.
_EXTENSIONS = ("abbr", "admonition", "attr_list", "md_in_html", "tables", "toc")


class PdfError(Exception):
    """Typst refused the document: a defect in Casebook's conversion, never in case text."""


@dataclass(frozen=True)
class PdfInput:
    record: ScholarlyRecord
    page_markdown: str
    """The case page as the site renders it, front matter included."""
    citation_html: str
    kind: str
    """What the article is, as the page's byline says ('Case report', 'Letter')."""
    paper: str = "a4"


def case_pdf_source(source: PdfInput, *, image_path: ImageSource) -> str:
    """The Typst document of one case; `image_path` says where each figure lies in the
    compiler's root."""
    record = source.record
    converter = TypstBody(image_path=image_path, base_url=record.url)
    body = converter.convert(page_html(source.page_markdown))
    affiliations: list[str] = []
    authors = []
    for author in record.authors:
        marks = []
        for affiliation in author.affiliations:
            text = affiliation_text(affiliation)
            if text not in affiliations:
                affiliations.append(text)
            marks.append(str(affiliations.index(text) + 1))
        authors.append((author, ",".join(marks)))
    language, _, region = record.language.partition("-")
    return (
        typst_environment()
        .get_template("case.typ.j2")
        .render(
            record=record,
            authors=authors,
            affiliations=list(enumerate(affiliations, start=1)),
            body=body,
            citation=converter.inline_html(source.citation_html),
            paper=source.paper,  # the setting uses Typst's own paper names
            date=_date_code(record.date),
            language=language.lower(),
            region=region.upper() or None,
            kind_line=_kind_line(record, kind=source.kind),
            dates_line=_dates_line(record),
            running_head=_running_head(record),
            journal=record.journal_title or "",
        )
    )


@dataclass(frozen=True)
class PdfJob:
    """One PDF and everything it is typeset from, so that it can be kept in the build cache and
    typeset later, in another process, while the build goes on with the pages."""

    input: PdfInput
    page_folder: str
    """Site folder of the case page, against which the page's image addresses resolve."""
    sources: dict[str, str]
    """Site path of each published figure and chart -> its file inside the compiler's root."""


def typeset(job: PdfJob, *, typesetter: Typesetter) -> TypesetPdf:
    """The PDF of `job`, with its figures and charts read from inside the typesetter's root."""
    folder = PurePosixPath(job.page_folder)
    source = case_pdf_source(
        job.input, image_path=lambda src: job.sources.get((folder / src).as_posix())
    )
    return typesetter.compile(source)


@dataclass(frozen=True)
class TypesetPdf:
    data: bytes
    unprintable: str = ""
    """Text that none of the embedded fonts can show (Typst names the first it met), printed
    as an empty box; such a PDF cannot be PDF/A or PDF/UA, and is written without them."""


_NO_GLYPH = re.compile(r'the text `"(.+?)"` could not be displayed')


class Typesetter:
    """Typesets documents one after another, whose images are read from inside `root` only.

    One Typst compiler serves `renew_after` documents: keeping it saves 5-8 ms a document
    (its fonts stay loaded), but it keeps every file it read, so a new one
    is made after a few documents (one kept for a build held a thousand cases' figures). Only
    the fonts inside the typst package are used, so a PDF looks the same on every machine and
    no system font (or its path) reaches it.
    """

    def __init__(self, root: Path, *, renew_after: int = 10) -> None:
        self._root = root.resolve().as_posix()
        self._renew_after = renew_after
        self._compiler: typst.Compiler | None = None
        self._compiled = 0

    def compile(self, typst_source: str) -> TypesetPdf:
        if self._compiler is None or self._compiled >= self._renew_after:
            self._compiler = typst.Compiler(root=self._root, ignore_system_fonts=True)
            self._compiled = 0
        self._compiled += 1
        compiler = self._compiler
        source = typst_source.encode("utf-8")
        try:
            try:
                return TypesetPdf(_compile(compiler, source, standards=list(PDF_STANDARDS)))
            except typst.TypstError as error:
                # Both standards require every character to have a glyph; a case in a script
                # the fonts lack still gets its PDF, and its author a warning.
                missing = _NO_GLYPH.search(str(error))
                if missing is None:
                    raise PdfError(str(error)) from None
            return TypesetPdf(_compile(compiler, source, standards=[]), unprintable=missing[1])
        except typst.TypstError as error:
            raise PdfError(str(error)) from None
        finally:
            _forget(compiler)


def compile_pdf(typst_source: str, *, root: Path) -> TypesetPdf:
    """The PDF of `typst_source`, whose images are read from inside `root` only."""
    return Typesetter(root, renew_after=1).compile(typst_source)


def _compile(
    compiler: typst.Compiler,
    source: bytes,
    *,
    standards: list[PDFStandard],
) -> bytes:
    pdf = compiler.compile(input=source, format="pdf", pdf_standards=standards)
    assert isinstance(pdf, bytes)
    return pdf


_MEMO_AGE = 10
"""The typst package drops memoised results after this many compilations (comemo::evict(10)
in its compile); until then they hold the document's decoded figures, a case's worth each."""


def _forget(compiler: typst.Compiler) -> None:
    """Age the document's memoised work out with empty compilations (0.06 ms each): kept, ten
    cases' decoded figures added 170 MB to a build's memory."""
    for _ in range(_MEMO_AGE):
        compiler.compile(input=b"", format="svg")


def page_html(page_markdown: str) -> str:
    """The page's Markdown, without its front matter, as HTML."""
    text = page_markdown
    if text.startswith("---\n"):
        _, _, text = text[4:].partition("\n---\n")
    converter = _markdown()
    converter.reset()
    return converter.convert(text)


def warm_up_typesetting() -> None:
    """Set up the page converter and load Typst's fonts now, not for the first PDF of a
    preview (see casebook.render.warming)."""
    _markdown()
    with tempfile.TemporaryDirectory() as root:
        compile_pdf(
            f"#set document(title: {typst_string('x')})\n#{typst_string('x')}", root=Path(root)
        )


@cache
def _markdown() -> markdown.Markdown:
    # Made once: setting up the extensions costs a third of converting a page.
    return markdown.Markdown(extensions=list(_EXTENSIONS))


def _date_code(day: datetime.date | None) -> TypstMarkup:
    # The document date is the publication date; without one Typst would write today's.
    if day is None:
        return TypstMarkup("none")
    return TypstMarkup(f"datetime(year: {day.year}, month: {day.month}, day: {day.day})")


def _kind_line(record: ScholarlyRecord, *, kind: str) -> str:
    journal = record.journal_title or ""
    parts = [journal] if journal else []
    if record.volume:
        parts.append(f"volume {record.volume}")
    if record.issue:
        parts.append(f"issue {record.issue}")
    return " · ".join([kind, ", ".join(parts)] if parts else [kind])


def _dates_line(record: ScholarlyRecord) -> str:
    dates = [
        f"{name} {day.isoformat()}"
        for name, day in (
            ("Received", record.received),
            ("Revised", record.revised),
            ("Accepted", record.accepted),
            ("Published", record.date),
        )
        if day is not None
    ]
    return " · ".join(dates)


def _running_head(record: ScholarlyRecord) -> str:
    names = [a.family or a.name for a in record.authors]
    lead = f"{names[0]} et al." if len(names) > 2 else " and ".join(names)
    return f"{lead}: {record.title}" if lead else record.title
