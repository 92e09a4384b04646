"""Laboratory results: flags computed from reference ranges, contradictions as errors, and a
table and trend for a test measured more than once."""

from __future__ import annotations

from pathlib import Path

from casebook.clinical.labs import computed_flag, result_text
from casebook.models import LabResult
from casebook.models.settings import SiteSettings
from casebook.render.pages import render_case_page

from ..support.cases import example_article, example_text, line_of, replace_once, variant_messages

F = "case_data/ppp-ad-baricitinib/case.yaml"
EOSINOPHILS = '    value: 0.8\n    unit: "×10⁹/L"\n    flag: high\n'


def with_range(flag: str) -> str:
    return replace_once(
        example_text(),
        EOSINOPHILS,
        '    value: 0.8\n    unit: "×10⁹/L"\n    reference_low: 0.02\n    reference_high: 0.52\n'
        f"    flag: {flag}\n",
    )


def test_flag_is_computed_from_the_range() -> None:
    def lab(value: float) -> LabResult:
        return LabResult(test="x", value=value, unit="g/L", reference_low=1, reference_high=2)

    assert [computed_flag(lab(v)) for v in (0.5, 1, 2, 2.5)] == ["low", "normal", "normal", "high"]
    assert computed_flag(LabResult(test="x", value=3, unit="g/L")) is None


def test_flag_contradicting_the_range(tmp_path: Path) -> None:
    text = with_range("normal")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, 'flag: normal')}:11: investigations[0].flag: flag 'normal' "
        "contradicts the reference range: 0.8 ×10⁹/L is above 0.02–0.52 (remove the flag, "
        "which is computed from the range, or correct the value or the range)"
    ]


def test_flags_without_a_range_are_shown_as_reported(tmp_path: Path) -> None:
    page = render_case_page(example_article(tmp_path), site=SiteSettings())
    assert "| Eosinophil count | 0.8 ×10⁹/L | not stated | high (as reported) |" in page


def test_agreeing_flag_with_a_range_is_computed(tmp_path: Path) -> None:
    page = render_case_page(example_article(tmp_path, with_range("high")), site=SiteSettings())
    assert "| Eosinophil count | 0.8 ×10⁹/L | 0.02–0.52 | high |" in page


def test_reversed_range(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        EOSINOPHILS,
        '    value: 0.8\n    unit: "×10⁹/L"\n    reference_low: 0.52\n    reference_high: 0.02\n',
    )
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, 'reference_low: 0.52')}:20: investigations[0].reference_low: the "
        "reference range is reversed: 0.52 is above 0.02 (swap reference_low and "
        "reference_high)"
    ]


REPEATS = (
    '  - test: Eosinophil count\n    value: 0.3\n    unit: "×10⁹/L"\n'
    "    reference_low: 0.02\n    reference_high: 0.52\n    when: week 12\n"
    '  - test: Eosinophil count\n    value: 0.6\n    unit: "×10⁹/L"\n'
    "    reference_low: 0.02\n    reference_high: 0.52\n    when: week 4\n"
)


def repeated(first_when: str = "    when: week 0\n") -> str:
    text = with_range("high")
    text = replace_once(
        text, "    flag: high\n  - test: Total IgE", f"{first_when}  - test: Total IgE"
    )
    return replace_once(text, "\nhistology:\n", f"{REPEATS}\nhistology:\n")


def test_repeated_test_gets_a_table_in_time_order_and_a_trend(tmp_path: Path) -> None:
    article = example_article(tmp_path, repeated())
    page = render_case_page(article, site=SiteSettings())
    assert (
        "| Eosinophil count | week 0 | 0.8 ×10⁹/L | 0.02–0.52 | high |\n"
        "| Eosinophil count | week 4 | 0.6 ×10⁹/L | 0.02–0.52 | high |\n"
        "| Eosinophil count | week 12 | 0.3 ×10⁹/L | 0.02–0.52 | normal |\n"
        "| Total IgE | not stated | 99 kU/L | not stated | high (as reported) |\n"
    ) in page
    chart = article.clinical.lab_charts["Eosinophil count"]
    assert chart.file == "charts/lab-eosinophil-count.svg"
    assert chart.spec["series"] == [
        {"label": "Eosinophil count", "points": [[0.0, 0.8], [4.0, 0.6], [12.0, 0.3]]}
    ]
    assert chart.spec["band"] == [0.02, 0.52]
    assert chart.alt == (
        "Line chart of Eosinophil count (×10⁹/L) at 3 times: 0.8 at week 0, 0.6 at week 4, "
        "0.3 at week 12; reference range 0.02–0.52. The table above gives the same values."
    )
    assert f'<img src="{chart.file}" alt="Line chart of Eosinophil count' in page


def test_repeated_test_needs_a_time_on_each_result(tmp_path: Path) -> None:
    text = repeated(first_when="")
    line = line_of(text, "  - test: Eosinophil count\n    value: 0.8")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:5: investigations[0]: Eosinophil count is measured more than once, so "
        "each result needs a time (add when: e.g. 'week 4' or a date)"
    ]


def test_repeated_test_keeps_one_unit(tmp_path: Path) -> None:
    text = replace_once(repeated(), '0.3\n    unit: "×10⁹/L"', '0.3\n    unit: "/µL"')
    line = line_of(text, '"/µL"')
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:11: investigations[2].unit: unit '/µL' differs "
        "from the first Eosinophil count result ('×10⁹/L', investigations[0]) (convert the "
        "value and use one unit per test)"
    ]


TEXT_RESULTS = (
    "  - test: Hepatitis B surface antigen\n    value: not detected\n"
    "  - test: C-reactive protein\n    value: Not stated\n    unit: mg/L\n    flag: high\n"
)


def test_a_result_in_words_is_shown_as_written(tmp_path: Path) -> None:
    text = replace_once(example_text(), "\nhistology:\n", f"{TEXT_RESULTS}\nhistology:\n")
    article = example_article(tmp_path, text)
    page = render_case_page(article, site=SiteSettings())
    assert (
        "| Total IgE | 99 kU/L | not stated | high (as reported) |\n"
        "| Hepatitis B surface antigen | not detected | not stated |  |\n"
        "| C-reactive protein | not stated | not stated | high (as reported) |\n"
    ) in page
    assert article.case.investigations[-1].value == "not stated"


def test_result_text_gives_the_unit_of_a_number_or_of_words() -> None:
    def text_of(value: float | str, unit: str | None) -> str:
        return result_text(LabResult(test="x", value=value, unit=unit))

    assert text_of(0.8, "g/L") == "0.8 g/L"
    assert text_of("< 0.5", "mg/L") == "< 0.5 mg/L"
    assert text_of("positive", None) == "positive"
    assert text_of("not stated", "mg/L") == "not stated"
    assert computed_flag(LabResult(test="x", value="trace", flag="high")) is None


def test_a_result_in_words_is_never_charted(tmp_path: Path) -> None:
    # Week 4 given in words leaves two numbers: still a trend, without the words.
    text = replace_once(
        repeated(),
        '0.6\n    unit: "×10⁹/L"\n    reference_low: 0.02\n    reference_high: 0.52\n',
        "raised\n",
    )
    article = example_article(tmp_path, text)
    chart = article.clinical.lab_charts["Eosinophil count"]
    assert chart.spec["series"] == [
        {"label": "Eosinophil count", "points": [[0.0, 0.8], [12.0, 0.3]]}
    ]
    assert chart.alt == (
        "Line chart of Eosinophil count (×10⁹/L) at 2 times: 0.8 at week 0, 0.3 at week 12; "
        "reference range 0.02–0.52. The table above gives the same values, and 1 result not "
        "drawn."
    )
    page = render_case_page(article, site=SiteSettings())
    assert "| Eosinophil count | week 4 | raised | not stated |  |\n" in page


def test_one_number_beside_words_draws_no_trend(tmp_path: Path) -> None:
    text = replace_once(repeated(), "    value: 0.3\n", "    value: normal\n")
    text = replace_once(text, "    value: 0.6\n", "    value: not stated\n")
    text = text.replace(
        "    reference_low: 0.02\n    reference_high: 0.52\n    when: week", "    when: week"
    )
    article = example_article(tmp_path, text)
    assert article.clinical.lab_charts == {}
    assert "charts/lab-eosinophil-count" not in render_case_page(article, site=SiteSettings())


def test_a_result_in_words_may_go_without_the_unit_of_the_numbers(tmp_path: Path) -> None:
    text = replace_once(repeated(), '0.6\n    unit: "×10⁹/L"\n', "not stated\n")
    text = replace_once(
        text, "not stated\n    reference_low: 0.02\n    reference_high: 0.52\n", "not stated\n"
    )
    assert variant_messages(tmp_path, text) == []
