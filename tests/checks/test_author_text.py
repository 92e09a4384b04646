"""Author text through the case loader: hostile markup and identifiers, with exact positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..support.cases import example_text, line_of, load_variant, replace_once, variant_messages

F = "case_data/ppp-ad-baricitinib/case.yaml"
ANCHOR = "    The skin stayed clear while"


def with_summary(prefix: str) -> str:
    return replace_once(example_text(), ANCHOR, f"    {prefix} The skin stayed clear while")


HOSTILE = [
    (
        "<script>x()</script>",
        5,
        "raw HTML tag <script> is not allowed (write Markdown instead; if you meant a less-than "
        'sign, put a space after "<")',
    ),
    (
        '<img src=x onerror="x()">',
        5,
        "raw HTML tag <img> is not allowed (add the picture to the figures list and refer to "
        "it as @fig-<id>)",
    ),
    (
        "[here](javascript:x())",
        12,
        'link URL scheme "javascript:" is not allowed (links must start with https://, http:// '
        "or mailto:)",
    ),
    (
        "[here](data:text/html,x)",
        12,
        'link URL scheme "data:" is not allowed (links must start with https://, http:// or '
        "mailto:)",
    ),
    (
        'Clear{: onclick="x()" }',
        10,
        "attribute list {...} is not allowed (remove it; ids, classes and styles are set by "
        "the templates)",
    ),
    (
        '<iframe src="https://example.org">',
        5,
        "raw HTML tag <iframe> is not allowed (write Markdown instead; if you meant a less-than "
        'sign, put a space after "<")',
    ),
    (
        "<form>",
        5,
        "raw HTML tag <form> is not allowed (write Markdown instead; if you meant a less-than "
        'sign, put a space after "<")',
    ),
    (
        '--8<-- "secrets.txt"',
        6,
        'file include "--8<--" is not allowed (paste the text itself; case text cannot include '
        "files)",
    ),
]


@pytest.mark.parametrize(("prefix", "column", "message"), HOSTILE, ids=[h[0][:12] for h in HOSTILE])
def test_hostile_markup_is_refused_with_its_position(
    tmp_path: Path, prefix: str, column: int, message: str
) -> None:
    text = with_summary(prefix)
    messages = variant_messages(tmp_path, text)
    line = line_of(text, prefix)
    assert messages[0] == f"{F}:{line}:{column}: outcome.summary: {message}"


IDENTIFIERS = [
    ("Seen by Mr Smith.", "Mr Smith", "possible patient name 'Mr Smith': remove names"),
    (
        "Admitted on 12 March 2023.",
        "12 March 2023",
        "date more precise than a year '12 March 2023': give the year only, or a relative time "
        "such as 'two weeks later'",
    ),
    (
        "MRN 00123456 noted.",
        "MRN 00123456",
        "possible medical record number 'MRN 00123456': remove it",
    ),
    (
        "Call 555-123-4567.",
        "555-123-4567",
        "possible telephone or fax number '555-123-4567': remove it",
    ),
]


@pytest.mark.parametrize(
    ("prefix", "matched", "message"), IDENTIFIERS, ids=[i[1] for i in IDENTIFIERS]
)
def test_identifiers_are_errors_at_their_position(
    tmp_path: Path, prefix: str, matched: str, message: str
) -> None:
    text = with_summary(prefix)
    line = line_of(text, prefix)
    column = 5 + prefix.index(matched)
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:{column}: outcome.summary: {message}, or record a reviewed exception "
        "under deidentification.allow"
    ]


def test_reviewed_exception_silences_exactly_that_text(tmp_path: Path) -> None:
    text = with_summary("Seen by Mr Smith and Mrs Jones.")
    text = text.replace(
        "\ndiscussion: |-",
        "\ndeidentification:\n  allow:\n    - text: Mr Smith\n      reason: a test\n"
        "\ndiscussion: |-",
    )
    messages = variant_messages(tmp_path, text)
    assert len(messages) == 1
    assert "'Mrs Jones'" in messages[0]


def test_ordinary_clinical_text_passes(tmp_path: Path) -> None:
    text = with_summary("IgE fell below 100 kU/L (p < 0.05) by week 4; EASI-75 was reached.")
    article, problems = load_variant(tmp_path, text)
    assert problems == [] and article is not None


def test_age_over_89_in_text(tmp_path: Path) -> None:
    text = with_summary("A 93-year-old relative had PPP.")
    assert variant_messages(tmp_path, text)[0].startswith(
        f"{F}:{line_of(text, 'A 93-year-old')}:7: outcome.summary: "
    )


ALLOW_HINT = ", or record a reviewed exception under deidentification.allow"


def _messages_for(tmp_path: Path, old: str, new: str) -> tuple[str, list[str]]:
    text = replace_once(example_text(), old, new)
    return text, variant_messages(tmp_path, text)


def test_the_reference_note_is_read_with_every_rule(tmp_path: Path) -> None:
    note = (
        "Details of the patient, John Smith (hospital number A1234567, seen 3 May 2024, tel"
        " 020 7946 0958), are on file."
    )
    text, messages = _messages_for(
        tmp_path,
        "reference_note: >-\n  Partial list: the source letter cites seven works; the two it"
        " cites for the Th1/Th2 mechanism\n  could not be identified and are left out rather"
        " than guessed.\n",
        f"reference_note: {note}\n",
    )
    line = line_of(text, "reference_note:")
    at = 17
    assert messages == [
        f"{F}:{line}:{at + note.index('John')}: reference_note: possible patient name beside a"
        f" word for the patient 'John Smith': remove it and write 'the patient'{ALLOW_HINT}",
        f"{F}:{line}:{at + note.index('hospital')}: reference_note: possible medical record"
        f" number 'hospital number A1234567': remove it{ALLOW_HINT}",
        f"{F}:{line}:{at + note.index('3 May')}: reference_note: date more precise than a year"
        f" '3 May 2024': give the year only, or a relative time such as 'two weeks later'"
        f"{ALLOW_HINT}",
        f"{F}:{line}:{at + note.index('020')}: reference_note: possible telephone or fax number"
        f" '020 7946 0958': remove it{ALLOW_HINT}",
    ]


DECLARATIONS = "\ndeclarations:\n  funding: {funding}\n  conflicts: {conflicts}\n"


def _with_declarations(funding: str, conflicts: str) -> str:
    return replace_once(
        example_text(),
        "\ndiscussion: |-",
        DECLARATIONS.format(funding=funding, conflicts=conflicts) + "\ndiscussion: |-",
    )


def test_a_declaration_naming_the_patient_and_an_address_is_refused(tmp_path: Path) -> None:
    funding = "A gift from Mrs Jane Roe of 12 High Street, London NW1 6XE."
    text = _with_declarations(funding, "None declared.")
    line = line_of(text, "  funding:")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:{12 + funding.index('Mrs')}: declarations.funding: possible patient name"
        f" 'Mrs Jane Roe': remove names{ALLOW_HINT}",
        f"{F}:{line}:{12 + funding.index('12 High')}: declarations.funding: possible street"
        f" address '12 High Street': remove it (a state or country may stay){ALLOW_HINT}",
        f"{F}:{line}:{12 + funding.index('NW1')}: declarations.funding: possible postcode"
        f" 'NW1 6XE': remove it (a state or country may stay){ALLOW_HINT}",
    ]


def test_a_declaration_may_name_the_authors_and_their_roles(tmp_path: Path) -> None:
    text = replace_once(
        _with_declarations(
            "None.", "Dr Jane Doe has served as a consultant for Lilly and as president of Acme."
        ),
        "  - collective: Casebook example editors\n",
        "  - given: Jane\n    family: Doe\n",
    )
    assert variant_messages(tmp_path, text) == []


def test_author_fields_expect_names_but_not_numbers(tmp_path: Path) -> None:
    text, messages = _messages_for(
        tmp_path,
        "  - collective: Casebook example editors\n",
        "  - given: Prof. Jane\n    family: Doe (tel 020 7946 0958)\n",
    )
    line = line_of(text, "    family: Doe")
    assert messages == [
        f"{F}:{line}:22: authors[0].family: possible telephone or fax number '020 7946 0958':"
        f" remove it{ALLOW_HINT}"
    ]


def test_affiliations_adapted_from_and_references_are_read(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        "    name: Casebook project (example content)\n",
        "    name: Casebook project, MRN 00123456\n",
    )
    text = replace_once(
        text,
        "    note: Letter to the editor; its authors, pages and DOI could not be identified.\n",
        "    note: The patient, John Smith, agreed.\n",
    )
    text = replace_once(
        text,
        "    title: Similarity and difference between palmoplantar pustulosis and pustular"
        " psoriasis\n",
        "    title: Similarity and difference, 3 May 2021, hosp no 123456\n",
    )
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, '    note: The')}:24: publication.adapted_from.note: possible"
        f" patient name beside a word for the patient 'John Smith': remove it and write 'the"
        f" patient'{ALLOW_HINT}",
        f"{F}:{line_of(text, '    name: Casebook')}:29: affiliations[0].name: possible medical"
        f" record number 'MRN 00123456': remove it{ALLOW_HINT}",
        # The cited work's own date stays; its record number does not.
        f"{F}:{line_of(text, '    title: Similarity')}:51: references[0].title: possible medical"
        f" record number 'hosp no 123456': remove it{ALLOW_HINT}",
    ]


def test_a_birth_year_counts_from_the_publication_date(tmp_path: Path) -> None:
    # Published 2026-11-26: born in 1936 is 90 then, born in 1937 is 89.
    text = with_summary("A relative born in 1936 and one born in 1937 had PPP.")
    line = line_of(text, "A relative born")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:16: outcome.summary: birth year that makes the patient older than 89"
        f" 'born in 1936': give no birth year; write '90 years or older'{ALLOW_HINT}"
    ]


def test_the_case_abbreviations_are_not_initials(tmp_path: Path) -> None:
    article, problems = load_variant(tmp_path, with_summary("In this patient PPP and AD cleared."))
    assert problems == [] and article is not None
