"""Everything one build publishes: Markdown pages and figure files, keyed by site path."""

from __future__ import annotations

import heapq
import os
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from casebook.article import CaseListing
from casebook.assemble.case_output import CaseOutput, CasesResult, build_case_outputs
from casebook.assemble.prefill import prefill_in_child
from casebook.assemble.site_address import check_site_address
from casebook.assemble.typesetting import Typesetting
from casebook.errors import CaseDataError, Diagnostic
from casebook.models import SiteSettings
from casebook.publish import CACHE_DIR, BuildCache, prune_cache
from casebook.render import CaseErrors, error_pages, render_home_pages
from casebook.scholarly import ScholarlyRecord, site_files


@dataclass
class SiteOutput:
    pages: dict[str, str] = field(default_factory=dict)
    """site path of a Markdown page -> its text."""
    assets: dict[str, bytes] = field(default_factory=dict)
    """site path of a published file -> its bytes."""
    asset_files: dict[str, str] = field(default_factory=dict)
    """site path of a published file -> path of the file on disk holding it (figures, charts
    and downloads, from the cache), so a thousand cases' files need not sit in memory."""
    cases: list[CaseListing] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    heads: dict[str, str] = field(default_factory=dict)
    """site path of a Markdown page -> HTML for its <head> (scholarly metadata)."""
    site_head: str = ""
    """HTML for the <head> of every page (the feed link)."""
    reused: int = 0
    """How many cases were taken from the build cache unchanged."""
    repaired: int = 0
    """How many damaged build cache entries were found and made again."""
    broken: list[CaseErrors] = field(default_factory=list)
    """Cases with errors, each published as a page listing them (previews only)."""
    folders: int = 0
    """How many case folders were read."""
    left_out: int = 0
    """Draft cases a build leaves out of the site."""
    pruned: int = 0
    """How many build cache entries were removed that no recent build used."""
    pdfs: Typesetting = field(default_factory=Typesetting)
    """The cases' PDFs, which may still be being typeset: published last, once `finish`ed
    (a case page links its PDF by its site path, known already)."""

    def summary(self, seconds: float) -> str:
        """The build log's line about the cases: what was built, what was not, and how much
        came from the cache, each counted over the same case folders."""
        built = f"{len(self.cases)} case{'' if len(self.cases) == 1 else 's'}"
        notes = []
        if self.left_out:
            notes.append(f"{self.left_out} draft{'' if self.left_out == 1 else 's'} left out")
        if self.broken:
            notes.append(f"{len(self.broken)} with errors, shown as error pages")
        folders = f"{self.folders} case folder{'' if self.folders == 1 else 's'}"
        notes.append(f"{self.reused} of {folders} unchanged, from the build cache")
        if self.repaired:
            # Said once, not per entry: what is published was made again and is correct.
            entries = f"{self.repaired} damaged cache entr{'y' if self.repaired == 1 else 'ies'}"
            notes.append(f"{entries} found and made again")
        if self.pruned:
            unused = f"{self.pruned} unused cache entr{'y' if self.pruned == 1 else 'ies'}"
            notes.append(f"{unused} removed")
        return f"Casebook: built {built} in {seconds:.2f} seconds ({'; '.join(notes)})"


def build_site_output(
    project_root: Path,
    *,
    settings: SiteSettings,
    include_drafts: bool,
    rebuilds: bool = False,
    changed: Collection[str] | None = None,
    show_errors: bool = False,
    settings_file: Path | None = None,
) -> SiteOutput:
    """Load, validate and render every case; raise CaseDataError listing every problem.

    `rebuilds`: this process will build again (a preview server), so cached case output is
    kept in memory between builds. `changed`: the case folders a file watcher saw change
    since the previous build, or None (see build_case_outputs). `show_errors`: a preview,
    where a case with errors becomes a page listing them (and a notice on the home page)
    instead of failing the build; the other cases are built as usual. `settings_file`: the
    mkdocs.yml the settings came from, where a published site's example address is placed
    (see check_site_address; a preview, at its own local address, is not checked).
    """
    cache = BuildCache.shared(project_root / CACHE_DIR)
    cache.remember_values = rebuilds
    # A preview's rebuilds count as one build with its first: a day of saves must not age
    # the entries of every case that was not edited.
    first = cache.uses.begin_build()
    collected = SiteCollector(
        cache.root, include_drafts=include_drafts, feed_size=settings.feed_entries
    )
    typesetting = collected.output.pdfs = Typesetting(cache)

    def prefill(folders: list[str]) -> None:
        # The PDFs the children left are typeset while this process goes on.
        typesetting.start(prefill_in_child(project_root, settings=settings, folders=folders))

    try:
        result = build_case_outputs(
            project_root / settings.case_dir,
            project_root=project_root,
            settings=settings,
            cache=cache,
            consume=collected.add,
            changed=changed,
            prefill=prefill,
            render_all=show_errors,
        )
        return _site_output(
            settings,
            cache=cache,
            first=first,
            collected=collected,
            result=result,
            show_errors=show_errors,
            settings_file=settings_file,
        )
    except BaseException:
        typesetting.abandon()  # a build that fails here publishes nothing
        raise


def _site_output(
    settings: SiteSettings,
    *,
    cache: BuildCache,
    first: bool,
    collected: SiteCollector,
    result: CasesResult,
    show_errors: bool,
    settings_file: Path | None,
) -> SiteOutput:
    # After the cases, which mark what they use; what the rest of the build uses (sanitised
    # pages, image verdicts) was used by the previous build too, or is made again.
    pruned = prune_cache(cache, keep_builds=settings.cache_keep_builds) if first else None
    if result.errors and not show_errors:
        raise CaseDataError(result.diagnostics, files=result.files)
    output = collected.output
    if not show_errors:
        published = [case.id for case in output.cases if case.published]
        check_site_address(settings, published=published, settings_file=settings_file)
    output.reused = result.reused
    output.pruned = pruned.entries if pruned is not None else 0
    output.repaired = result.repaired
    output.folders = result.files
    output.broken = [CaseErrors(name, tuple(found)) for name, found in result.broken.items()]
    output.pages.update(error_pages(output.broken, site=settings))
    site_pages = render_home_pages(output.cases, site=settings, broken=output.broken)
    output.pages = {**site_pages, **output.pages}
    newest = [entry[2] for entry in sorted(collected.newest, key=lambda e: e[:2], reverse=True)]
    feed_files, output.site_head = site_files(newest, settings=settings)
    output.assets.update(feed_files)
    return output


class SiteCollector:
    """Takes what the site needs from each case's output as it comes, and lets the rest go."""

    def __init__(self, cache_root: Path, *, include_drafts: bool, feed_size: int) -> None:
        self.output = SiteOutput()
        self.newest: list[tuple[str, str, ScholarlyRecord]] = []
        self._include_drafts = include_drafts
        self._feed_size = feed_size
        self._cache_root = os.fspath(cache_root)

    def add(self, case: CaseOutput) -> None:
        # A draft left out of the build must not fail a strict build with its warnings; its
        # errors still fail it, and `casebook check` reports both.
        if not (self._include_drafts or case.listing.published):
            self.output.left_out += 1
            return
        output = self.output
        output.cases.append(case.listing)
        output.warnings.extend(case.warnings)
        output.pages.update(case.pages)
        output.heads.update(case.heads)
        if case.pdf is not None:
            output.pdfs.pdfs.append(case.pdf)
        for folder, names in case.cached_files():
            path = f"{self._cache_root}/{folder}"
            output.asset_files.update({uri: f"{path}/{name}" for uri, name in names.items()})
        # Only the newest cases reach the feed; the order is the feed's own (date, then id).
        date = case.record.date.isoformat() if case.record.date else ""
        entry = (date, case.record.case_id, case.record)
        if len(self.newest) < self._feed_size:
            heapq.heappush(self.newest, entry)
        elif entry[:2] > self.newest[0][:2]:
            heapq.heapreplace(self.newest, entry)
