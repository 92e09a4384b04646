"""Every citation text Casebook prints is the text citeproc-js (the CSL processor of reference
managers) prints with the pinned NLM style from the CSL-JSON of the same work: one comparison
per output, for the example and the synthetic edge cases."""

from __future__ import annotations

import json
import re
from typing import Any

import lxml.html
import pytest
import rispy
from bibtexparser import middlewares
from bibtexparser.entrypoint import parse_string
from casebook.render import render_case_page, to_csl
from casebook.scholarly import scholarly_output
from lxml import etree
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from ..support.citeproc_js import citeproc_js
from ..support.golden_cases import GOLDEN_CASES, golden_article
from ..support.scholarly_cases import SETTINGS


def _outputs(case_id: str) -> tuple[str, dict[str, bytes]]:
    article = golden_article(case_id)
    output = scholarly_output(article, settings=SETTINGS)
    page = render_case_page(article, site=SETTINGS, cite=output.cite)
    # Keyed by extension: bib, ris, json, xml.
    return page, {path.rsplit(".", 1)[-1]: data for path, data in output.files.items()}


def _html_texts(page: str, pattern: str) -> list[str]:
    [block] = re.findall(pattern, page, flags=re.S)
    return [el.text_content() for el in lxml.html.fragments_fromstring(block)]


def _references_csl(case_id: str) -> list[dict[str, Any]]:
    return [to_csl(r) for r in golden_article(case_id).references]


@pytest.mark.parametrize("case_id", GOLDEN_CASES)
def test_the_page_reference_list(case_id: str) -> None:
    page, _ = _outputs(case_id)
    texts = _html_texts(page, r'<ol class="cb-references">\n(.*?)</ol>')
    assert texts == citeproc_js(_references_csl(case_id))


@pytest.mark.parametrize("case_id", GOLDEN_CASES)
def test_the_jats_mixed_citations(case_id: str) -> None:
    _, files = _outputs(case_id)
    root = etree.fromstring(files["xml"])
    texts = ["".join(m.itertext()) for m in root.iter("mixed-citation")]
    assert texts == citeproc_js(_references_csl(case_id))


@pytest.mark.parametrize("case_id", GOLDEN_CASES)
def test_cite_this_case_is_the_csl_json_download(case_id: str) -> None:
    page, files = _outputs(case_id)
    cite = _html_texts(page, r'(<p class="cb-citation">.*?</p>)')
    assert cite == citeproc_js(json.loads(files["json"]))


@pytest.mark.parametrize("case_id", GOLDEN_CASES)
def test_the_ris_download_gives_the_same_citation(case_id: str) -> None:
    page, files = _outputs(case_id)
    [entry] = rispy.loads(files["ris"].decode("utf-8"))
    # The tags a reference manager's RIS import reads into these CSL variables.
    item = _journal_article(
        case_id,
        title=entry["title"],
        authors=[_ris_name(name) for name in entry["authors"]],
        journal=(entry["secondary_title"], entry["alternate_title1"]),
        date=entry["date"].split("/"),
        url=entry["urls"][0],
        numbers=_present(entry, volume="volume", issue="number", page="start_page", DOI="doi"),
    )
    assert citeproc_js([item]) == _html_texts(page, r'(<p class="cb-citation">.*?</p>)')


@pytest.mark.parametrize("case_id", GOLDEN_CASES)
def test_the_bibtex_download_gives_the_same_citation(case_id: str) -> None:
    page, files = _outputs(case_id)
    # LaTeX decoded as a reference manager reads it; a braced group name stays one name.
    library = parse_string(
        files["bib"].decode("utf-8"),
        append_middleware=[
            middlewares.LatexDecodingMiddleware(decoder=_reference_manager_latex()),
            middlewares.SeparateCoAuthors(),
            middlewares.SplitNameParts(),
        ],
    )
    assert library.failed_blocks == []
    [entry] = library.entries
    fields = {key: field.value for key, field in entry.fields_dict.items()}
    item = _journal_article(
        case_id,
        title=fields["title"],
        authors=[_bibtex_name(name) for name in fields["author"]],
        journal=(fields["journal"], fields["shortjournal"]),
        date=fields["date"].split("-"),
        url=fields["url"],
        numbers=_present(fields, volume="volume", issue="number", page="pages", DOI="doi"),
    )
    assert citeproc_js([item]) == _html_texts(page, r'(<p class="cb-citation">.*?</p>)')


def _reference_manager_latex() -> LatexNodes2Text:
    """LaTeX decoded as biber and reference managers do: pylatexenc knows no
    \\textbraceleft / \\textbraceright, which the BibTeX writer uses for an unpaired brace."""
    context = get_default_latex_context_db().filter_context()
    context.add_context_category(
        "text-braces",
        macros=[MacroTextSpec("textbraceleft", "{"), MacroTextSpec("textbraceright", "}")],
        prepend=True,
    )
    return LatexNodes2Text(latex_context=context, keep_braced_groups=True)


def _journal_article(
    case_id: str,
    *,
    title: str,
    authors: list[dict[str, str]],
    journal: tuple[str, str],
    date: list[str],
    url: str,
    numbers: dict[str, Any],
) -> dict[str, Any]:
    """The CSL item a reference manager makes of the fields it read from a download."""
    return {
        "id": case_id,
        "type": "article-journal",
        "title": title,
        "author": authors,
        "container-title": journal[0],
        "container-title-short": journal[1],
        "issued": {"date-parts": [[int(part) for part in date]]},
        **numbers,
        "URL": url,
    }


def _present(source: dict[str, Any], **keys: str) -> dict[str, Any]:
    return {csl: source[key] for csl, key in keys.items() if key in source}


def _ris_name(name: str) -> dict[str, str]:
    family, _, given = name.partition(", ")
    return {"family": family, "given": given} if given else {"literal": name}


def _bibtex_name(name: Any) -> dict[str, str]:
    last = " ".join(name.last)
    if last.startswith("{") and last.endswith("}"):
        return {"literal": last[1:-1]}  # a group, braced so BibTeX keeps it whole
    return {"family": last, "given": " ".join(name.first)}
