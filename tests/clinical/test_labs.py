"""Laboratory results: flags computed from reference ranges, contradictions as errors, and a
table and trend for a test measured more than once."""

from __future__ import annotations

from pathlib import Path

from casebook.clinical.labs import computed_flag
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
