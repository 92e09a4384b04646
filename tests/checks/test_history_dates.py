"""Received, revised, accepted and published come in that order, each error at its date."""

from __future__ import annotations

from pathlib import Path

from ..support.cases import example_text, line_of, replace_once, variant_messages

F = "case_data/ppp-ad-baricitinib/case.yaml"


def with_dates(dates: str) -> str:
    return replace_once(example_text(), "  date: 2026-11-26\n", f"  date: 2026-11-26\n{dates}")


def test_dates_in_order_pass(tmp_path: Path) -> None:
    text = with_dates("  received: 2026-06-01\n  revised: 2026-09-01\n  accepted: 2026-09-01\n")
    assert variant_messages(tmp_path, text) == []


def test_each_date_before_an_earlier_step_is_named_at_its_line(tmp_path: Path) -> None:
    text = with_dates("  received: 2026-10-01\n  revised: 2026-09-01\n  accepted: 2026-12-01\n")
    hint = (
        "(the dates come in the order received, revised, accepted, then the publication date; "
        "check the year and month)"
    )
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, '  revised:')}:12: publication.revised: revised 2026-09-01 is "
        f"before received 2026-10-01 {hint}",
        f"{F}:{line_of(text, '  date: 2026-11-26')}:9: publication.date: published 2026-11-26 "
        f"is before accepted 2026-12-01 {hint}",
    ]
