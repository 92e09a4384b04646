"""The <head> additions of a case page: Google Scholar (Highwire Press) tags, Open Graph tags
and schema.org JSON-LD, rendered from escaped values so no later sanitiser is needed."""

from __future__ import annotations

from casebook.models import Reference
from casebook.render import markup_environment
from casebook.scholarly.json_ld import article_json_ld, json_ld_script_text
from casebook.scholarly.record import (
    AuthorRecord,
    ScholarlyRecord,
    affiliation_text,
    page_range,
)

Tag = tuple[str, str]
"""(name or property, content) of one <meta> element."""


def highwire_tags(record: ScholarlyRecord) -> list[Tag]:
    """Tags in the order Google Scholar's inclusion guidelines list them; an author's
    institution and ORCID follow that author's tag, which is how the reader pairs them."""
    tags: list[Tag] = [("citation_title", record.title)]
    for author in scholar_authors(record):
        tags.append(("citation_author", author.inverted_name))
        tags.extend(
            ("citation_author_institution", affiliation_text(a)) for a in author.affiliations
        )
        if author.orcid_url:
            tags.append(("citation_author_orcid", author.orcid_url))
        if author.email:
            tags.append(("citation_author_email", author.email))
    if record.date:
        tags.append(("citation_publication_date", record.date.strftime("%Y/%m/%d")))
    optional = [
        ("citation_journal_title", record.journal_title),
        ("citation_journal_abbrev", record.journal_abbreviation),
        ("citation_issn", record.issn),
        ("citation_publisher", record.publisher),
        ("citation_volume", record.volume),
        ("citation_issue", record.issue),
        ("citation_firstpage", record.first_page),
        ("citation_doi", record.doi),
    ]
    tags.extend((name, value) for name, value in optional if value)
    tags.extend(("citation_keywords", keyword) for keyword in record.keywords)
    tags.append(("citation_language", record.language))
    if record.pdf_url:
        tags.append(("citation_pdf_url", record.pdf_url))
    if record.url:
        tags.append(("citation_abstract_html_url", record.url))
        tags.append(("citation_fulltext_html_url", record.url))
    tags.extend(("citation_reference", reference_tag(r)) for r in record.references)
    return tags


def scholar_authors(record: ScholarlyRecord) -> tuple[AuthorRecord, ...]:
    """The authors as Google Scholar reads citation_author: persons, by name. A group author
    is left out beside persons, since Scholar would take its name for a person's; a case by a
    group alone names the group, as citation_author is required."""
    persons = tuple(a for a in record.authors if not a.collective)
    return persons or record.authors


def reference_tag(reference: Reference) -> str:
    """One reference as 'citation_title=...; citation_author=...', the form Highwire uses."""
    fields: list[Tag] = [("citation_title", reference.title)]
    fields.extend(
        ("citation_author", f"{n.family}, {n.given}" if n.given else n.family or n.literal or "")
        for n in reference.author
    )
    if reference.container_title:
        fields.append(("citation_journal_title", reference.container_title))
    fields.append(("citation_publication_date", str(reference.issued.year)))
    if reference.volume:
        fields.append(("citation_volume", reference.volume))
    if reference.issue:
        fields.append(("citation_issue", reference.issue))
    if reference.page:
        first, last = page_range(reference.page)
        fields.append(("citation_firstpage", first))
        if last:
            fields.append(("citation_lastpage", last))
    if reference.DOI:
        fields.append(("citation_doi", reference.DOI))
    if reference.PMID:
        fields.append(("citation_pmid", reference.PMID))
    return "; ".join(f"{name}={reference_value(value)}" for name, value in fields if value)


def reference_value(value: str) -> str:
    """One field of a citation_reference: '; ' separates the fields and Highwire has no escape
    for it, so a semicolon (or its look-alike, U+037E) becomes a comma, and a line break a
    space, in case a reader splits lines too."""
    return " ".join(value.replace(";", ",").replace("\u037e", ",").split())


def history_tags(record: ScholarlyRecord) -> list[Tag]:
    """When the manuscript was received and accepted, as Dublin Core terms (Highwire has no
    tags for them); a revision date has no term, and is on the page and in the JATS."""
    dates = [("DCTERMS.dateSubmitted", record.received), ("DCTERMS.dateAccepted", record.accepted)]
    return [(name, day.isoformat()) for name, day in dates if day]


def open_graph_tags(record: ScholarlyRecord) -> list[Tag]:
    """Link-preview tags. No og:image: a clinical image would travel beyond the page its
    consent covers, into every chat and feed the link is pasted in."""
    tags: list[Tag] = [
        ("og:type", "article"),
        ("og:title", record.title),
        ("og:description", record.description),
    ]
    if record.url:
        tags.append(("og:url", record.url))
    if record.journal_title:
        tags.append(("og:site_name", record.journal_title))
    if record.date:
        tags.append(("article:published_time", record.date.isoformat()))
    tags.extend(("article:author", author.name) for author in record.authors)
    tags.extend(("article:tag", keyword) for keyword in record.keywords)
    return tags


def case_head_html(record: ScholarlyRecord) -> str:
    return (
        markup_environment()
        .get_template("head.html.j2")
        .render(
            highwire=highwire_tags(record),
            dublin_core=history_tags(record),
            open_graph=open_graph_tags(record),
            json_ld=json_ld_script_text(article_json_ld(record)),
        )
    )


def site_head_html(*, feed_url: str | None, feed_title: str) -> str:
    """What every page's head gets: the link that lets feed readers find the case feed."""
    if feed_url is None:
        return ""
    return (
        markup_environment()
        .get_template("site_head.html.j2")
        .render(feed_url=feed_url, feed_title=feed_title)
    )
