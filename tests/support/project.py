"""The repository the tests run in, and private copies of it for tests that edit the site."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE_PARTS = ("mkdocs.yml", "docs", "case_data", "build_hooks", "overrides", "schema")


def copy_project(target: Path) -> Path:
    """A private copy of the site sources, so a test may edit data, templates or core code."""
    target.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(
                source, target / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
            )
        elif source.exists():
            shutil.copy2(source, target / part)
    return target
