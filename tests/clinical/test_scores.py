"""Outcome scores: the instrument registry, range checks with positions, the summary against
baseline, and the example's illustrative Figure 2."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from casebook.errors import SettingsError
from casebook.load import read_settings
from casebook.models.instruments import BUILT_IN
from casebook.models.settings import SiteSettings
from casebook.render.pages import render_case_page

from ..support.cases import (
    example_article,
    example_text,
    line_of,
    load_variant,
    replace_once,
    section,
    variant_messages,
)

F = "case_data/ppp-ad-baricitinib/case.yaml"
UAS7 = (
    "  - instrument: UAS7\n    values:\n      - {when: week 0, value: 30}\n"
    "      - {when: week 4, value: 45}\n"
)


def test_registry_ranges() -> None:
    assert {name: (i.low, i.high) for name, i in BUILT_IN.items()} == {
        "EASI": (0, 72),
        "PPPASI": (0, 72),
        "PASI": (0, 72),
        "SCORAD": (0, 103),
        "DLQI": (0, 30),
        "IGA": (0, 4),
        "itch NRS": (0, 10),
    }


def test_example_score_summary(tmp_path: Path, golden: Callable[[str, str], None]) -> None:
    page = render_case_page(example_article(tmp_path), site=SiteSettings())
    golden("ppp-ad-baricitinib/score-summary.md", section(page, "#### Outcome scores", "<figure"))


def test_example_figure_2_chart_data(tmp_path: Path, golden: Callable[[str, str], None]) -> None:
    article = example_article(tmp_path)
    figure = next(f for f in article.figures if f.id == "fig-scores")
    assert figure.number == 2
    (panel,) = figure.panels
    assert panel.chart is not None and panel.file == "charts/fig-scores.svg"
    assert panel.chart.spec["illustrative"] is True
    golden("ppp-ad-baricitinib/scores-chart.json", json.dumps(panel.chart.spec, indent=2) + "\n")


def test_figure_2_says_its_values_are_illustrative(tmp_path: Path) -> None:
    page = render_case_page(example_article(tmp_path), site=SiteSettings())
    figure = section(page, '<figure class="cb-figure" id="fig-scores">', "</figure>")
    assert (
        '<em class="cb-illustrative-note">Illustrative values: the source gives no numbers for '
        "these scores." in figure
    )
    data = section(page, "<summary>Values shown in Figure 2</summary>", "</details>")
    assert '<tr><th scope="row">week 27</th><td>15.8</td><td>13.2</td></tr>' in data


def test_out_of_range_score(tmp_path: Path) -> None:
    text = replace_once(
        example_text(), "{when: week 27, value: 15.8}", "{when: week 27, value: 80}"
    )
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, 'value: 80}')}:32: scores[0].values[3].value: 80 is out of range "
        "for EASI, which runs from 0 to 72"
    ]


def test_negative_score(tmp_path: Path) -> None:
    text = replace_once(example_text(), "{when: week 4, value: 1.8}", "{when: week 4, value: -1}")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, 'value: -1}')}:31: scores[1].values[1].value: -1 is out of range "
        "for PPPASI, which runs from 0 to 72"
    ]


def test_unknown_instrument_suggests_the_closest(tmp_path: Path) -> None:
    text = replace_once(example_text(), "instrument: PPPASI", "instrument: PPASI")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, 'instrument: PPASI')}:17: scores[1].instrument: unknown "
        "instrument 'PPASI' (did you mean 'PPPASI'?)"
    ]


def test_whole_number_instrument(tmp_path: Path) -> None:
    text = replace_once(example_text(), "instrument: PPPASI", "instrument: IGA")
    text = replace_once(text, "{when: week 0, value: 21.6}", "{when: week 0, value: 2.5}")
    messages = variant_messages(tmp_path, text)
    assert messages[0] == (
        f"{F}:{line_of(text, 'value: 2.5}')}:31: scores[1].values[0].value: 2.5 is not a whole "
        "number (IGA is scored in whole numbers)"
    )


def test_values_out_of_time_order(tmp_path: Path) -> None:
    text = replace_once(example_text(), "{when: week 17, value: 1.2}", "{when: week 2, value: 1.2}")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, 'week 2,')}:16: scores[0].values[2].when: 'week 2' is not later "
        "than the time before it ('week 4') (list the values in time order, one per time point)"
    ]


def test_site_instrument_is_checked_against_its_own_range(tmp_path: Path) -> None:
    settings = read_settings(
        {"instruments": {"UAS7": {"full_name": "Urticaria Activity Score", "max": 42}}}
    )
    text = replace_once(example_text(), "\noutcome:\n", f"{UAS7}\noutcome:\n")
    _, diagnostics = load_variant(tmp_path, text, settings=settings)
    assert [d.format() for d in diagnostics] == [
        f"{F}:{line_of(text, 'value: 45}')}:31: scores[2].values[1].value: 45 is out of range "
        "for UAS7, which runs from 0 to 42"
    ]


def test_without_the_site_instrument_it_is_unknown(tmp_path: Path) -> None:
    text = replace_once(example_text(), "\noutcome:\n", f"{UAS7}\noutcome:\n")
    (message,) = variant_messages(tmp_path, text)
    assert message.endswith(
        "scores[2].instrument: unknown instrument 'UAS7' (known: EASI, PPPASI, PASI, SCORAD, "
        "DLQI, IGA, itch NRS; a site adds its own under extra.casebook.instruments in "
        "mkdocs.yml)"
    )


def test_a_site_cannot_redefine_a_built_in_range() -> None:
    with pytest.raises(SettingsError) as raised:
        read_settings({"instruments": {"EASI": {"full_name": "EASI", "max": 100}}})
    assert str(raised.value) == (
        "mkdocs.yml: extra.casebook.instruments: EASI is built in with its published range; "
        "give a site instrument another name\n"
        "1 error in the site settings"
    )


def test_response_not_reached_and_percent_change(tmp_path: Path) -> None:
    text = example_text()
    for week, old, new in (
        ("4", "2.1", "8"),
        ("17", "1.2", "8"),
        ("32", "2.4", "5"),
        ("39", "1.0", "5"),
        ("48", "0.8", "12"),
    ):
        text = replace_once(text, f"week {week}, value: {old}}}", f"week {week}, value: {new}}}")
    summary = example_article(tmp_path, text).clinical.summaries[0]
    assert summary.change_text() == "−14.4 (−55%)"
    assert summary.responses_text() == (
        "EASI-50 reached at week 4; EASI-75 reached at week 32; EASI-90 not reached"
    )


def test_scores_chart_without_a_figure_is_drawn_in_the_outcome(tmp_path: Path) -> None:
    text = replace_once(example_text(), "    figures: [fig-scores]\n", "")
    start = text.index("  - id: fig-scores\n")
    text = text[:start] + text[text.index("  - id: fig-followup\n") :]
    article = example_article(tmp_path, text)
    assert article.clinical.score_chart is not None
    page = render_case_page(article, site=SiteSettings())
    scores = section(page, "#### Outcome scores", '<figure class="cb-figure"')
    assert '<img src="charts/scores.svg" alt="Line chart of EASI and PPPASI over time' in scores
    assert '<table class="cb-chart-data">' in scores
