"""The published work a case was adapted from, as the citations cite it: one CSL reference made
from the attribution and formatted in the references' style, so that the downloads, JSON-LD and
the JATS give its authors, issue and date alike."""

from __future__ import annotations

from typing import Any

from casebook.models import Reference, SourceAttribution
from casebook.render import FormattedReference, format_plain, to_csl


def source_reference(source: SourceAttribution) -> Reference:
    return source.as_reference()


def source_citation(source: SourceAttribution) -> FormattedReference:
    """The source as the reference list would print it (NLM style)."""
    [formatted] = format_plain([source_reference(source)])
    return formatted


def adapted_from_note(source: SourceAttribution) -> str:
    """'Adapted from: <the source's citation>', the note a citation of the case carries."""
    return f"Adapted from: {source_citation(source).text}"


def original_fields(source: SourceAttribution) -> dict[str, Any]:
    """CSL-JSON's variables for the original of a work (original-author, -title, -date) and a
    note with the whole citation: CSL has no variable for the original's journal or issue."""
    csl = to_csl(source_reference(source))
    fields: dict[str, Any] = {
        "original-author": csl.get("author"),
        "original-title": source.title,
        "original-date": csl["issued"],
        "note": adapted_from_note(source),
    }
    return {key: value for key, value in fields.items() if value}


def original_date(source: SourceAttribution) -> str:
    """The source's date as biblatex's origdate takes it: 2024, 2024-05 or 2024-05-02."""
    parts = source.issued.date_parts[0] if source.issued else [source.year]
    return "-".join([f"{parts[0]:04d}", *(f"{part:02d}" for part in parts[1:])])
