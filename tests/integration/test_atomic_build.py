"""A failed build, by data error or by a strict warning, leaves the last good site untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..support.project import copy_project
from ..support.sites import build

pytestmark = pytest.mark.integration

CASE = Path("case_data/ppp-ad-baricitinib/case.yaml")


def good_site(tmp_path: Path) -> tuple[Path, Path, str]:
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    page = (site / "cases" / "ppp-ad-baricitinib" / "index.html").read_text(encoding="utf-8")
    return project, site, page


def leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}."))


def test_data_error_keeps_the_last_good_site(tmp_path: Path) -> None:
    project, site, page = good_site(tmp_path)
    case = project / CASE
    case.write_text(case.read_text(encoding="utf-8").replace("  sex: male", "  sex: mael"))
    assert build(project, site).returncode == 1
    assert (site / "cases" / "ppp-ad-baricitinib" / "index.html").read_text() == page
    assert leftovers(site) == []


def test_strict_warning_keeps_the_last_good_site(tmp_path: Path) -> None:
    project, site, page = good_site(tmp_path)
    # A broken link in a hand-written page is a warning, fatal under --strict.
    guide = project / "docs" / "guide" / "index.md"
    guide.write_text(guide.read_text() + "\n[broken](missing-page.md)\n")
    case = project / CASE
    case.write_text(case.read_text().replace("responding to baricitinib", "new title"))
    result = build(project, site)
    assert result.returncode == 1
    assert "missing-page.md" in result.stderr
    assert (site / "cases" / "ppp-ad-baricitinib" / "index.html").read_text() == page
    assert leftovers(site) == []


def test_good_build_replaces_the_site(tmp_path: Path) -> None:
    project, site, _ = good_site(tmp_path)
    (site / "stale.html").write_text("left from an old build")
    case = project / CASE
    case.write_text(case.read_text().replace("responding to baricitinib", "with a new title"))
    assert build(project, site).returncode == 0
    assert "with a new title" in (site / "cases" / "ppp-ad-baricitinib" / "index.html").read_text()
    assert not (site / "stale.html").exists()
    assert leftovers(site) == []


def test_image_with_metadata_anywhere_in_the_site_fails_the_build(tmp_path: Path) -> None:
    from PIL import Image

    project = copy_project(tmp_path / "project")
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    Image.new("RGB", (8, 8), "red").save(project / "docs" / "assets" / "logo.jpg", exif=exif)
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 1
    assert "published images still carry metadata:\nassets/logo.jpg: EXIF data" in result.stderr
    assert not site.exists()
    assert leftovers(site) == []
