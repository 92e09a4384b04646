"""Treatment steps whose times contradict their order, steps that cannot be placed, and the
drug an outcome's time counts from: each error at its line, naming the ways out."""

from __future__ import annotations

from pathlib import Path

from ..support.cases import example_text, line_of, replace_once, variant_messages

F = "case_data/ppp-ad-baricitinib/case.yaml"
FIRST_STEP = "    duration: 4 weeks\n    response: Skin lesions cleared\n"


def with_steps(*steps: str) -> str:
    """The example with mometasone steps after its first step (treatment[1] onwards)."""
    added = "".join(f"  - drug: mometasone\n    route: topical\n{step}" for step in steps)
    return replace_once(example_text(), FIRST_STEP, FIRST_STEP + added)


def test_start_stop_and_restart_at_one_time_are_two_errors(tmp_path: Path) -> None:
    text = with_steps(
        "    action: start\n    start: week 0\n",
        "    action: stop\n    start: week 0\n",
        "    action: resume\n    start: week 0\n",
    )
    stop = line_of(text, "    action: stop\n") + 1
    restart = line_of(text, "    action: resume\n    start: week 0") + 1
    assert variant_messages(tmp_path, text) == [
        f"{F}:{stop}:12: treatment[2].start: this mometasone step and the previous one "
        "(treatment[1]) are both at week 0, so the times do not say which came first (give "
        "each step the time the source gives, or write 'start: not stated' on the later one if "
        "the source gives only the order)",
        f"{F}:{restart}:12: treatment[3].start: this mometasone step restarts the drug at "
        "week 0, the time it was stopped (treatment[2]) (give the restart the time the source "
        "gives, or write 'start: not stated' if it does not say when; the steps then keep "
        "their list order)",
    ]


def test_a_stop_before_its_drug_started(tmp_path: Path) -> None:
    text = with_steps(
        "    action: start\n    start: week 2\n", "    action: stop\n    start: week 1\n"
    )
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, 'start: week 1')}:12: treatment[2].start: this mometasone step "
        "stops the drug at week 1, before the previous mometasone step (treatment[1]) began at "
        "week 2 (correct one of the two times, or write 'start: not stated' if the source does "
        "not say when the drug was stopped)"
    ]


def test_a_restart_after_a_stop_needs_a_start(tmp_path: Path) -> None:
    text = with_steps(
        "    action: start\n    start: week 2\n    duration: 2 weeks\n",
        "    action: stop\n    start: week 4\n",
        "    action: start\n    reason: Relapse\n",
    )
    line = line_of(text, "    action: start\n    reason: Relapse") - 2
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:5: treatment[3]: this step restarts mometasone after the previous "
        "mometasone step (treatment[2]) stopped it, so it needs a start (add the start the "
        "source gives, e.g. 'start: week 8', or 'start: not stated' if it does not say when "
        "the drug was restarted)"
    ]


def test_a_restart_whose_time_is_not_stated_is_accepted(tmp_path: Path) -> None:
    text = with_steps(
        "    action: start\n    start: week 2\n    duration: 2 weeks\n",
        "    action: stop\n    start: week 4\n",
        "    action: start\n    start: not stated\n",
    )
    assert variant_messages(tmp_path, text) == []


def test_a_step_after_a_single_dose_needs_a_start(tmp_path: Path) -> None:
    text = with_steps(
        "    action: start\n    start: week 2\n    duration: single dose\n",
        "    action: start\n    reason: Second dose\n",
    )
    line = line_of(text, "    action: start\n    reason: Second dose") - 2
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:5: treatment[2]: cannot place this step on the timeline: the previous "
        "mometasone step (treatment[1]) is a single dose (give this step a start, e.g. "
        "'start: week 8', or the previous step a duration; if the source does not say, write "
        "'start: not stated' here or 'duration: not stated' on the previous step)"
    ]


def test_a_start_in_the_wrong_form_names_not_stated(tmp_path: Path) -> None:
    text = replace_once(example_text(), "    start: week 0\n", "    start: at once\n")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, 'start: at once')}:12: treatment[0].start: 'at once' is not a "
        "start: write a time relative to the start of treatment, e.g. 'week 4' or 'month 3', "
        "a date as YYYY-MM-DD, or 'not stated' when the source does not say"
    ]


def test_a_duration_in_the_wrong_form_names_single_dose_and_not_stated(tmp_path: Path) -> None:
    text = replace_once(example_text(), FIRST_STEP, FIRST_STEP.replace("4 weeks", "once"))
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, 'duration: once')}:15: treatment[0].duration: 'once' is not a "
        "duration: write a number and a unit, e.g. '4 weeks' or 'about 2 months', 'single "
        "dose' for a drug given once, or 'not stated' when the source does not say"
    ]


def test_an_outcome_timed_from_a_drug_the_course_lacks(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        "  follow_up: 2 months\n",
        "  follow_up: 2 months\n  time_point: {after: 8 weeks, since: ustekinumab}\n",
    )
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, 'since: ustekinumab')}:39: outcome.time_point.since: no "
        "treatment step gives ustekinumab (name a drug of the treatment course: baricitinib)"
    ]
