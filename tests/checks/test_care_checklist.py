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
NOT_APPLICABLE = "  not_applicable: [abstract, introduction]\n"


def without_abstract_note(text: str) -> str:
    text = replace_once(text, NOT_APPLICABLE, "  not_applicable: [introduction]\n")
    return replace_once(text, NOTE, "")


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
    text = without_abstract_note(example_text())
    article, diagnostics = load_variant(tmp_path, text)
    assert article is not None
    assert [d.format() for d in diagnostics] == [
        f"{F}:{line_of(text, 'schema_version: 1')}:1: warning: abstract: CARE item 3 (abstract) "
        "is not addressed (add abstract, or say why it is missing under care_notes.abstract)"
    ]
    page = render_care_page(article, site=SiteSettings())
    assert "| 3 | Abstract | **missing** | – |" in page


def test_site_setting_makes_missing_items_errors(tmp_path: Path) -> None:
    text = without_abstract_note(example_text())
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


TITLE_NOTE = (
    "  title: Retold from a letter to the editor, whose title does not call it a case report.\n"
)
TITLE = "  title: Palmoplantar pustulosis with atopic dermatitis responding to baricitinib\n"


def _row(page: str, number: int) -> str:
    [row] = [line for line in page.splitlines() if line.startswith(f"| {number} | ")]
    return row


def _care_page(tmp_path: Path, text: str) -> tuple[str, list[str]]:
    article, diagnostics = load_variant(tmp_path, text)
    assert article is not None, [d.format() for d in diagnostics]
    return render_care_page(article, site=SiteSettings()), [d.format() for d in diagnostics]


def test_a_note_is_shown_as_not_reported(tmp_path: Path) -> None:
    page, _ = _care_page(tmp_path, example_text())
    assert _row(page, 12) == (
        "| 12 | Patient perspective | not reported | Author's note: The source letter does not "
        "report the patient's perspective. |"
    )


def test_a_note_listed_as_not_applicable_is_shown_as_the_reason(tmp_path: Path) -> None:
    page, _ = _care_page(tmp_path, example_text())
    assert _row(page, 3) == (
        "| 3 | Abstract | not applicable | Author's reason: Published as a letter to the editor, "
        "which has no abstract. |"
    )


def test_not_applicable_without_a_reason_is_an_error(tmp_path: Path) -> None:
    text = replace_once(
        example_text(), NOT_APPLICABLE, "  not_applicable: [introduction, keywords]\n"
    )
    line = line_of(text, "  not_applicable: [introduction, keywords]")
    article, diagnostics = load_variant(tmp_path, text)
    assert article is None
    assert [d.format() for d in diagnostics] == [
        f"{F}:{line}:34: care_notes.not_applicable[1]: CARE item 2 (keywords) is listed as not "
        "applicable without a reason (say why it does not apply under care_notes.keywords)"
    ]


def test_a_title_without_the_words_case_report_is_not_addressed(tmp_path: Path) -> None:
    text = replace_once(example_text(), TITLE_NOTE, "")
    article, diagnostics = load_variant(tmp_path, text)
    assert article is not None
    assert [d.format() for d in diagnostics] == [
        f"{F}:{line_of(text, TITLE)}:10: warning: publication.title: CARE item 1 (title) is not "
        "addressed (add the words 'case report' to publication.title, or say why it is missing "
        "under care_notes.title)"
    ]
    assert (
        _row(render_care_page(article, site=SiteSettings()), 1) == "| 1 | Title | **missing** | – |"
    )


def test_a_title_with_the_words_case_report_in_any_case_is_addressed(tmp_path: Path) -> None:
    text = replace_once(example_text(), TITLE_NOTE, "")
    text = replace_once(
        text, TITLE, TITLE.replace("  title: ", "  title: >-\n    A Case\n    Report of ")
    )
    page, messages = _care_page(tmp_path, text)
    assert messages == []
    assert _row(page, 1) == "| 1 | Title | addressed | [Title](index.md) |"


def test_a_previously_published_consent_not_seen_is_shown_so(tmp_path: Path) -> None:
    page, _ = _care_page(tmp_path, example_text())
    assert _row(page, 13) == (
        "| 13 | Informed consent | not seen | [Consent and declarations](index.md#declarations) |"
    )
    # Unless the author says the source's consent statement was seen, it was not.
    page, _ = _care_page(tmp_path / "unset", replace_once(example_text(), "  seen: no\n", ""))
    assert " | not seen | " in _row(page, 13)


def test_a_consent_seen_or_held_by_the_authors_is_shown_as_stated(tmp_path: Path) -> None:
    text = replace_once(example_text(), "  seen: no\n", "  seen: yes\n")
    page, _ = _care_page(tmp_path, text)
    assert _row(page, 13) == (
        "| 13 | Informed consent | stated | [Consent and declarations](index.md#declarations) |"
    )
    text = replace_once(
        example_text(),
        "  basis: previously published\n  seen: no\n",
        "  basis: patient written consent\n",
    )
    page, _ = _care_page(tmp_path / "written", text)
    assert " | stated | " in _row(page, 13)


def test_a_consent_without_a_basis_is_missing_and_said_once(tmp_path: Path) -> None:
    text = replace_once(example_text(), "  basis: previously published\n", "  basis:\n")
    text = replace_once(text, "  status: published", "  status: draft")
    page, messages = _care_page(tmp_path, text)
    assert _row(page, 13) == "| 13 | Informed consent | **missing** | – |"
    assert [m.split(": ", 2)[2] for m in messages] == [
        "consent.basis: no consent basis is written (write how publication is permitted: "
        "'patient written consent', 'guardian written consent' or 'previously published')"
    ]


def test_treatment_steps_without_a_start_are_no_timeline(tmp_path: Path) -> None:
    text = replace_once(
        example_text(), "    start: week 0\n    duration: 4 weeks\n", "    duration: 4 weeks\n"
    )
    article, diagnostics = load_variant(tmp_path, text)
    assert article is not None
    line = line_of(text, "\ntreatment:\n") + 2  # the first step, where a start would go
    assert [d.format() for d in diagnostics] == [
        f"{F}:{line}:3: warning: treatment: CARE item 7 (timeline) is not "
        "addressed (give a treatment step its start, or add timeline events with their times, "
        "or say why it is missing under care_notes.timeline)"
    ]
    page = render_care_page(article, site=SiteSettings())
    assert _row(page, 7) == "| 7 | Timeline | **missing** | – |"
    assert _row(page, 9).startswith("| 9 | Therapeutic intervention | addressed | ")


def test_timeline_events_carry_their_times(tmp_path: Path) -> None:
    text = replace_once(
        example_text(), "    start: week 0\n    duration: 4 weeks\n", "    duration: 4 weeks\n"
    )
    text = replace_once(
        text, "\ntreatment:\n", "\ntimeline:\n  - when: week 0\n    event: x\n\ntreatment:\n"
    )
    page, _ = _care_page(tmp_path, text)
    assert _row(page, 7) == "| 7 | Timeline | addressed | [Timeline of events](index.md#events) |"
