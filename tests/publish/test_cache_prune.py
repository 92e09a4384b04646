"""Pruning in real builds: what recent builds used stays, what they did not goes, and a build
after pruning publishes the same site; clearing removes the whole cache."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from casebook.assemble import case_output
from casebook.assemble.site import SiteOutput, build_site_output
from casebook.checks.placeholders import save_placeholder
from casebook.models.settings import SiteSettings
from casebook.publish import CACHE_DIR, BuildCache, build_cache, clear_cache, prune_cache
from casebook.publish import images as image_publish
from PIL import Image

CASE = Path("case_data") / "ppp-ad-baricitinib"
FIGURE = CASE / "figures" / "clinical-back.png"


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    counts: Counter[str] = Counter()
    for name, module in (("reencode_image", image_publish), ("render_case_page", case_output)):
        real: Callable[..., Any] = getattr(module, name)

        def wrapper(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            counts[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)
    return counts


def build(project: Path, *, keep_builds: int = 2) -> SiteOutput:
    build_cache._SHARED.clear()  # a new process, as the next `mkdocs build` is
    settings = SiteSettings(cache_keep_builds=keep_builds)
    return build_site_output(project, settings=settings, include_drafts=False)


def cached(project: Path) -> set[str]:
    root = project / CACHE_DIR
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def published(output: SiteOutput) -> dict[str, bytes]:
    return {uri: Path(path).read_bytes() for uri, path in output.asset_files.items()}


def new_figure(project: Path) -> None:
    # The panel says placeholder: true, so its new picture must be a marked placeholder too.
    save_placeholder(Image.new("RGB", (80, 60), (200, 30, 30)), project / FIGURE)


def test_what_no_recent_build_used_is_pruned_and_the_rest_kept(
    project_copy: Path, calls: Counter[str]
) -> None:
    build(project_copy)
    before = cached(project_copy)
    new_figure(project_copy)
    edited = build(project_copy)
    # The new figure: its re-encoding, the note of its hash, its checks' verdicts; and the
    # case's PDF, which prints the figure, and the job it was typeset from.
    made = cached(project_copy) - before
    assert {name.split("/")[0] for name in made} == {"images", "image-checks", "pdf-jobs", "pdfs"}
    assert len([name for name in made if name.startswith("pdfs/")]) == 2  # the PDF and its note
    build(project_copy)  # the old figure was used by the build before the last two: kept
    assert before <= cached(project_copy)
    calls.clear()
    pruned = build(project_copy)
    # The old figure, its two checks' verdicts, the old PDF and its job.
    assert pruned.pruned == 1 + 2 + 2
    gone = before - cached(project_copy)
    assert {name.split("/")[0] for name in gone} == {"images", "image-checks", "pdf-jobs", "pdfs"}
    assert len([name for name in gone if name.startswith("images/")]) == 2  # figure and note
    # Everything the case uses stays, the figure checks' verdicts too, though a reused case
    # never reads them: the case is reused, and nothing is made again.
    assert calls == {}
    assert pruned.pages == edited.pages
    assert published(pruned) == published(edited)
    assert pruned.summary(1.0) == (
        "Casebook: built 1 case in 1.00 seconds "
        "(1 of 1 case folder unchanged, from the build cache; 5 unused cache entries removed)"
    )
    calls.clear()
    after = build(project_copy)
    assert calls == {}
    assert (after.pruned, after.reused) == (0, 1)
    assert published(after) == published(edited)


def test_a_print_copy_stays_while_its_figure_is_used(project_copy: Path) -> None:
    save_placeholder(
        Image.new("RGB", (8, 6), (20, 90, 200)).resize((2400, 1800)), project_copy / FIGURE
    )
    build(project_copy)

    def copies() -> set[str]:
        return {name for name in cached(project_copy) if "-print" in name}

    made = copies()
    assert len(made) == 2  # the copy and the note of its hash
    for _ in range(3):
        build(project_copy)
    assert copies() == made
    new_figure(project_copy)  # small: it prints as it is
    for _ in range(3):
        build(project_copy)
    assert copies() == set()


def test_a_build_after_pruning_everything_makes_the_same_site(
    project_copy: Path, calls: Counter[str]
) -> None:
    first = build(project_copy)
    (project_copy / CASE).rename(project_copy / "elsewhere")
    for _ in range(3):
        build(project_copy, keep_builds=1)
    assert cached(project_copy) <= {"uses.json", "digests.json"}
    (project_copy / "elsewhere").rename(project_copy / CASE)
    calls.clear()
    again = build(project_copy)
    assert calls == {"reencode_image": 6, "render_case_page": 1}
    assert again.pages == first.pages
    assert published(again) == published(first)


def test_the_setting_is_not_part_of_any_key(project_copy: Path, calls: Counter[str]) -> None:
    build(project_copy, keep_builds=2)
    calls.clear()
    output = build(project_copy, keep_builds=7)
    assert calls == {}
    assert output.reused == 1


def test_a_preview_prunes_once_however_often_it_rebuilds(project_copy: Path) -> None:
    build(project_copy)
    new_figure(project_copy)
    build(project_copy, keep_builds=1)
    build_cache._SHARED.clear()
    settings = SiteSettings(cache_keep_builds=1)
    rebuilds = [
        build_site_output(project_copy, settings=settings, include_drafts=True, rebuilds=True)
        for _ in range(4)
    ]
    # The old figure, its two checks' verdicts, and the PDF that printed it with its job; once.
    assert [output.pruned for output in rebuilds] == [5, 0, 0, 0]
    uses = BuildCache.shared(project_copy / CACHE_DIR).uses
    assert uses.build == 3


def test_pruning_forgets_the_digests_of_removed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build_cache, "_RACY_SECONDS", -1.0)  # remember every digest
    root = tmp_path / "cache"
    (root / "images").mkdir(parents=True)
    paths = [root / "images" / "old", tmp_path / "case.yaml", tmp_path / "deleted.yaml"]
    cache = BuildCache(root)
    cache.uses.begin_build()
    for path in paths:
        path.write_bytes(path.name.encode())
        cache.file_digest(path)
    cache.save()
    paths[2].unlink()
    for _ in range(3):  # unknown to the first, unused by the second, removed by the third
        cache = BuildCache(root)
        cache.uses.begin_build()
        prune_cache(cache, keep_builds=1)
    assert not paths[0].exists()
    assert list(BuildCache(root)._memo) == [str(paths[1])]


def test_clearing_removes_the_whole_cache(project_copy: Path) -> None:
    build(project_copy)
    root = project_copy / CACHE_DIR
    files = cached(project_copy)
    size = sum((root / name).stat().st_size for name in files)
    cleared = clear_cache(root)
    assert (cleared.files, cleared.size) == (len(files), size)
    assert not root.exists()
    assert (project_copy / ".cache").is_dir()
