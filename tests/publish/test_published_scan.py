"""The post-build scan finds metadata in any image of the site, judging each content once."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from casebook.publish import PageSanitizer, build_cache, published_scan
from casebook.publish.images import find_metadata, reencode_image

from ..support.images import annotated_png, camera_jpeg, write


def site_with_leaks(site: Path) -> None:
    (site / "cases" / "a").mkdir(parents=True)
    write(site / "cases" / "a" / "raw.JPG", camera_jpeg())
    write(site / "cases" / "a" / "clean.png", reencode_image(annotated_png()))
    write(site / "cases" / "a" / "notes.txt", b"Jane Doe")
    write(site / "scan.png", annotated_png())


def test_every_image_with_metadata_is_named(tmp_path: Path) -> None:
    site_with_leaks(tmp_path / "site")
    assert published_scan.find_metadata_in_site(tmp_path / "site") == {
        "cases/a/raw.JPG": find_metadata(camera_jpeg()),
        "scan.png": find_metadata(annotated_png()),
    }


def judged(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the images the scan judges (find_metadata)."""
    calls: list[int] = []
    real = find_metadata

    def counting(data: bytes) -> list[str]:
        calls.append(len(data))
        return real(data)

    monkeypatch.setattr(published_scan, "find_metadata", counting)
    return calls


def test_each_content_is_judged_once_across_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    site = tmp_path / "site"
    site_with_leaks(site)
    clean = reencode_image(annotated_png())
    write(site / "cases" / "a" / "same-as-clean.png", clean)
    calls = judged(monkeypatch)
    first = published_scan.find_metadata_in_site(site, project_root=project)
    assert len(calls) == 3  # two copies of one content are judged once
    # A new build, in a new process, writes the site afresh: same bytes, new files.
    monkeypatch.setattr(build_cache, "_SHARED", {})
    again = tmp_path / "again"
    site_with_leaks(again)
    write(again / "cases" / "a" / "same-as-clean.png", clean)
    calls.clear()
    assert published_scan.find_metadata_in_site(again, project_root=project) == first
    assert calls == []  # the remembered verdicts, leaks included, still fail the build


def test_a_changed_image_is_judged_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    site = tmp_path / "site"
    (site / "cases").mkdir(parents=True)
    write(site / "cases" / "figure.png", reencode_image(annotated_png()))
    assert published_scan.find_metadata_in_site(site, project_root=project) == {}
    # Same name, new bytes: a verdict kept by name or modification time would wave it through.
    write(site / "cases" / "figure.png", annotated_png())
    calls = judged(monkeypatch)
    leaks = published_scan.find_metadata_in_site(site, project_root=project)
    assert leaks == {"cases/figure.png": find_metadata(annotated_png())}
    assert len(calls) == 1


def test_a_deleted_cache_changes_no_verdict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    site = tmp_path / "site"
    site_with_leaks(site)
    first = published_scan.find_metadata_in_site(site, project_root=project)
    monkeypatch.setattr(build_cache, "_SHARED", {})
    shutil.rmtree(project / ".cache")
    calls = judged(monkeypatch)
    assert published_scan.find_metadata_in_site(site, project_root=project) == first
    assert len(calls) == 3


def test_the_last_check_records_what_the_build_used_of_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The sanitised pages and the verdicts are used after the cases are built and pruned:
    # the scan, the last step of a build, is where those uses are written down.
    monkeypatch.setattr(build_cache, "_SHARED", {})
    cache = build_cache.BuildCache.shared(tmp_path / build_cache.CACHE_DIR)
    cache.uses.begin_build()
    PageSanitizer(tmp_path)("cases/a/index.md", "<p>Case</p>")
    site_with_leaks(tmp_path / "site")
    published_scan.find_metadata_in_site(tmp_path / "site", project_root=tmp_path)
    monkeypatch.setattr(build_cache, "_SHARED", {})
    uses = build_cache.BuildCache(tmp_path / build_cache.CACHE_DIR).uses
    assert uses.build == 1
    assert sorted(uses._used) == [
        "published-image-checks/verdicts.json",
        f"sanitized-pages/{hashlib.sha256(b'cases/a/index.md').hexdigest()[:32]}.json",
    ]
    assert set(uses._used.values()) == {1}
