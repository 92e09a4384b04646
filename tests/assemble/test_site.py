"""The site takes what it needs from each case's output as it comes: pages, files, feed."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

from casebook.article.listing import CaseListing
from casebook.assemble.case_output import CaseOutput
from casebook.assemble.site import SiteCollector
from casebook.scholarly.record import build_record

from ..support.scholarly_cases import SETTINGS, example_article


def case(case_id: str, day: int | None, *, published: bool = True) -> CaseOutput:
    record = build_record(example_article(), settings=SETTINGS)
    date = datetime.date(2026, 3, day) if day else None
    record = dataclasses.replace(record, case_id=case_id, date=date)
    listing = CaseListing(
        id=case_id,
        title=case_id,
        page_uri=f"cases/{case_id}/index.md",
        diagnoses=(),
        main_treatment=None,
        date=date.isoformat() if date else None,
        published=published,
        tags=(),
    )
    return CaseOutput(
        listing=listing,
        pages={listing.page_uri: f"# {case_id}"},
        images={f"cases/{case_id}/figures/a.jpg": "abc-encoder"},
        charts={},
        downloads={f"cases/{case_id}/{case_id}.bib": "def"},
        heads={listing.page_uri: "<meta>"},
        record=record,
    )


def test_feed_keeps_the_newest_cases_whatever_their_order(tmp_path: Path) -> None:
    collector = SiteCollector(tmp_path, include_drafts=False, feed_size=3)
    for case_id, day in [("b", 5), ("a", 9), ("c", 1), ("e", 9), ("d", 7), ("f", None)]:
        collector.add(case(case_id, day))
    kept = sorted(collector.newest, key=lambda e: e[:2], reverse=True)
    assert [e[1] for e in kept] == ["e", "a", "d"]
    assert len(collector.output.cases) == 6


def test_drafts_are_left_out_of_a_published_build(tmp_path: Path) -> None:
    collector = SiteCollector(tmp_path, include_drafts=False, feed_size=50)
    collector.add(case("draft", 3, published=False))
    collector.add(case("done", 4))
    output = collector.output
    assert [c.id for c in output.cases] == ["done"]
    assert list(output.pages) == ["cases/done/index.md"]
    assert output.asset_files == {
        "cases/done/figures/a.jpg": f"{tmp_path}/images/abc-encoder",
        "cases/done/done.bib": f"{tmp_path}/downloads/def",
    }
    assert [e[1] for e in collector.newest] == ["done"]
    preview = SiteCollector(tmp_path, include_drafts=True, feed_size=50)
    preview.add(case("draft", 3, published=False))
    assert [c.id for c in preview.output.cases] == ["draft"]
