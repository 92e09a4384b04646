"""Everything one build publishes: Markdown pages and figure files, keyed by site path."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from casebook.build_cache import CACHE_DIR, BuildCache
from casebook.case_output import IMAGES, CaseListing, build_case_outputs
from casebook.errors import CaseDataError, Diagnostic
from casebook.render import render_home_pages
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
    reused: int = 0
    """How many cases were taken from the build cache unchanged."""


class SettingsError(Exception):
    """The site settings in mkdocs.yml are invalid; the message lists every problem."""


def read_settings(raw: Mapping[str, Any], *, display: str = "mkdocs.yml") -> SiteSettings:
    try:
        return SiteSettings.model_validate(dict(raw))
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
        project_root / settings.case_dir, project_root=project_root, site=site, cache=cache
    )
    if result.errors:
        raise CaseDataError(result.diagnostics, files=result.files)
    cases = [c for c in result.outputs if include_drafts or c.listing.published]
    output = SiteOutput(
        cases=[c.listing for c in cases], warnings=result.diagnostics, reused=result.reused
    )
    output.pages.update(render_home_pages(output.cases, site=site))
    images = os.fspath(cache.root / IMAGES)
    for case in cases:
        output.pages.update(case.pages)
        output.asset_files.update({uri: f"{images}/{name}" for uri, name in case.images.items()})
    return output
