"""Everything one build publishes: Markdown pages and figure files, keyed by site path."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError

from casebook.article import Article
from casebook.chart_publish import publish_chart
from casebook.chart_specs import ChartView
from casebook.errors import CaseDataError, Diagnostic
from casebook.field_reference import field_reference_page
from casebook.image_publish import publish_image
from casebook.loading import load_cases
from casebook.render import render_care_page, render_case_page, render_home_page
from casebook.scholarly import scholarly_output, site_files
from casebook.settings import SiteSettings

IMAGE_CACHE = Path(".cache/casebook/images")
CHART_CACHE = Path(".cache/casebook/charts")


@dataclass
class SiteOutput:
    pages: dict[str, str] = field(default_factory=dict)
    """site path of a Markdown page -> its text."""
    assets: dict[str, bytes] = field(default_factory=dict)
    """site path of a published file -> its bytes."""
    articles: list[Article] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    heads: dict[str, str] = field(default_factory=dict)
    """site path of a Markdown page -> HTML for its <head> (scholarly metadata)."""
    site_head: str = ""
    """HTML for the <head> of every page (the feed link)."""


class SettingsError(Exception):
    """The site settings in mkdocs.yml are invalid; the message lists every problem."""


def read_settings(
    raw: Mapping[str, Any], *, display: str = "mkdocs.yml", site_url: str | None = None
) -> SiteSettings:
    """`site_url` (MkDocs' own setting) is the base URL unless extra.casebook names one."""
    data = dict(raw)
    if site_url:
        site_url = site_url if site_url.endswith("/") else f"{site_url}/"
        if data.setdefault("base_url", site_url) != site_url:
            raise SettingsError(
                f"{display}: extra.casebook.base_url: '{data['base_url']}' differs from "
                f"site_url '{site_url}' (leave base_url out; site_url is used)"
            )
    try:
        return SiteSettings.model_validate(data)
    except ValidationError as exc:
        lines = [
            f"{display}: extra.casebook.{'.'.join(map(str, e['loc']))}: {e['msg']}"
            for e in exc.errors(include_url=False)
        ]
        raise SettingsError("\n".join(lines)) from None


def build_site_output(
    project_root: Path, *, settings: SiteSettings, include_drafts: bool
) -> SiteOutput:
    """Load, validate and render every case; raise CaseDataError listing every problem."""
    result = load_cases(
        project_root / settings.case_dir, project_root=project_root, settings=settings
    )
    if result.errors:
        raise CaseDataError(result.diagnostics, files=result.files)
    articles = [a for a in result.articles if include_drafts or a.published]
    site = settings.model_dump()
    # A draft left out of the build must not fail a strict build with its warnings; its
    # errors still fail it, and `casebook check` reports both.
    left_out = {a.display for a in result.articles} - {a.display for a in articles}
    warnings = [d for d in result.diagnostics if d.file not in left_out]
    output = SiteOutput(articles=articles, warnings=warnings)
    output.pages["index.md"] = render_home_page(articles, site=site)
    output.pages["guide/fields.md"] = field_reference_page()
    cache_dir = project_root / IMAGE_CACHE
    records = []
    for article in articles:
        scholarly = scholarly_output(article, settings=settings)
        records.append(scholarly.record)
        output.pages[article.page_uri] = render_case_page(article, site=site, cite=scholarly.cite)
        output.heads[article.page_uri] = scholarly.head_html
        output.assets.update(scholarly.files)
        folder = PurePosixPath(article.page_uri).parent
        output.pages[(folder / "care.md").as_posix()] = render_care_page(
            article, site=site, profile=settings.journal_profile
        )
        for figure in article.figures:
            for panel in figure.panels:
                if panel.chart is not None:
                    continue
                published = publish_image(article.folder / panel.file, cache_dir=cache_dir)
                output.assets[(folder / panel.file).as_posix()] = published.data
        for chart in _charts(article):
            drawn = publish_chart(chart.spec, cache_dir=project_root / CHART_CACHE)
            output.assets[(folder / chart.file).as_posix()] = drawn.data
    feed_files, output.site_head = site_files(records, settings=settings)
    output.assets.update(feed_files)
    return output


def _charts(article: Article) -> list[ChartView]:
    panels = [p.chart for f in article.figures for p in f.panels if p.chart is not None]
    return [*article.clinical.charts, *panels]
