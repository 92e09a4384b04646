from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable

from casebook.scholarly.feed import atom_feed
from casebook.scholarly.record import build_record
from lxml import etree

from ..support.golden_cases import GOLDEN_CASES, golden_record
from ..support.scholarly_cases import SETTINGS, example_article

ATOM = "{http://www.w3.org/2005/Atom}"


def test_feed_of_both_golden_cases_matches_golden(golden: Callable[[str, str], None]) -> None:
    feed = atom_feed([golden_record(c) for c in GOLDEN_CASES], settings=SETTINGS)
    assert feed is not None
    golden("feed.xml", feed)


def test_feed_lists_published_cases_newest_first() -> None:
    record = build_record(example_article(), settings=SETTINGS)
    older = dataclasses.replace(
        record, case_id="older", title="An older case", date=datetime.date(2025, 1, 2)
    )
    draft = dataclasses.replace(record, case_id="draft", date=None)
    xml = atom_feed([older, draft, record], settings=SETTINGS)
    assert xml is not None
    feed = etree.fromstring(xml.encode("utf-8"))
    assert feed.findtext(f"{ATOM}title") == "Casebook Example Collection"
    assert feed.findtext(f"{ATOM}updated") == "2026-11-26T00:00:00Z"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == (
        "https://example.org/casebook/feed.xml"
    )
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [record.title, "An older case"]
    first = entries[0]
    assert first.findtext(f"{ATOM}id") == "https://example.org/casebook/cases/ppp-ad-baricitinib/"
    assert first.findtext(f"{ATOM}published") == "2026-11-26T00:00:00Z"
    assert first.findtext(f"{ATOM}author/{ATOM}name") == "Casebook example editors"
    assert first.findtext(f"{ATOM}summary") == record.description
    assert [c.get("term") for c in first.iterfind(f"{ATOM}category")] == list(record.keywords)


def test_no_feed_without_a_public_address() -> None:
    settings = SETTINGS.model_copy(update={"base_url": None})
    record = build_record(example_article(), settings=settings)
    assert atom_feed([record], settings=settings) is None


def test_feed_holds_only_the_newest_cases() -> None:
    record = build_record(example_article(), settings=SETTINGS)
    records = [
        dataclasses.replace(
            record, case_id=f"case-{day}", title=f"Case {day}", date=datetime.date(2026, 1, day)
        )
        for day in range(1, 29)
    ]
    settings = SETTINGS.model_copy(update={"feed_entries": 3})
    xml = atom_feed(records, settings=settings)
    assert xml is not None
    feed = etree.fromstring(xml.encode("utf-8"))
    titles = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
    assert titles == ["Case 28", "Case 27", "Case 26"]
    assert feed.findtext(f"{ATOM}updated") == "2026-01-28T00:00:00Z"
