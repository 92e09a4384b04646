"""A laboratory result is a number with its unit, or the result as the source words it."""

from __future__ import annotations

from pathlib import Path

from ..support.cases import example_text, line_of, replace_once, variant_messages

F = "case_data/ppp-ad-baricitinib/case.yaml"
IGE = "    value: 99\n    unit: kU/L\n"


def test_a_number_in_quotes_is_refused(tmp_path: Path) -> None:
    text = replace_once(example_text(), IGE, '    value: "99"\n    unit: kU/L\n')
    line = line_of(text, 'value: "99"')
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:12: investigations[1].value: '99' is a number "
        "written as text: remove the quotes, so that it is checked against the reference "
        "range and charted"
    ]


def test_a_number_needs_its_unit(tmp_path: Path) -> None:
    text = replace_once(example_text(), IGE, "    value: 99\n")
    line = line_of(text, "  - test: Total IgE")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:5: investigations[1]: the result 99 needs its unit: add unit, e.g. g/L or "
        "×10^9/L"
    ]


def test_words_take_no_numeric_range(tmp_path: Path) -> None:
    text = replace_once(example_text(), IGE, "    value: positive\n    reference_high: 100\n")
    line = line_of(text, "  - test: Total IgE")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:5: investigations[1]: the result 'positive' is text, so a numeric "
        "reference range cannot apply: remove reference_low and reference_high, or give the "
        "result as a number"
    ]


def test_not_stated_is_one_spelling(tmp_path: Path) -> None:
    text = replace_once(example_text(), IGE, "    value: NOT STATED\n")
    assert variant_messages(tmp_path, text) == []


def test_a_titre_is_a_result_in_words(tmp_path: Path) -> None:
    # YAML 1.1 would read 1:320 as a number; it stays the text typed, shown as written.
    text = replace_once(example_text(), IGE, "    value: 1:320\n")
    assert variant_messages(tmp_path, text) == []
