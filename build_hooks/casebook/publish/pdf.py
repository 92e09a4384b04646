"""The PDF of a case: its page typeset with Typst, as a journal prints a case report.

The body is the case page itself (its Markdown as HTML, converted by casebook.publish.typst_body),
so sections, figures, tables and references come in the page's order with the page's numbers;
the front matter comes from the scholarly record every other output is made from.
"""

from __future__ import annotations

import datetime
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath

import markdown

from casebook.publish.typst_body import ImageSource, TypstBody
from casebook.publish.typst_compiler import TypesetPdf, Typesetter, compile_pdf
from casebook.render import typst_environment
from casebook.scholarly import ScholarlyRecord, affiliation_text
from casebook.text import TypstMarkup, typst_string

# The extensions the site's pages are built with (mkdocs.yml), bar the ones only the web
# page needs (permalinks, code fences); ids come from the page's own attr_list marks.
_EXTENSIONS = ("abbr", "admonition", "attr_list", "md_in_html", "tables", "toc")


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
    """One PDF as the Typst source it is typeset from, so that it can be kept in the build
    cache and typeset later, in a process that imports Typst and nothing of the case model
    (casebook.publish.typst_worker), while the build goes on with the pages."""

    source: str
    """The Typst document; its figures and charts are files inside the typesetter's root."""


def pdf_job(source: PdfInput, *, page_folder: str, files: dict[str, str]) -> PdfJob:
    """The job of one case's PDF. `page_folder`: the site folder of the case page, against
    which the page's image addresses resolve; `files`: the site path of each published figure
    and chart -> its file inside the typesetter's root."""
    folder = PurePosixPath(page_folder)
    return PdfJob(
        case_pdf_source(source, image_path=lambda src: files.get((folder / src).as_posix()))
    )


def typeset(job: PdfJob, *, typesetter: Typesetter) -> TypesetPdf:
    """The PDF of `job`, with its figures and charts read from inside the typesetter's root."""
    return typesetter.compile(job.source)


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
