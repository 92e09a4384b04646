"""What each case publishes, built once per change of its folder and otherwise read from cache."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from casebook.article import Article, CaseListing, case_listing
from casebook.assemble.cache_keys import CaseKeys, remembered_checks
from casebook.assemble.pdf_jobs import (
    PdfRef,
    can_publish,
    case_file,
    mark_used,
    store_job,
    typeset_job,
    unprintable_warning,
)
from casebook.clinical import ChartView
from casebook.errors import Diagnostic
from casebook.load import case_folders, load_case
from casebook.models import SiteSettings
from casebook.publish import (
    BuildCache,
    PdfInput,
    PdfJob,
    core_fingerprint,
    note_damaged,
    pdf_job,
    print_copy,
    publish_chart,
    publish_image,
    take_damaged,
    write_atomically,
)
from casebook.render import render_care_page, render_case_page
from casebook.scholarly import ScholarlyOutput, ScholarlyRecord, scholarly_output

IMAGES = "images"
"""Folder of re-encoded figures inside the build cache, named by the source's content hash."""
CHARTS = "charts"
"""Folder of drawn charts inside the build cache, named by a hash of their data."""
DOWNLOADS = "downloads"
"""Folder of generated downloads inside the build cache, named by a hash of their bytes."""
PREFILL_AT_LEAST = 20
"""Fewer cases to render than this are rendered in the build's process: starting another one
costs about half a second."""


@dataclass(frozen=True)
class CaseOutput:
    """Everything one case adds to the site; small, so reading it back is cheap."""

    listing: CaseListing
    pages: dict[str, str]
    """site path of a Markdown page -> its text."""
    images: dict[str, str]
    """site path of a figure -> name of its re-encoded file in the image cache."""
    charts: dict[str, str]
    """site path of a chart -> name of its drawn file in the chart cache."""
    downloads: dict[str, str]
    """site path of a generated download (citation files, JATS) -> name of the file holding it
    in the download cache: a thousand cases' downloads need not sit in memory."""
    heads: dict[str, str]
    """site path of a Markdown page -> HTML for its <head> (scholarly metadata)."""
    record: ScholarlyRecord
    """The one record every metadata output of the case is made from (the feed reads it)."""
    warnings: tuple[Diagnostic, ...] = ()
    digests: dict[str, str] = field(default_factory=dict)
    """"cache folder/file name" -> SHA-256 of the bytes this output publishes from there: a
    reused output is published only while its files still hold exactly those bytes."""
    pdf: PdfRef | None = None
    """The case's PDF, typeset into the build cache now or later (casebook.assemble.pdf_jobs)."""
    print_images: dict[str, str] = field(default_factory=dict)
    """site path of a figure larger than the PDF prints it -> name of the copy its PDF shows,
    in the image cache (casebook.publish.print_copies); not published on the site."""
    entries: tuple[str, ...] = ()
    """Other build-cache entries the output was made with (the figure checks' verdicts), by
    their path in the cache: they stay in use as long as the output does (cache pruning)."""

    def cached_files(self) -> tuple[tuple[str, dict[str, str]], ...]:
        """(cache folder, site path -> file name there) for each kind of file the case
        publishes from the build cache."""
        return ((IMAGES, self.images), (CHARTS, self.charts), (DOWNLOADS, self.downloads))

    def kept_files(self) -> tuple[tuple[str, dict[str, str]], ...]:
        """The cached files as `cached_files`, and the ones the case's PDF is typeset from: a
        reused output needs them all intact, and in use (cache pruning)."""
        return (*self.cached_files(), (IMAGES, self.print_images))


@dataclass
class CasesResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    reused: int = 0
    """How many cases came from the cache unchanged."""
    repaired: int = 0
    """How many damaged cache entries were found, and made again."""
    broken: dict[str, list[Diagnostic]] = field(default_factory=dict)
    """case folder name -> every problem of a case that has errors, warnings included."""

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


def render_case_output(
    article: Article,
    *,
    settings: SiteSettings,
    cache_root: Path,
    warnings: tuple[Diagnostic, ...] = (),
    defer_pdf: bool = False,
) -> CaseOutput:
    """Render the pages and publish the figures, charts and downloads of one valid case.
    `defer_pdf`: leave its PDF's job in the cache for a background typesetter, if it can."""
    folder = PurePosixPath(article.page_uri).parent
    scholarly = scholarly_output(article, settings=settings)
    care_page = render_care_page(article, site=settings, profile=settings.journal_profile)
    images: dict[str, str] = {}
    print_images: dict[str, str] = {}
    digests: dict[str, str] = {}
    pdf_path = scholarly.record.pdf_path if scholarly.cite is not None else None
    for figure in article.figures:
        for panel in figure.panels:
            if panel.chart is None and panel.file is not None:
                published = publish_image(
                    article.folder / panel.file, cache_dir=cache_root / IMAGES
                )
                uri = (folder / panel.file).as_posix()
                images[uri] = published.file.name
                digests[f"{IMAGES}/{published.file.name}"] = _sha256(published.data)
                copy = print_copy(published) if pdf_path else None
                if copy is not None:
                    print_images[uri] = copy.file.name
                    digests[f"{IMAGES}/{copy.file.name}"] = copy.sha256
    charts: dict[str, str] = {}
    for chart in _charts(article):
        drawn = publish_chart(chart.spec, cache_dir=cache_root / CHARTS)
        charts[(folder / chart.file).as_posix()] = f"{drawn.key}.svg"
        digests[f"{CHARTS}/{drawn.key}.svg"] = _sha256(drawn.data)
    if scholarly.files:
        # The JATS package points at a PNG copy of each figure's chart: PMC takes no SVG.
        for chart in _figure_charts(article):
            png = publish_chart(chart.spec, cache_dir=cache_root / CHARTS, format="png")
            charts[(folder / chart.file).with_suffix(".png").as_posix()] = f"{png.key}.png"
            digests[f"{CHARTS}/{png.key}.png"] = _sha256(png.data)
    page = render_case_page(article, site=settings, cite=scholarly.cite)
    pdf: PdfRef | None = None
    if pdf_path:
        # Site path of a published figure or chart -> its file, as the Typst root sees it.
        sources = {uri: f"/{IMAGES}/{print_images.get(uri, name)}" for uri, name in images.items()}
        sources.update({uri: f"/{CHARTS}/{name}" for uri, name in charts.items()})
        job = _pdf_job(article, page=page, scholarly=scholarly, settings=settings, sources=sources)
        cache = BuildCache.shared(cache_root)
        stored = store_job(cache, job)
        pdf = PdfRef(
            site_path=pdf_path,
            key=stored.key,
            case_file=case_file(settings.case_dir, article.id),
        )
        # Typeset later only what cannot warn: a warning belongs with the case's output.
        if not defer_pdf or not stored.can_wait:
            typeset = typeset_job(cache, pdf.key, job=job)
            if typeset.unprintable:
                warnings = (*warnings, unprintable_warning(pdf.case_file, typeset.unprintable))
    downloads = {
        uri: _store_download(data, cache_dir=cache_root / DOWNLOADS)
        for uri, data in scholarly.files.items()
    }
    digests.update({f"{DOWNLOADS}/{name}": name for name in downloads.values()})
    return CaseOutput(
        listing=case_listing(article),
        pages={
            article.page_uri: page,
            (folder / "care.md").as_posix(): care_page,
        },
        images=images,
        charts=charts,
        downloads=downloads,
        heads={article.page_uri: scholarly.head_html},
        record=scholarly.record,
        warnings=warnings,
        digests=digests,
        pdf=pdf,
        print_images=print_images,
    )


def _pdf_job(
    article: Article,
    *,
    page: str,
    scholarly: ScholarlyOutput,
    settings: SiteSettings,
    sources: dict[str, str],
) -> PdfJob:
    """What the case's PDF is typeset from: its page, and its figures and charts as the build
    cache holds them."""
    assert scholarly.cite is not None
    return pdf_job(
        PdfInput(
            record=scholarly.record,
            page_markdown=page,
            citation_html=str(scholarly.cite.formatted),
            kind="Letter" if article.case.publication.article_type == "letter" else article.kind,
            paper=settings.pdf_paper,
        ),
        page_folder=PurePosixPath(article.page_uri).parent.as_posix(),
        files=sources,
    )


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _store_download(data: bytes, *, cache_dir: Path) -> str:
    """Keep `data` under the name of its hash; an entry of that name is kept only if it holds
    exactly these bytes (same size is not enough: one changed byte would be published)."""
    name = _sha256(data)
    path = cache_dir / name
    with contextlib.suppress(OSError):
        if path.read_bytes() == data:
            return name
        note_damaged(path)
    write_atomically(path, data)
    return name


def _charts(article: Article) -> list[ChartView]:
    return [*article.charts, *_figure_charts(article)]


def _figure_charts(article: Article) -> list[ChartView]:
    return [p.chart for f in article.figures for p in f.panels if p.chart is not None]


def build_case_outputs(
    case_root: Path,
    *,
    project_root: Path,
    settings: SiteSettings,
    cache: BuildCache,
    consume: Callable[[CaseOutput], None],
    changed: Collection[str] | None = None,
    only: Collection[str] | None = None,
    prefill: Callable[[list[str]], object] | None = None,
    render_all: bool = False,
    defer_pdfs: bool = False,
) -> CasesResult:
    """Hand every case's output to `consume`, one at a time, reusing the cached one when
    nothing it depends on changed; every error of every case is collected. One at a time: a
    thousand cases' outputs held at once added a third to a build's peak memory.

    `changed`: names of the case folders that may have changed since the previous build in
    this process, as a file watcher saw them; None when that is not known. The other folders
    keep the key their contents had then, instead of being read again. `only`: the names of
    the folders to build, if not all. `prefill`: called with the names of the folders whose
    output is not cached, when there are at least PREFILL_AT_LEAST of them, to fill the cache
    in another process (see casebook.assemble.prefill); whatever it leaves out is built here.
    `render_all`: render the valid cases even once another case has errors (a preview shows
    those cases, and an error page for the others). `defer_pdfs`: leave the PDFs that can
    wait to a background typesetter (see render_case_output).
    """
    fingerprint = core_fingerprint()
    checked: list[str] = []
    remembered = remembered_checks(cache, fingerprint=fingerprint, used=checked)
    keys = CaseKeys.for_build(
        case_root, project_root=project_root, settings=settings, fingerprint=fingerprint
    )
    result = CasesResult()
    planned = [
        (folder, keys.remembered_key(cache, folder, changed=changed), keys.entry(folder))
        for folder in case_folders(case_root)
        if only is None or folder.name in only
    ]
    if prefill is not None:
        missing = [
            folder.name
            for folder, key, name in planned
            if key is None or not cache.holds("cases", name, key=key)
        ]
        if len(missing) >= PREFILL_AT_LEAST:
            cache.save()  # the other process starts from the digests read so far
            prefill(missing)
    present = _CachedFiles(cache)
    for folder, key, name in planned:
        result.files += 1
        cached = cache.get("cases", name, key=key, type_=CaseOutput) if key else None
        if cached is not None and present.hold(cached) and _pdf_available(cache, cached):
            _mark_used(cache, cached)
            consume(cached)
            result.diagnostics.extend(cached.warnings)
            result.reused += 1
            continue
        checked.clear()
        article, diagnostics = load_case(
            folder, project_root=project_root, settings=settings, remembered=remembered
        )
        result.diagnostics.extend(diagnostics)
        if article is None:
            result.broken[folder.name] = diagnostics
            continue
        if result.errors and not render_all:
            continue  # the build fails anyway; keep checking the other cases, skip rendering
        output = render_case_output(
            article,
            settings=settings,
            cache_root=cache.root,
            warnings=tuple(diagnostics),
            defer_pdf=defer_pdfs,
        )
        output = dataclasses.replace(output, entries=tuple(dict.fromkeys(checked)))
        _mark_used(cache, output)
        consume(output)
        # A folder saved again while it was being read must not be remembered as this output.
        if key is not None and key == keys.key(cache, folder):
            cache.put("cases", name, output, key=key)
    cache.save()
    result.repaired = len(set(take_damaged()))
    return result


def _mark_used(cache: BuildCache, output: CaseOutput) -> None:
    """Record that this build uses the cache files and entries `output` was made with."""
    for folder, names in output.kept_files():
        for name in names.values():
            cache.uses.mark(f"{folder}/{name}")
    for entry in output.entries:
        cache.uses.mark(entry)
    if output.pdf is not None:
        mark_used(cache, output.pdf.key)


def _pdf_available(cache: BuildCache, output: CaseOutput) -> bool:
    return output.pdf is None or can_publish(cache, output.pdf.key)


class _CachedFiles:
    """Whether the figure, chart and download files a cached output publishes are still in the
    cache with the bytes they had: deleting or damaging part of the cache must never leave
    pages pointing at nothing, or at other bytes. Folders are listed once per build (checking
    thousands of files one by one took a twentieth of a second of every preview rebuild); the
    contents' hashes are remembered by the files' full stat, as the case folders' are."""

    def __init__(self, cache: BuildCache) -> None:
        self._cache = cache
        self._names: dict[str, set[str]] = {}

    def hold(self, output: CaseOutput) -> bool:
        for folder, names in output.kept_files():
            if not self._listed(folder).issuperset(names.values()):
                return False
            for name in names.values():
                path = self._cache.root / folder / name
                try:
                    intact = self._cache.file_digest(path) == output.digests.get(f"{folder}/{name}")
                except OSError:
                    intact = False
                if not intact:
                    note_damaged(path)
                    return False
        return True

    def _listed(self, folder: str) -> set[str]:
        if folder not in self._names:
            try:
                with os.scandir(self._cache.root / folder) as entries:
                    self._names[folder] = {e.name for e in entries if e.is_file()}
            except OSError:
                self._names[folder] = set()
        return self._names[folder]
