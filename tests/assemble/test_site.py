"""The site takes what it needs from each case's output as it comes: pages, files, feed."""

from __future__ import annotations

import dataclasses
import datetime
import shutil
from pathlib import Path

import pytest
from casebook.article.listing import CaseListing
from casebook.assemble.case_output import CaseOutput
from casebook.assemble.site import SiteCollector, SiteOutput, build_site_output
from casebook.errors import CaseDataError
from casebook.models.settings import SiteSettings
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


def _two_more_cases(project: Path) -> None:
    """Beside the example: a draft copy of it, and a case whose file has an unknown key."""
    example = project / "case_data" / "ppp-ad-baricitinib"
    draft = project / "case_data" / "draft-copy"
    shutil.copytree(example, draft)
    text = (draft / "case.yaml").read_text(encoding="utf-8")
    (draft / "case.yaml").write_text(text.replace("status: published", "status: draft"))
    shutil.copytree(example, project / "case_data" / "broken-case")
    _break_case(project)


def _break_case(project: Path) -> None:
    example = project / "case_data" / "ppp-ad-baricitinib"
    text = (example / "case.yaml").read_text(encoding="utf-8")
    (project / "case_data" / "broken-case" / "case.yaml").write_text(
        text.replace("publication:\n", "publication:\n  colour: x\n")
    )


def test_a_build_fails_on_a_case_with_errors(project_copy: Path) -> None:
    _two_more_cases(project_copy)
    with pytest.raises(CaseDataError) as raised:
        build_site_output(project_copy, settings=SiteSettings(), include_drafts=False)
    # The hint's count of keys is tested with the schema errors.
    [only] = [d.format() for d in raised.value.diagnostics]
    assert only.startswith(
        "case_data/broken-case/case.yaml:8:3: publication.colour: unknown key 'colour' (there are "
    )
    assert only.endswith(" keys here: docs/guide/fields.md lists them under 'Publication')")


def test_a_preview_shows_a_case_with_errors_as_a_page_and_builds_the_others(
    project_copy: Path,
) -> None:
    _two_more_cases(project_copy)
    output = build_site_output(
        project_copy, settings=SiteSettings(), include_drafts=True, show_errors=True
    )
    assert sorted(c.id for c in output.cases) == ["draft-copy", "ppp-ad-baricitinib"]
    assert [(c.case_id, c.counted) for c in output.broken] == [("broken-case", "1 error")]
    page = output.pages["cases/broken-case/index.md"]
    assert "case_data/broken-case/case.yaml:8:3: publication.colour: unknown key" in page
    assert "[broken\\-case](cases/broken-case/index.md): 1 error" in output.pages["index.md"]
    assert "cases/draft-copy/index.md" in output.pages


def test_the_build_log_counts_every_case_folder_once(project_copy: Path) -> None:
    _two_more_cases(project_copy)
    (project_copy / "case_data" / "broken-case" / "case.yaml").unlink()
    output = build_site_output(project_copy, settings=SiteSettings(), include_drafts=False)
    assert output.summary(1.234) == (
        "Casebook: built 1 case in 1.23 seconds "
        "(1 draft left out; 0 of 2 case folders unchanged, from the build cache)"
    )
    again = build_site_output(project_copy, settings=SiteSettings(), include_drafts=False)
    assert again.summary(0.5) == (
        "Casebook: built 1 case in 0.50 seconds "
        "(1 draft left out; 2 of 2 case folders unchanged, from the build cache)"
    )
    _break_case(project_copy)
    preview = build_site_output(
        project_copy, settings=SiteSettings(), include_drafts=True, show_errors=True
    )
    assert preview.summary(0.1) == (
        "Casebook: built 2 cases in 0.10 seconds "
        "(1 with errors, shown as error pages; 2 of 3 case folders unchanged, "
        "from the build cache)"
    )


def test_the_build_log_says_how_many_unused_cache_entries_went() -> None:
    one = SiteOutput(folders=1, reused=1, pruned=1)
    assert one.summary(0.5) == (
        "Casebook: built 0 cases in 0.50 seconds "
        "(1 of 1 case folder unchanged, from the build cache; 1 unused cache entry removed)"
    )
    many = SiteOutput(folders=2, repaired=1, pruned=12)
    assert many.summary(0.5) == (
        "Casebook: built 0 cases in 0.50 seconds (0 of 2 case folders unchanged, from the "
        "build cache; 1 damaged cache entry found and made again; 12 unused cache entries removed)"
    )
