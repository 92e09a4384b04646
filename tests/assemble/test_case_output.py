"""The per-case build cache: a second build redoes nothing; a change redoes only what it touches."""

from __future__ import annotations

import io
import os
import shutil
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdf
import pytest
from casebook.assemble import case_output, pdf_jobs
from casebook.assemble import site as site_build
from casebook.assemble.site import SiteOutput, build_site_output
from casebook.checks import images as image_checks
from casebook.checks.placeholders import save_placeholder
from casebook.errors import CaseDataError
from casebook.models.settings import SiteSettings
from casebook.publish import build_cache, published_scan
from casebook.publish import images as image_publish
from casebook.publish.pdf_store import read_job_source
from casebook.render import bibliography
from PIL import Image

from ..support.cases import example_article, replace_once
from ..support.project import copy_project

CASE = Path("case_data") / "ppp-ad-baricitinib"


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often the expensive steps ran: re-encoding, checking an image's pixels, rendering,
    typesetting."""
    counts: Counter[str] = Counter()

    def counting(name: str, module: Any) -> None:
        real: Callable[..., Any] = getattr(module, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            counts[name] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    counting("reencode_image", image_publish)
    counting("_content_issues", image_checks)
    counting("render_case_page", case_output)
    counting("typeset", pdf_jobs)  # the PDF is typeset with the page, and cached with it
    return counts


def build(project: Path, *, new_process: bool = True) -> SiteOutput:
    if new_process:  # forget what this process remembers, as the next `mkdocs build` would
        build_cache._SHARED.clear()
    return build_site_output(project, settings=SiteSettings(), include_drafts=False)


def published(output: SiteOutput) -> dict[str, bytes]:
    output.pdfs.finish()
    files = {**output.asset_files, **output.pdfs.files()}
    return {uri: Path(path).read_bytes() for uri, path in files.items()}


def test_second_build_reencodes_and_renders_nothing(
    project_copy: Path, calls: Counter[str]
) -> None:
    first = build(project_copy)
    assert calls == {
        "reencode_image": 6,
        "_content_issues": 6,
        "render_case_page": 1,
        "typeset": 1,
    }
    calls.clear()
    second = build(project_copy)
    assert calls == {}
    assert (first.reused, second.reused) == (0, 1)
    assert second.pages == first.pages
    assert published(second) == published(first)


def test_changed_figure_is_reencoded_once(project_copy: Path, calls: Counter[str]) -> None:
    build(project_copy)
    # The panel says placeholder: true, so its new picture must be a marked placeholder too.
    save_placeholder(
        Image.new("RGB", (80, 60), (200, 30, 30)),
        project_copy / CASE / "figures" / "clinical-back.png",
    )
    calls.clear()
    output = build(project_copy)
    assert calls == {
        "reencode_image": 1,
        "_content_issues": 1,
        "render_case_page": 1,
        "typeset": 1,
    }
    figure = Path(output.asset_files["cases/ppp-ad-baricitinib/figures/clinical-back.png"])
    with Image.open(figure) as image:
        assert image.size == (80, 60)
    calls.clear()
    build(project_copy)
    assert calls == {}


def test_a_large_figure_is_published_whole_and_printed_from_a_copy(project_copy: Path) -> None:
    figure = project_copy / CASE / "figures" / "clinical-back.png"
    save_placeholder(Image.new("RGB", (32, 12), (200, 30, 30)).resize((2600, 1000)), figure)
    output = build(project_copy)
    site_path = "cases/ppp-ad-baricitinib/figures/clinical-back.png"
    with Image.open(output.asset_files[site_path]) as image:
        assert image.size == (2600, 1000)  # the page and its lightbox show it whole
    [pdf] = output.pdfs.pdfs
    cache = project_copy / ".cache" / "casebook"
    published_name = Path(output.asset_files[site_path]).name
    [copy] = [
        path
        for path in (cache / "images").glob(f"{published_name}-print*")
        if path.suffix != ".sha256"
    ]
    source = read_job_source(cache, pdf.key)
    assert source is not None and f"/images/{copy.name}" in source
    assert f'"/images/{published_name}"' not in source
    printed = published(output)[pdf.site_path]
    sizes = [
        image.image.size
        for page in pypdf.PdfReader(io.BytesIO(printed)).pages
        for image in page.images
        if image.image is not None
    ]
    assert (2000, 769) in sizes and (2600, 1000) not in sizes
    assert not [path for path in output.asset_files.values() if "-print" in path]
    # A damaged copy is made again, like any cache entry, and the PDF stays the same.
    data = copy.read_bytes()
    copy.write_bytes(data[: len(data) // 2])
    again = build(project_copy)
    assert again.repaired == 1 and again.reused == 0
    assert published(again)[pdf.site_path] == printed
    assert copy.read_bytes() == data


def test_text_edit_renders_the_page_but_touches_no_image(
    project_copy: Path, calls: Counter[str]
) -> None:
    build(project_copy)
    case_file = project_copy / CASE / "case.yaml"
    text = case_file.read_text(encoding="utf-8")
    case_file.write_text(replace_once(text, "No joint pain", "No painful joints"), encoding="utf-8")
    calls.clear()
    output = build(project_copy)
    assert calls == {"render_case_page": 1, "typeset": 1}
    assert "No painful joints" in output.pages["cases/ppp-ad-baricitinib/index.md"]


def test_rebuild_in_the_same_process_reuses_what_it_read(
    project_copy: Path, calls: Counter[str]
) -> None:
    build(project_copy)
    calls.clear()
    assert build(project_copy, new_process=False).reused == 1
    assert calls == {}


def test_new_modification_times_change_nothing(project_copy: Path, calls: Counter[str]) -> None:
    first = build(project_copy)
    for path in (project_copy / CASE).rglob("*"):
        os.utime(path, (1_700_000_000, 1_700_000_000))
    calls.clear()
    assert build(project_copy).pages == first.pages
    assert calls == {}


def test_cache_is_safe_to_delete(project_copy: Path, calls: Counter[str]) -> None:
    first = build(project_copy)
    shutil.rmtree(project_copy / ".cache")
    calls.clear()
    second = build(project_copy)
    assert calls == {
        "reencode_image": 6,
        "_content_issues": 6,
        "render_case_page": 1,
        "typeset": 1,
    }
    assert second.pages == first.pages
    assert published(second) == published(first)


def damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    else:  # one byte changed, same size
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :])


@pytest.mark.parametrize("how", ["truncated", "one byte"])
@pytest.mark.parametrize("folder", ["downloads", "charts", "images", "cases"])
def test_damaged_cache_entries_are_made_again_and_said_once(
    project_copy: Path, folder: str, how: str
) -> None:
    first = build(project_copy)
    entries = [
        path
        for path in (project_copy / ".cache" / "casebook" / folder).iterdir()
        if path.suffix != ".sha256"
    ]
    assert entries
    for path in entries:
        damage(path, how)
    second = build(project_copy)
    assert second.pages == first.pages
    assert published(second) == published(first)
    assert second.repaired >= 1
    assert "found and made again" in second.summary(1.0)
    third = build(project_copy)
    assert (third.repaired, third.reused) == (0, 1)
    assert "damaged" not in third.summary(1.0)


def test_swapped_figures_in_the_cache_are_not_published(project_copy: Path) -> None:
    first = build(project_copy)
    images = project_copy / ".cache" / "casebook" / "images"
    a, b = sorted(path for path in images.iterdir() if path.suffix != ".sha256")[:2]
    swap = a.with_name("swap")
    os.replace(a, swap)
    os.replace(b, a)
    os.replace(swap, b)
    second = build(project_copy)
    assert published(second) == published(first)
    assert second.repaired == 2


def test_deleted_images_alone_are_published_again(project_copy: Path, calls: Counter[str]) -> None:
    first = build(project_copy)
    shutil.rmtree(project_copy / ".cache" / "casebook" / "images")
    calls.clear()
    assert published(build(project_copy, new_process=False)) == published(first)
    assert calls["reencode_image"] == 6


def test_new_core_code_renders_again_but_keeps_images(
    project_copy: Path, calls: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    build(project_copy)
    monkeypatch.setattr(case_output, "core_fingerprint", lambda: "another version")
    calls.clear()
    build(project_copy)
    assert calls == {"_content_issues": 6, "render_case_page": 1, "typeset": 1}


def test_errors_are_reported_on_every_build(project_copy: Path, calls: Counter[str]) -> None:
    case_file = project_copy / CASE / "case.yaml"
    text = case_file.read_text(encoding="utf-8")
    case_file.write_text(replace_once(text, "  sex: male\n", "  sexx: male\n"), encoding="utf-8")
    messages = []
    for _ in range(2):
        with pytest.raises(CaseDataError) as raised:
            build(project_copy)
        messages.append(str(raised.value))
    assert messages[0] == messages[1]
    assert "patient.sexx: unknown key 'sexx'" in messages[0]
    assert calls["render_case_page"] == 0


def test_new_site_settings_render_again_but_decode_no_image(
    project_copy: Path, calls: Counter[str]
) -> None:
    build(project_copy)
    calls.clear()
    build_cache._SHARED.clear()
    settings = SiteSettings(journal_title="Another journal")
    build_site_output(project_copy, settings=settings, include_drafts=False)
    assert calls == {"render_case_page": 1, "typeset": 1}


def test_builds_with_different_settings_keep_their_own_entries(
    project_copy: Path, calls: Counter[str]
) -> None:
    # `casebook render` uses default settings and `mkdocs build` those in mkdocs.yml.
    other = SiteSettings(journal_title="Another journal")
    build(project_copy)
    build_site_output(project_copy, settings=other, include_drafts=False)
    calls.clear()
    build(project_copy)
    build_cache._SHARED.clear()
    build_site_output(project_copy, settings=other, include_drafts=False)
    assert calls == {}


def test_watched_preview_reads_only_the_folders_that_changed(
    project_copy: Path, calls: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    build_cache._SHARED.clear()
    settings = SiteSettings()

    def preview(changed: set[str] | None) -> SiteOutput:
        return build_site_output(
            project_copy, settings=settings, include_drafts=True, rebuilds=True, changed=changed
        )

    preview(None)
    digests: list[Path] = []
    real_digest = build_cache.BuildCache.tree_digest

    def counting(self: build_cache.BuildCache, folder: Any) -> str | None:
        digests.append(Path(folder))
        return real_digest(self, folder)

    monkeypatch.setattr(build_cache.BuildCache, "tree_digest", counting)
    calls.clear()
    assert preview(set()).reused == 1
    assert digests == [] and calls == {}
    # The watcher saw the edit: that folder, and only that one, is read again and rendered.
    case_file = project_copy / CASE / "case.yaml"
    text = case_file.read_text(encoding="utf-8")
    case_file.write_text(
        replace_once(text, "title: Palmoplantar", "title: Palmar and plantar"), encoding="utf-8"
    )
    edited = preview({CASE.name})
    assert digests == [project_copy / CASE, project_copy / CASE]  # before and after rendering
    assert calls == {"render_case_page": 1, "typeset": 1}
    assert "Palmar and plantar" in edited.pages["cases/ppp-ad-baricitinib/index.md"]
    # Not knowing what changed (a failed build, a restarted watcher) reads every folder.
    digests.clear()
    preview(None)
    assert digests == [project_copy / CASE]


def test_many_new_cases_are_rendered_in_a_child_process(
    project_copy: Path, tmp_path: Path, calls: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    in_process = build(copy_project(tmp_path / "in-process"))
    calls.clear()
    monkeypatch.setattr(case_output, "PREFILL_AT_LEAST", 1)
    output = build(project_copy)
    # The child rendered, re-encoded and checked; this process read the result from the cache.
    assert calls == {}
    assert output.reused == 1
    assert output.pages == in_process.pages
    assert published(output) == published(in_process)


def test_child_judges_the_figures_it_made_for_the_last_check(
    project_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(case_output, "PREFILL_AT_LEAST", 1)
    site = tmp_path / "site"
    for uri, data in published(build(project_copy)).items():
        (site / uri).parent.mkdir(parents=True, exist_ok=True)
        (site / uri).write_bytes(data)
    decoded: list[bytes] = []

    def counting(data: bytes) -> list[str]:
        decoded.append(data)
        return image_publish.find_metadata(data)

    monkeypatch.setattr(published_scan, "find_metadata", counting)
    assert published_scan.find_metadata_in_site(site, project_root=project_copy) == {}
    assert decoded == []


def test_child_that_fails_leaves_the_rendering_to_the_build(
    project_copy: Path, calls: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(case_output, "PREFILL_AT_LEAST", 1)
    monkeypatch.setattr(sys, "executable", "/bin/false")
    output = build(project_copy)
    assert calls["render_case_page"] == 1
    assert output.reused == 0


def test_case_with_errors_is_reported_by_the_build_not_the_child(
    project_copy: Path, calls: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(case_output, "PREFILL_AT_LEAST", 1)
    case_file = project_copy / CASE / "case.yaml"
    text = case_file.read_text(encoding="utf-8")
    case_file.write_text(replace_once(text, "  sex: male\n", "  sexx: male\n"), encoding="utf-8")
    with pytest.raises(CaseDataError) as raised:
        build(project_copy)
    assert "patient.sexx: unknown key 'sexx'" in str(raised.value)


def test_few_new_cases_are_rendered_in_the_build_process(
    project_copy: Path, calls: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(site_build, "prefill_in_child", lambda *a, **k: pytest.fail("child"))
    build(project_copy)
    assert calls["render_case_page"] == 1


def test_a_case_formats_its_references_once(tmp_path: Path) -> None:
    """citeproc is most of a case's scholarly output: the page's list and the JATS print the
    same formatting of the references; the 'Cite this case' text and the adapted-from source
    (which the page's notice, the JATS and the downloads all print) are the only others."""
    article = example_article(tmp_path)
    bibliography._entry.cache_clear()
    case_output.render_case_output(
        article, settings=SiteSettings(pdf=False), cache_root=tmp_path / "cache"
    )
    info = bibliography._entry.cache_info()
    # Each text is formatted once: every reference, the citation, the adapted-from source.
    assert info.misses == len(article.references) + 2
    assert info.hits >= len(article.references)  # the JATS prints the page's formatting
