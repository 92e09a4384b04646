"""The CARE report page of a case, the warnings for unaddressed items, and the journal profile."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from casebook.checks.journal_limits import word_count
from casebook.load import read_settings
from casebook.models.settings import SiteSettings
from casebook.render.pages import render_care_page

from ..support.cases import example_article, example_text, line_of, load_variant, replace_once

F = "case_data/ppp-ad-baricitinib/case.yaml"
NOTE = "  abstract: Published as a letter to the editor, which has no abstract.\n"
PROFILE = {
    "journal_profile": {
        "name": "the example journal profile",
        "letter": {"word_limit": 1000, "max_references": 10, "max_figures": 3, "max_panels": 8},
    }
}


def test_example_care_report(tmp_path: Path, golden: Callable[[str, str], None]) -> None:
    profile = read_settings(PROFILE).journal_profile
    page = render_care_page(example_article(tmp_path), site=SiteSettings(), profile=profile)
    golden("ppp-ad-baricitinib/care.md", page)


def test_example_has_no_warnings(tmp_path: Path) -> None:
    article, diagnostics = load_variant(tmp_path, example_text(), settings=read_settings(PROFILE))
    assert article is not None and diagnostics == []


def test_unexplained_missing_item_is_a_warning(tmp_path: Path) -> None:
    text = replace_once(example_text(), NOTE, "")
    article, diagnostics = load_variant(tmp_path, text)
    assert article is not None
    assert [d.format() for d in diagnostics] == [
        f"{F}:{line_of(text, 'schema_version: 1')}:1: warning: abstract: CARE item 3 (abstract) "
        "is not addressed (add abstract, or say why it is missing under care_notes.abstract)"
    ]
    page = render_care_page(article, site=SiteSettings())
    assert "| 3 | Abstract | **missing** | – |" in page


def test_site_setting_makes_missing_items_errors(tmp_path: Path) -> None:
    text = replace_once(example_text(), NOTE, "")
    settings = read_settings({"care_missing": "error"})
    article, diagnostics = load_variant(tmp_path, text, settings=settings)
    assert article is None
    assert [d.severity for d in diagnostics] == ["error"]
    assert (
        diagnostics[0]
        .format()
        .endswith(
            ":1: abstract: CARE item 3 (abstract) is not addressed (add abstract, or say why it is "
            "missing under care_notes.abstract)"
        )
    )


def test_note_on_an_addressed_item_is_a_warning(tmp_path: Path) -> None:
    text = replace_once(example_text(), NOTE, NOTE + "  discussion: There is none.\n")
    _, diagnostics = load_variant(tmp_path, text)
    assert [d.format() for d in diagnostics] == [
        f"{F}:{line_of(text, 'There is none.')}:15: warning: care_notes.discussion: explains why "
        "CARE item 11 (discussion) is missing, but the case addresses it (remove the note)"
    ]


def test_word_count_counts_main_text_not_citations(tmp_path: Path) -> None:
    case = example_article(tmp_path).case
    assert word_count(case) == 599
    text = replace_once(example_text(), "[@koumaki2019]", "[@koumaki2019] and three more words")
    assert word_count(example_article(tmp_path / "more", text).case) == 603


def test_case_over_the_journal_limits(tmp_path: Path) -> None:
    settings = read_settings(
        {
            "journal_profile": {
                "letter": {"word_limit": 500, "max_references": 4, "max_figures": 3},
            }
        }
    )
    text = example_text()
    _, diagnostics = load_variant(tmp_path, text, settings=settings)
    assert [d.format() for d in diagnostics] == [
        f"{F}:{line_of(text, 'article_type: letter')}:17: warning: publication.article_type: "
        "the case has 599 words; the journal profile allows 500 for letters (cut 99 to fit)",
        f"{F}:{line_of(text, '  - id: yamamoto2021')}:3: warning: references: the case has 5 "
        "references; the journal profile allows 4 for letters (cut 1 to fit)",
    ]
