"""How to cite a case: the formatted citation on its page and the BibTeX, RIS and CSL-JSON
downloads, all made from one CSL item so they cannot disagree."""

from __future__ import annotations

import json
import re
from typing import Any

from markupsafe import Markup

from casebook.models import Reference
from casebook.render import format_csl, text_environment, to_csl
from casebook.scholarly.adapted_from import (
    adapted_from_note,
    original_date,
    original_fields,
    source_citation,
)
from casebook.scholarly.record import ScholarlyRecord

# One pass over the text, so a backslash added by one escape is never escaped again.
_BIBTEX_SPECIALS = re.compile(r"[\\{}%&$#_~^]")
_BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def case_reference(record: ScholarlyRecord) -> Reference:
    """The case itself as a CSL reference, in the same model the reference lists use."""
    date_parts = [[record.date.year, record.date.month, record.date.day]] if record.date else None
    data: dict[str, Any] = {
        "id": record.case_id,
        "type": "article-journal",
        "author": [
            {"literal": a.collective} if a.collective else {"family": a.family, "given": a.given}
            for a in record.authors
        ],
        "title": record.title,
        "container-title": record.journal_title,
        "container-title-short": record.journal_abbreviation,
        "volume": record.volume,
        "issue": record.issue,
        "page": record.first_page,
        "DOI": record.doi,
        "URL": record.url,
    }
    if date_parts:
        data["issued"] = {"date-parts": date_parts}
    return Reference.model_validate({k: v for k, v in data.items() if v is not None})


def csl_item(record: ScholarlyRecord) -> dict[str, Any]:
    """CSL-JSON for the case, with the fields a citation manager imports beyond the reference."""
    item = to_csl(case_reference(record))
    extra = {
        "ISSN": record.issn,
        "publisher": record.publisher,
        "language": record.language,
        "keyword": ", ".join(record.keywords),
    }
    item.update({k: v for k, v in extra.items() if v})
    if record.adapted_from:
        item.update(original_fields(record.adapted_from))
    return item


def csl_json(record: ScholarlyRecord) -> str:
    return json.dumps([csl_item(record)], ensure_ascii=False, indent=2) + "\n"


def formatted_citation(record: ScholarlyRecord) -> Markup:
    """The citation as the reference lists print it (NLM style), made from the very CSL-JSON
    the page offers for download, with its DOI or address as a link."""
    [formatted] = format_csl([csl_item(record)])
    return formatted.html()


def bibtex_text(value: str) -> str:
    """Author text as a BibTeX field value: specials escaped, and braces balanced. BibTeX
    counts braces even after a backslash, so a lone '}' (a title holding '} note = {') would
    end the field: a brace without its partner is written as a command without braces."""
    lone = _unpaired_braces(value)
    return _BIBTEX_SPECIALS.sub(
        lambda m: (
            _LONE_BRACES[m[0]] if m.start() in lone else _BIBTEX_ESCAPES.get(m[0], "\\" + m[0])
        ),
        value,
    )


_LONE_BRACES = {"{": r"\textbraceleft{}", "}": r"\textbraceright{}"}


def _unpaired_braces(value: str) -> set[int]:
    """Offsets of the braces in `value` that close nothing or are never closed."""
    opened: list[int] = []
    lone: set[int] = set()
    for index, char in enumerate(value):
        if char == "{":
            opened.append(index)
        elif char == "}":
            if opened:
                opened.pop()
            else:
                lone.add(index)
    return lone | set(opened)


def bibtex_verbatim(value: str) -> str:
    """A DOI or URL: biblatex reads these verbatim, so only braces are encoded (as in URLs)."""
    return value.replace("{", "%7B").replace("}", "%7D")


def bibtex(record: ScholarlyRecord) -> str:
    authors = " and ".join(
        "{" + bibtex_text(a.collective) + "}" if a.collective else bibtex_text(a.inverted_name)
        for a in record.authors
    )
    source = record.adapted_from
    return (
        text_environment()
        .get_template("cite.bib.j2")
        .render(
            record=record,
            authors=authors,
            month=_MONTHS[record.date.month - 1] if record.date else None,
            source=source,
            source_date=original_date(source) if source else None,
            source_note=adapted_from_note(source) if source else None,
            text=bibtex_text,
            verbatim=bibtex_verbatim,
        )
    )


def ris_value(value: str) -> str:
    """One RIS line holds one value: line breaks inside author text would start a new tag."""
    return " ".join(value.split())


def ris(record: ScholarlyRecord) -> str:
    source = record.adapted_from
    text = (
        text_environment()
        .get_template("cite.ris.j2")
        .render(
            record=record,
            source_citation=source_citation(source).text if source else None,
            value=ris_value,
        )
    )
    # RIS readers expect CRLF line ends, as the format's originators wrote it.
    return text.replace("\n", "\r\n")
