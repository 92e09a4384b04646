"""Everything one build publishes: Markdown pages and figure files, keyed by site path."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from casebook.build_cache import CACHE_DIR, BuildCache
from casebook.case_output import CHARTS, IMAGES, CaseListing, build_case_outputs
from casebook.errors import CaseDataError, Diagnostic
from casebook.field_reference import field_reference_page
from casebook.render import render_home_pages
from casebook.scholarly import site_files
from casebook.settings import SiteSettings


@dataclass
class SiteOutput:
    pages: dict[str, str] = field(default_factory=dict)
    """site path of a Markdown page -> its text."""
    assets: dict[str, bytes] = field(default_factory=dict)
    """site path of a published file -> its bytes."""
    asset_files: dict[str, str] = field(default_factory=dict)
    """site path of a published file -> path of the file on disk holding it (figures, from the
    cache), so a thousand cases' images need not sit in memory."""
    cases: list[CaseListing] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    heads: dict[str, str] = field(default_factory=dict)
    """site path of a Markdown page -> HTML for its <head> (scholarly metadata)."""
    site_head: str = ""
    """HTML for the <head> of every page (the feed link)."""
    reused: int = 0
    """How many cases were taken from the build cache unchanged."""


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
    site = settings.model_dump()
    cache = BuildCache.shared(project_root / CACHE_DIR)
    result = build_case_outputs(
        project_root / settings.case_dir, project_root=project_root, settings=settings, cache=cache
    )
    if result.errors:
        raise CaseDataError(result.diagnostics, files=result.files)
    cases = [c for c in result.outputs if include_drafts or c.listing.published]
    # A draft left out of the build must not fail a strict build with its warnings; its
    # errors still fail it, and `casebook check` reports both.
    output = SiteOutput(
        cases=[c.listing for c in cases],
        warnings=[w for c in cases for w in c.warnings],
        reused=result.reused,
    )
    output.pages.update(render_home_pages(output.cases, site=site))
    output.pages["guide/fields.md"] = field_reference_page()
    images, charts = os.fspath(cache.root / IMAGES), os.fspath(cache.root / CHARTS)
    for case in cases:
        output.pages.update(case.pages)
        output.heads.update(case.heads)
        output.assets.update(case.files)
        output.asset_files.update({uri: f"{images}/{name}" for uri, name in case.images.items()})
        output.asset_files.update({uri: f"{charts}/{name}" for uri, name in case.charts.items()})
    feed_files, output.site_head = site_files([c.record for c in cases], settings=settings)
    output.assets.update(feed_files)
    return output
