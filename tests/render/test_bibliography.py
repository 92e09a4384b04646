from __future__ import annotations

import pytest
from casebook.models import Reference
from casebook.render import bibliography
from casebook.render.bibliography import format_references, to_csl
from citeproc import CitationStylesBibliography

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


def test_nlm_style_with_doi_and_pubmed_links() -> None:
    [html] = format_references([Reference.model_validate(GUTTMAN)])
    assert str(html) == (
        "Guttman-Yassky E, Silverberg JI, et al. Baricitinib in adult patients with "
        "moderate-to-severe atopic dermatitis. J Am Acad Dermatol. 2019;80(4):913–21.e9. "
        '<a href="https://doi.org/10.1016/j.jaad.2018.01.018">doi:10.1016/j.jaad.2018.01.018</a>'
        ' · <a href="https://pubmed.ncbi.nlm.nih.gov/29410014/">PubMed 29410014</a>'
    )


def test_csl_export_keeps_citation_manager_field_names() -> None:
    csl = to_csl(Reference.model_validate(GUTTMAN))
    assert csl["container-title"] == "Journal of the American Academy of Dermatology"
    assert csl["issued"] == {"date-parts": [[2019]]}
    assert csl["volume"] == "80"
    assert "casebook-et-al" not in csl


def test_markup_in_titles_is_escaped() -> None:
    data = {**GUTTMAN, "title": "<script>alert(1)</script> study", "casebook-et-al": False}
    [html] = format_references([Reference.model_validate(data)])
    assert "<script>" not in str(html)
    assert "&lt;script&gt;" in str(html)


def test_unchanged_reference_list_is_formatted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[object] = []

    class Counting(CitationStylesBibliography):  # type: ignore[misc]
        def __init__(self, *args: object) -> None:
            made.append(self)
            super().__init__(*args)

    monkeypatch.setattr(bibliography, "CitationStylesBibliography", Counting)
    bibliography._bibliography.cache_clear()
    first = format_references([REFERENCE])
    assert format_references([REFERENCE.model_copy()]) == first
    assert len(made) == 1
    edited = REFERENCE.model_copy(update={"title": "Another title"})
    assert "Another title" in format_references([edited])[0]
    assert len(made) == 2
