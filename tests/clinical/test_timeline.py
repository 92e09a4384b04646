"""The treatment timeline: steps placed on one axis, its table and chart data, and the errors
for steps that overlap, run backwards or cannot be placed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from casebook.clinical.chart_specs import periods
from casebook.load import load_case
from casebook.models.settings import SiteSettings
from casebook.render.pages import render_case_page
from casebook.scholarly import scholarly_output

from ..support.cases import (
    example_article,
    example_text,
    line_of,
    replace_once,
    section,
    variant_messages,
)
from ..support.kind_cases import UNTIMED_COURSE, fixture_text

F = "case_data/ppp-ad-baricitinib/case.yaml"
FIRST_STEP = "    duration: 4 weeks\n    response: Skin lesions cleared\n"


def test_example_timeline_table(tmp_path: Path, golden: Callable[[str, str], None]) -> None:
    page = render_case_page(example_article(tmp_path), site=SiteSettings())
    golden("ppp-ad-baricitinib/timeline.md", section(page, "### Timeline", "### Outcome"))


def test_example_timeline_chart_data(tmp_path: Path, golden: Callable[[str, str], None]) -> None:
    chart = example_article(tmp_path).clinical.timeline_chart
    assert chart is not None
    golden("ppp-ad-baricitinib/timeline-chart.json", json.dumps(chart.spec, indent=2) + "\n")
    assert chart.alt.startswith("Chart of the treatment course in weeks since the start")


def test_upper_bound_makes_later_times_approximate(tmp_path: Path) -> None:
    timeline = example_article(tmp_path).clinical.timeline
    labels = [timeline.start_label(s) for s in timeline.steps]
    assert labels == [
        "week 0",
        "week 4",
        "week 17",
        "about week 26",
        "about week 27",
        "about week 31",
        "about week 39",
    ]


def test_overlapping_steps(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        FIRST_STEP,
        FIRST_STEP + "  - drug: baricitinib\n    action: continue\n    start: week 2\n"
        "    duration: 1 week\n",
    )
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, 'start: week 2')}:12: treatment[1].start: this baricitinib step "
        "overlaps the previous one (treatment[0], which lasts 4 weeks) (shorten the previous "
        "step's duration, or start this step when it ends)"
    ]


def test_unordered_steps(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        "    duration: 3 months\n    reason: Maintenance",
        "    start: week -1\n    duration: 3 months\n    reason: Maintenance",
    )
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, 'start: week -1')}:12: treatment[1].start: this baricitinib step "
        "starts before the previous one (treatment[0]) (list the steps of each drug in time "
        "order)"
    ]


def test_step_after_one_of_unknown_length_is_reported_once(tmp_path: Path) -> None:
    text = replace_once(example_text(), "    duration: up to 2 months\n", "")
    line = line_of(text, "    action: interrupt") - 1
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:5: treatment[3]: cannot place this step on the timeline: the previous "
        "baricitinib step (treatment[2]) has no duration (give this step a start, e.g. "
        "'start: week 8', or the previous step a duration; if the source does not say, write "
        "'start: not stated' here or 'duration: not stated' on the previous step)"
    ]


def test_a_second_drug_needs_its_own_start(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        FIRST_STEP,
        FIRST_STEP + "  - drug: mometasone\n    action: start\n    route: topical\n",
    )
    line = line_of(text, "  - drug: mometasone")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:5: treatment[1]: the first mometasone step needs a start "
        "(add a start, e.g. 'start: week 2' or a date, or 'start: not stated' if the source "
        "does not say when it began)"
    ]


def test_concurrent_drugs_share_one_axis(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        FIRST_STEP,
        FIRST_STEP + "  - drug: mometasone\n    action: start\n    route: topical\n"
        "    start: week 2\n    duration: 2 weeks\n",
    )
    clinical = example_article(tmp_path, text).clinical
    assert clinical.timeline.drugs == ["baricitinib", "mometasone"]
    assert clinical.timeline_chart is not None
    lanes = [p["lane"] for p in clinical.timeline_chart.spec["periods"]]
    assert lanes.count("mometasone") == 1
    mometasone = next(s for s in clinical.timeline.steps if s.step.drug == "mometasone")
    assert clinical.timeline.start_label(mometasone) == "week 2"


def reviewed(text: str, *dates: str) -> str:
    """Dates identify patients: the de-identification check passes them only once reviewed."""
    entries = "".join(f"    - text: '{d}'\n      reason: converted to weeks\n" for d in dates)
    return text + f"\ndeidentification:\n  allow:\n{entries}"


def test_dates_are_published_as_times_since_day_0(tmp_path: Path) -> None:
    text = replace_once(example_text(), "    start: week 0\n", "    start: 2024-01-10\n")
    text = replace_once(text, "{when: week 4, value: 2.1}", "{when: 2024-02-07, value: 2.1}")
    text = reviewed(text, "2024-01-10", "2024-02-07")
    article = example_article(tmp_path, text)
    page = render_case_page(article, site=SiteSettings())
    assert "2024-01-10" not in page
    assert "2024-02-07" not in page
    assert '<tr><th scope="row">week 4</th><td>2.1</td><td>1.8</td></tr>' in page
    assert "calendar dates identify patients" in page
    # Every other output says what the page says: the JATS printed the date as written.
    scholarly = scholarly_output(article, settings=SiteSettings())
    for name, data in {**scholarly.files, "head": scholarly.head_html.encode()}.items():
        assert b"2024-01-10" not in data, name
        assert b"2024-02-07" not in data, name
    jats = next(data for name, data in scholarly.files.items() if name.endswith(".xml"))
    assert b"<td>week 0</td>" in jats


def test_a_date_needs_a_dated_start_of_treatment(tmp_path: Path) -> None:
    text = replace_once(
        example_text(), "{when: week 48, value: 0.8}", "{when: 2024-05-01, value: 0.8}"
    )
    text = reviewed(text, "2024-05-01")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, 'when: 2024-05-01')}:16: scores[0].values[7].when: a date needs "
        "a day 0 to count from (give the first treatment step's start as a date, or write "
        "this time as 'week N')"
    ]


def test_time_in_the_wrong_form(tmp_path: Path) -> None:
    text = replace_once(example_text(), "{when: week 48, value: 0.8}", "{when: wk 48, value: 0.8}")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, 'wk 48')}:16: scores[0].values[7].when: 'wk 48' is not in the "
        "expected form (write a time relative to the start of treatment, e.g. 'week 4' or "
        "'month 3', or a date as YYYY-MM-DD)"
    ]


def test_impossible_date(tmp_path: Path) -> None:
    text = replace_once(
        example_text(), "{when: week 48, value: 0.8}", "{when: 2024-02-30, value: 0.8}"
    )
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, '2024-02-30')}:16: scores[0].values[7].when: '2024-02-30' is not "
        "a calendar date"
    ]


def test_a_length_not_stated_leaves_the_later_starts_not_stated(tmp_path: Path) -> None:
    """The source says the taper lasted an unknown time: the steps after it keep their order
    and say 'not stated', and nothing is drawn on an axis they have no place on."""
    text = replace_once(
        example_text(), "    duration: up to 2 months\n", "    duration: not stated\n"
    )
    article = example_article(tmp_path, text)
    clinical = article.clinical
    timeline = clinical.timeline
    assert not timeline.timed
    assert [timeline.start_label(s) for s in timeline.steps] == [
        "week 0",
        "week 4",
        "week 17",
        "not stated",
        "not stated",
        "not stated",
        "not stated",
    ]
    assert timeline.duration_label(timeline.steps[2]) == "not stated"
    assert clinical.timeline_chart is None
    page = render_case_page(article, site=SiteSettings())
    assert "charts/timeline.svg" not in page
    assert "lists the steps in the order the source gives them." in page


def test_a_single_dose_is_a_moment_on_the_chart(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        FIRST_STEP,
        FIRST_STEP + "  - drug: methylprednisolone\n    action: start\n"
        "    dose: {value: 500, unit: mg}\n    route: intravenous\n    start: week 2\n"
        "    duration: single dose\n",
    )
    clinical = example_article(tmp_path, text).clinical
    chart = clinical.timeline_chart
    assert chart is not None
    [period] = [p for p in chart.spec["periods"] if p["lane"] == "methylprednisolone"]
    assert (period["start"], period["end"], period["single_dose"]) == (2.0, 2.0, True)
    assert "methylprednisolone: a single dose of 500 mg at week 2." in chart.alt
    step = next(s for s in clinical.timeline.steps if s.step.drug == "methylprednisolone")
    assert clinical.timeline.duration_label(step) == "single dose"


def test_a_restart_of_unstated_time_keeps_its_place_in_the_list(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        FIRST_STEP,
        FIRST_STEP + "  - drug: mometasone\n    action: start\n    start: week 2\n"
        "    duration: 2 weeks\n  - drug: mometasone\n    action: stop\n    start: week 4\n"
        "  - drug: mometasone\n    action: start\n    start: not stated\n",
    )
    clinical = example_article(tmp_path, text).clinical
    labels = [clinical.timeline.start_label(s) for s in clinical.timeline.steps[1:4]]
    assert labels == ["week 2", "week 4", "not stated"]
    assert clinical.timeline_chart is None
    # The scores chart draws its own times, but shades no treatment it cannot place.
    assert periods(clinical.timeline) == []


def test_an_outcome_time_is_said_on_the_page_and_in_the_jats(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        "  follow_up: 2 months\n",
        "  follow_up: 2 months\n  time_point: {after: 48 weeks, since: baricitinib}\n",
    )
    article = example_article(tmp_path, text)
    sentence = "Outcome assessed 48 weeks after starting baricitinib."
    assert f"\n{sentence}\n" in render_case_page(article, site=SiteSettings())
    jats = next(
        data
        for name, data in scholarly_output(article, settings=SiteSettings()).files.items()
        if name.endswith(".xml")
    )
    assert f"<p>{sentence}</p>".encode() in jats


def test_one_step_at_week_0_of_unstated_length_gets_no_invented_axis(tmp_path: Path) -> None:
    """Drawn, it would sit on 0 to 1 week, a scale the source never gave."""
    text = fixture_text(UNTIMED_COURSE)
    course = text[text.index("treatment:\n") : text.index("outcome:\n")]
    first = course[: course.index("  - drug: methotrexate\n    action: stop")]
    folder = tmp_path / "case_data" / UNTIMED_COURSE
    folder.mkdir(parents=True)
    text = text.replace(course, first + "\n").replace("since: ustekinumab", "since: methotrexate")
    (folder / "case.yaml").write_text(text, encoding="utf-8")
    article, diagnostics = load_case(folder, project_root=tmp_path)
    assert article is not None, [d.format() for d in diagnostics]
    timeline = article.clinical.timeline
    assert timeline.timed and not timeline.drawable
    assert article.clinical.timeline_chart is None
    page = render_case_page(article, site=SiteSettings())
    assert "| 1. Start | methotrexate 15 mg oral, once weekly | week 0 | not stated |" in page
