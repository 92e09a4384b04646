"""What a case publishes besides its page text: head metadata, citation downloads and JATS,
all made from one ScholarlyRecord so title, authors, date and DOI agree everywhere."""

from __future__ import annotations

from dataclasses import dataclass, field

from casebook.article import Article, CiteView
from casebook.models import SiteSettings
from casebook.scholarly.citation_export import bibtex, csl_json, formatted_citation, ris
from casebook.scholarly.feed import FEED_PATH, atom_feed, feed_title
from casebook.scholarly.head_meta import case_head_html, site_head_html
from casebook.scholarly.jats import case_jats
from casebook.scholarly.record import ScholarlyRecord, build_record


@dataclass
class ScholarlyOutput:
    record: ScholarlyRecord
    head_html: str
    cite: CiteView | None
    """None for an undated draft: there is nothing to cite yet."""
    files: dict[str, bytes] = field(default_factory=dict)
    """site path -> bytes of each download."""


def scholarly_output(article: Article, *, settings: SiteSettings) -> ScholarlyOutput:
    """Head metadata, the 'Cite this' block and the text downloads of a case. The PDF is
    named here (record.downloads.pdf) and typeset later, once its figures are published."""
    record = build_record(article, settings=settings)
    output = ScholarlyOutput(record=record, head_html=case_head_html(record), cite=None)
    if record.date is None:
        return output
    names = record.downloads
    downloads = (
        ("BibTeX", names.bibtex, "application/x-bibtex", bibtex(record)),
        ("RIS", names.ris, "application/x-research-info-systems", ris(record)),
        ("CSL-JSON", names.csl_json, "application/vnd.citationstyles.csl+json", csl_json(record)),
        ("JATS XML", names.jats, "application/jats+xml", case_jats(article, record)),
    )
    full_text = (("PDF", names.pdf, "application/pdf"),) if names.pdf else ()
    output.cite = CiteView(
        formatted=formatted_citation(record),
        downloads=tuple((label, name, media) for label, name, media, _ in downloads[:3]),
        full_text=(*full_text, downloads[3][:3]),
    )
    output.files = {
        f"{record.page_path}{name}": text.encode("utf-8") for _, name, _, text in downloads
    }
    return output


def site_files(
    records: list[ScholarlyRecord], *, settings: SiteSettings
) -> tuple[dict[str, bytes], str]:
    """The files the whole site publishes (the feed) and the head link every page gets."""
    feed = atom_feed(records, settings=settings)
    if feed is None:
        return {}, ""
    head = site_head_html(
        feed_url=f"{settings.base_url}{FEED_PATH}", feed_title=feed_title(settings)
    )
    return {FEED_PATH: feed.encode("utf-8")}, head
