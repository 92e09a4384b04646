"""Read the site settings (extra.casebook) from mkdocs.yml without MkDocs, for the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from casebook.load import read_settings
from casebook.models import SiteSettings

MKDOCS_YML = "mkdocs.yml"


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !!python/name for extensions; they are not ours."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("", _ignore_tag)


def site_settings(root: Path) -> SiteSettings:
    """The settings in `root`/mkdocs.yml, or the defaults when there is no such file."""
    path = root / MKDOCS_YML
    if not path.is_file():
        return SiteSettings()
    config: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    extra = config.get("extra") if isinstance(config, dict) else None
    raw = extra.get("casebook") if isinstance(extra, dict) else None
    # MkDocs' own site_url is the base URL, as the hooks pass it: the head tags and the feed
    # of `casebook render` link to the same addresses as the MkDocs build's.
    site_url = config.get("site_url") if isinstance(config, dict) else None
    return read_settings(
        raw if isinstance(raw, dict) else {},
        site_url=site_url if isinstance(site_url, str) else None,
        source=path,
    )
