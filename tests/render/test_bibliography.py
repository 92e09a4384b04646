from __future__ import annotations

from pathlib import Path

import pytest
from casebook.models import Reference
from casebook.render import bibliography
from casebook.render.bibliography import format_csl, format_references, to_csl
from casebook.render.csl_reading import as_citeproc_js_reads, restore_kept_dashes
from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
from citeproc.source.json import CiteProcJSON

from ..support.cases import example_article

GUTTMAN = {
    "id": "guttman2019",
    "type": "article-journal",
    "author": [
        {"family": "Guttman-Yassky", "given": "E."},
        {"family": "Silverberg", "given": "J. I."},
    ],
    "casebook-et-al": True,
    "title": "Baricitinib in adult patients with moderate-to-severe atopic dermatitis",
    "container-title": "Journal of the American Academy of Dermatology",
    "container-title-short": "J Am Acad Dermatol",
    "issued": {"date-parts": [[2019]]},
    "volume": 80,
    "issue": "4",
    "page": "913-921.e9",
    "DOI": "10.1016/j.jaad.2018.01.018",
    "PMID": "29410014",
}
REFERENCE = Reference.model_validate(GUTTMAN)


def test_nlm_style_with_its_own_words_and_the_identifiers_as_links() -> None:
    [html] = format_references([Reference.model_validate(GUTTMAN)])
    # The style's text, range as written (citeproc-js collapses only numeric ranges).
    assert str(html) == (
        "Guttman-Yassky E, Silverberg JI, et al. Baricitinib in adult patients with "
        "moderate-to-severe atopic dermatitis. J Am Acad Dermatol. 2019;80(4):913-921.e9. "
        'doi:<a href="https://doi.org/10.1016/j.jaad.2018.01.018">10.1016/j.jaad.2018.01.018</a>'
        ' PubMed PMID: <a href="https://pubmed.ncbi.nlm.nih.gov/29410014/">29410014</a>.'
    )


def test_a_web_page_is_available_from_its_address() -> None:
    data = {
        "id": "guide",
        "type": "webpage",
        "author": [{"literal": "A Group"}],
        "title": "Guidance",
        "issued": {"date-parts": [[2020]]},
        "URL": "https://example.org/?a=1&b=2",
    }
    [html] = format_references([Reference.model_validate(data)])
    assert str(html) == (
        "A Group. Guidance [Internet]. 2020. Available from: "
        '<a href="https://example.org/?a=1&amp;b=2">https://example.org/?a=1&amp;b=2</a>'
    )


def test_csl_export_keeps_citation_manager_field_names() -> None:
    csl = to_csl(Reference.model_validate(GUTTMAN))
    assert csl["container-title"] == "Journal of the American Academy of Dermatology"
    assert csl["issued"] == {"date-parts": [[2019]]}
    assert csl["volume"] == "80"
    assert "casebook-et-al" not in csl
    # An incomplete author list ends in a name every CSL processor prints as 'et al.'.
    assert csl["author"][-1] == {"literal": "et al."}
    assert "et al." not in str(to_csl(REFERENCE.model_copy(update={"et_al": False})))


def test_markup_in_titles_is_escaped() -> None:
    data = {**GUTTMAN, "title": "<script>alert(1)</script> study", "casebook-et-al": False}
    [html] = format_references([Reference.model_validate(data)])
    assert "<script>" not in str(html)
    assert "&lt;script&gt;" in str(html)


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The citeproc bibliographies made from now on, each formatting what was not remembered."""
    made: list[object] = []

    class Counting(CitationStylesBibliography):  # type: ignore[misc]
        def __init__(self, *args: object) -> None:
            made.append(self)
            super().__init__(*args)

    monkeypatch.setattr(bibliography, "CitationStylesBibliography", Counting)
    bibliography._entry.cache_clear()
    return made


def test_unchanged_reference_list_is_formatted_once(made: list[object]) -> None:
    first = format_references([REFERENCE])
    assert format_references([REFERENCE.model_copy()]) == first
    assert len(made) == 1
    edited = REFERENCE.model_copy(update={"title": "Another title"})
    assert "Another title" in format_references([edited])[0]
    assert len(made) == 2


def test_a_reference_in_several_lists_is_formatted_once(made: list[object]) -> None:
    other = {**GUTTMAN, "title": "Another trial", "volume": 81, "casebook-et-al": False}
    # The same reference under another case's id is the same text, formatted once.
    renamed = {**GUTTMAN, "id": "baricitinib-trial"}
    first = format_references([Reference.model_validate(GUTTMAN), Reference.model_validate(other)])
    second = format_references([Reference.model_validate(renamed)])
    assert len(made) == 2
    assert second == first[:1]
    assert "Another trial" in first[1] and ";81(4)" in first[1] and "et al." not in first[1]
    assert "Baricitinib in adult" in first[0] and ";80(4)" in first[0]


def test_each_entry_is_as_the_style_prints_it_in_the_whole_list(tmp_path: Path) -> None:
    """Entries are formatted one at a time; the style numbers a list and prints each entry
    as it would alone, which is what makes that the same text."""
    items = [to_csl(reference) for reference in example_article(tmp_path).references]
    assert len(items) > 2
    prepared = [as_citeproc_js_reads(item) for item in items]
    whole = CitationStylesBibliography(
        bibliography._style(), CiteProcJSON(prepared), formatter.plain
    )
    for item in prepared:
        whole.register(Citation([CitationItem(item["id"])]))
    expected = [
        restore_kept_dashes(bibliography._LEADING_NUMBER.sub("", str(entry)))
        for entry in whole.bibliography()
    ]
    bibliography._entry.cache_clear()
    assert [formatted.text for formatted in format_csl(items)] == expected


def test_a_cited_item_finds_its_own_bibliographys_reference() -> None:
    found = []
    for title in ("First", "Second"):
        source = CiteProcJSON([{"id": "item", "type": "book", "title": title}])
        cited = bibliography._CitedOnce("item")
        CitationStylesBibliography(bibliography._style(), source, formatter.plain).register(
            Citation([cited])
        )
        assert cited.reference is source["item"] and cited.reference is cited.reference
        found.append(str(cited.reference["title"]))
    assert found == ["First", "Second"]
