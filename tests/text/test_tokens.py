from __future__ import annotations

from casebook.text.tokens import find_tokens


def keys(text: str) -> list[tuple[tuple[str, ...], bool]]:
    return [(t.keys, t.bracketed) for t in find_tokens(text)]


def test_pandoc_groups_and_bare_figure_refs() -> None:
    text = "As shown [@a; @b-2] and in @fig-one-a, then [@fig-x]."
    assert keys(text) == [(("a", "b-2"), True), (("fig-one-a",), False), (("fig-x",), True)]


def test_emails_code_and_escapes_are_not_tokens() -> None:
    assert keys("write to x@fig-mail.org or `[@a]` or \\@fig-x") == []


def test_trailing_punctuation_is_not_part_of_an_id() -> None:
    assert keys("see @fig-scores.") == [(("fig-scores",), False)]
