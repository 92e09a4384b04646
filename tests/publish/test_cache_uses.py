"""The use manifest of the build cache: builds counted once per process, entries pruned when
none of the last N builds used them, leftovers of the old format removed at once."""

from __future__ import annotations

import json
from pathlib import Path

from casebook.publish.cache_uses import USES_FILE, CacheUses
from casebook.publish.checked_files import write_atomically


def entry(root: Path, name: str, data: bytes = b"x") -> str:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return name


def files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if not p.is_dir()}


def one_build(root: Path, *, uses: list[str], keep_builds: int = 2) -> CacheUses:
    """What a build does: count itself, use some entries, prune, record."""
    cache = CacheUses(root, write=write_atomically)
    assert cache.begin_build()
    for name in uses:
        cache.mark(name)
    cache.prune(keep_builds=keep_builds)
    cache.save()
    return cache


def test_an_entry_none_of_the_last_n_builds_used_is_removed(tmp_path: Path) -> None:
    kept, dropped = entry(tmp_path, "cases/kept.json"), entry(tmp_path, "cases/dropped.json")
    one_build(tmp_path, uses=[kept, dropped])
    one_build(tmp_path, uses=[kept])
    one_build(tmp_path, uses=[kept])  # `dropped` was used by the build before the last two
    assert files(tmp_path) == {kept, "cases/dropped.json", USES_FILE}
    one_build(tmp_path, uses=[kept])
    assert files(tmp_path) == {kept, USES_FILE}
    manifest = json.loads((tmp_path / USES_FILE).read_bytes())
    assert manifest == {"build": 4, "used": {kept: 4}}


def test_a_file_and_the_note_of_its_hash_are_one_entry(tmp_path: Path) -> None:
    image = entry(tmp_path, "images/abc-casebook1")
    note = entry(tmp_path, "images/abc-casebook1.sha256")
    chart = entry(tmp_path, "charts/def.svg")
    entry(tmp_path, "charts/def.svg.sha256")
    one_build(tmp_path, uses=[image, chart], keep_builds=1)
    one_build(tmp_path, uses=[image], keep_builds=1)  # the chart is still in last build's use
    assert chart in files(tmp_path)
    pruned = CacheUses(tmp_path, write=write_atomically)
    pruned.begin_build()
    pruned.mark(image)
    result = pruned.prune(keep_builds=1)
    assert files(tmp_path) == {image, note, USES_FILE}
    assert (result.entries, result.old_format, result.kept) == (1, 0, 1)
    assert result.removed == {"charts/def.svg", "charts/def.svg.sha256"}
    assert result.size == 2


def test_files_the_manifest_does_not_know_count_as_used_now(tmp_path: Path) -> None:
    # A cache from before the manifest, or what the prefill child wrote: kept for N builds.
    unknown = entry(tmp_path, "image-checks/abc.json")
    one_build(tmp_path, uses=[], keep_builds=1)
    one_build(tmp_path, uses=[], keep_builds=1)
    assert unknown in files(tmp_path)
    one_build(tmp_path, uses=[], keep_builds=1)  # unused by the one build before this one
    assert unknown not in files(tmp_path)


def test_leftovers_of_the_pickle_format_are_removed_at_once(tmp_path: Path) -> None:
    entry(tmp_path, "digests.pickle")
    entry(tmp_path, "cases/ppp-ad.pickle", b"12345")
    current = entry(tmp_path, "cases/ppp-ad.json")
    cache = CacheUses(tmp_path, write=write_atomically)
    cache.begin_build()
    result = cache.prune(keep_builds=10)
    assert files(tmp_path) == {current, USES_FILE}
    assert (result.entries, result.old_format, result.size, result.kept) == (0, 2, 6, 1)


def test_a_preview_counts_as_one_build_however_often_it_rebuilds(tmp_path: Path) -> None:
    cache = CacheUses(tmp_path, write=write_atomically)
    assert cache.begin_build()
    assert not cache.begin_build()
    assert cache.build == 1


def test_a_helper_process_records_nothing(tmp_path: Path) -> None:
    name = entry(tmp_path, "cases/a.json")
    one_build(tmp_path, uses=[name])
    before = (tmp_path / USES_FILE).read_bytes()
    helper = CacheUses(tmp_path, write=write_atomically)
    helper.mark("cases/b.json")
    helper.save()
    assert (tmp_path / USES_FILE).read_bytes() == before


def test_two_builds_at_once_keep_each_others_marks(tmp_path: Path) -> None:
    first = CacheUses(tmp_path, write=write_atomically)
    second = CacheUses(tmp_path, write=write_atomically)
    first.begin_build()
    second.begin_build()
    first.mark("cases/a.json")
    second.mark("cases/b.json")
    first.save()
    second.save()
    manifest = json.loads((tmp_path / USES_FILE).read_bytes())
    assert manifest == {"build": 1, "used": {"cases/a.json": 1, "cases/b.json": 1}}


def test_a_damaged_manifest_costs_only_a_longer_life(tmp_path: Path) -> None:
    name = entry(tmp_path, "cases/a.json")
    (tmp_path / USES_FILE).write_bytes(b'{"build": "x", "used": [')
    one_build(tmp_path, uses=[], keep_builds=1)
    assert name in files(tmp_path)
    assert json.loads((tmp_path / USES_FILE).read_bytes()) == {"build": 1, "used": {name: 1}}


def test_pruning_never_follows_a_link_out_of_the_cache(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    entry(outside, "keep.txt")
    cache_root = tmp_path / "cache"
    cache_root.mkdir()
    (cache_root / "images").symlink_to(outside, target_is_directory=True)
    for _ in range(3):
        one_build(cache_root, uses=[], keep_builds=1)
    assert not (cache_root / "images").is_symlink()
    assert (outside / "keep.txt").read_bytes() == b"x"
