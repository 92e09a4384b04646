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
