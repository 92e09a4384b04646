"""Tests for casebook.publish.build_cache: content digests, tree digests and the keyed store."""

from __future__ import annotations

import datetime
import hashlib
import os
import pickle
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from casebook.publish import build_cache, checked_files
from casebook.publish.build_cache import BuildCache, core_fingerprint

Value = dict[str, str]
PAST = 1_600_000_000  # old enough that the digest is remembered, not "racy"


def aged(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    os.utime(path, (PAST, PAST))
    return path


def test_file_digest_is_the_content_hash(tmp_path: Path) -> None:
    path = aged(tmp_path / "a.png", b"pixels")
    assert BuildCache(tmp_path / "cache").file_digest(path) == hashlib.sha256(b"pixels").hexdigest()


def digest_reads(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    reads: list[object] = []
    real = hashlib.file_digest

    def counting(*args: Any) -> Any:
        reads.append(args)
        return real(*args)

    monkeypatch.setattr(hashlib, "file_digest", counting)
    return reads


def test_unchanged_file_is_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_cache, "_RACY_SECONDS", -1.0)
    path = aged(tmp_path / "a.png", b"pixels")
    cache = BuildCache(tmp_path / "cache")
    first = cache.file_digest(path)
    cache.save()
    reads = digest_reads(monkeypatch)
    assert BuildCache(tmp_path / "cache").file_digest(path) == first
    assert reads == []


def test_just_changed_file_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = aged(tmp_path / "a.png", b"pixels")
    cache = BuildCache(tmp_path / "cache")
    cache.file_digest(path)
    cache.save()
    reads = digest_reads(monkeypatch)
    BuildCache(tmp_path / "cache").file_digest(path)
    assert len(reads) == 1


def test_same_size_rewrite_with_the_old_modification_time_is_noticed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Copying tools can restore the old mtime; the change time still moves on.
    monkeypatch.setattr(build_cache, "_RACY_SECONDS", -1.0)
    path = aged(tmp_path / "a.png", b"pixels")
    cache = BuildCache(tmp_path / "cache")
    cache.file_digest(path)
    time.sleep(0.05)  # past the file system's clock tick
    aged(path, b"PIXELS")
    assert cache.file_digest(path) == hashlib.sha256(b"PIXELS").hexdigest()


def test_tree_digest_follows_content_names_and_links(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    aged(folder / "case.yaml", b"title: x")
    aged(folder / "figures" / "a.png", b"pixels")
    cache = BuildCache(tmp_path / "cache")
    seen = {cache.tree_digest(folder)}
    assert cache.tree_digest(folder) in seen

    aged(folder / "figures" / "a.png", b"other pixels")
    seen.add(cache.tree_digest(folder))
    (folder / "figures" / "a.png").rename(folder / "figures" / "b.png")
    seen.add(cache.tree_digest(folder))
    os.link(folder / "figures" / "b.png", tmp_path / "elsewhere.png")
    seen.add(cache.tree_digest(folder))
    (folder / "figures" / "c.png").symlink_to(tmp_path / "elsewhere.png")
    seen.add(cache.tree_digest(folder))
    assert len(seen) == 5


def test_tree_digest_of_an_unreadable_folder_is_none(tmp_path: Path) -> None:
    assert BuildCache(tmp_path / "cache").tree_digest(tmp_path / "missing") is None


def test_store_answers_only_for_the_same_key(tmp_path: Path) -> None:
    writer = BuildCache(tmp_path / "cache")
    writer.put("cases", "ppp", {"page": "text"}, key="k1")
    reader = BuildCache(tmp_path / "cache")  # a fresh process: read from disk
    assert reader.get("cases", "ppp", key="k1", type_=Value) == {"page": "text"}
    assert reader.get("cases", "ppp", key="k2", type_=Value) is None
    assert reader.get("cases", "other", key="k1", type_=Value) is None
    assert reader.holds("cases", "ppp", key="k1")
    assert not reader.holds("cases", "ppp", key="k2")
    assert not reader.holds("cases", "other", key="k1")
    writer.put("cases", "ppp", {"page": "new"}, key="k2")
    assert [p.name for p in (tmp_path / "cache" / "cases").iterdir()] == ["ppp.json"]


def test_damaged_or_deleted_store_is_a_miss(tmp_path: Path) -> None:
    BuildCache(tmp_path / "cache").put("cases", "ppp", {"page": "value"}, key="k")
    (tmp_path / "cache" / "cases" / "ppp.json").write_bytes(b"\x80garbage")
    (tmp_path / "cache" / "digests.json").write_bytes(b"internal er")
    cache = BuildCache(tmp_path / "cache")
    assert cache.get("cases", "ppp", key="k", type_=Value) is None
    assert not cache.holds("cases", "ppp", key="k")
    assert cache.file_digest(aged(tmp_path / "a", b"x")) == hashlib.sha256(b"x").hexdigest()


def test_shared_cache_is_one_object_per_folder(tmp_path: Path) -> None:
    assert BuildCache.shared(tmp_path / "a") is BuildCache.shared(tmp_path / "a")
    assert BuildCache.shared(tmp_path / "a") is not BuildCache.shared(tmp_path / "b")


def test_core_fingerprint_is_stable() -> None:
    assert core_fingerprint() == core_fingerprint()


def test_core_fingerprint_follows_every_edit_to_the_core(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "casebook"
    (package / "templates").mkdir(parents=True)
    (package / "render.py").write_text("x = 1")
    template = package / "templates" / "page.md.j2"
    template.write_text("A")
    monkeypatch.setattr(build_cache, "_PACKAGE_DIR", package)
    monkeypatch.setattr(build_cache, "_FINGERPRINT", {})
    # Remember even brand-new files, so the test sees the remembered fingerprint being used.
    monkeypatch.setattr(build_cache, "_RACY_SECONDS", 0.0)
    first = core_fingerprint()
    assert build_cache._FINGERPRINT
    assert core_fingerprint() == first
    template.write_text("Edited")
    second = core_fingerprint()
    assert second != first
    (package / "templates" / "new.md.j2").write_text("")
    assert core_fingerprint() not in {first, second}


def test_values_are_kept_in_memory_only_for_processes_that_rebuild(tmp_path: Path) -> None:
    root = tmp_path / "cache"
    serving = BuildCache(root)
    serving.put("cases", "a", {"page": "A"}, key="k")
    serving.put("pages", "a", {"page": "<p>A</p>"}, key="k", remember=False)
    (root / "cases" / "a.json").unlink()
    (root / "pages" / "a.json").unlink()
    # A preview reads its own values back from memory, except those it asked not to keep.
    assert serving.get("cases", "a", key="k", type_=Value) == {"page": "A"}
    assert serving.get("pages", "a", key="k", type_=Value) is None
    once = BuildCache(root)
    once.remember_values = False
    once.put("cases", "b", {"page": "B"}, key="k")
    assert once.get("cases", "b", key="k", type_=Value) == {"page": "B"}
    (root / "cases" / "b.json").unlink()
    assert once.get("cases", "b", key="k", type_=Value) is None


@dataclass(frozen=True)
class Entry:
    title: str
    numbers: tuple[int, ...]
    when: datetime.date | None


def test_typed_values_come_back_as_their_type(tmp_path: Path) -> None:
    value = Entry("Case", (1, 2), datetime.date(2026, 12, 2))
    BuildCache(tmp_path / "cache").put("cases", "a", value, key="k")
    assert BuildCache(tmp_path / "cache").get("cases", "a", key="k", type_=Entry) == value


def test_an_entry_changed_at_the_same_size_is_a_miss(tmp_path: Path) -> None:
    BuildCache(tmp_path / "cache").put("cases", "a", {"page": "text"}, key="k")
    path = tmp_path / "cache" / "cases" / "a.json"
    data = path.read_bytes()
    path.write_bytes(data.replace(b"text", b"tExt"))
    checked_files.take_damaged()
    assert BuildCache(tmp_path / "cache").get("cases", "a", key="k", type_=Value) is None
    path.write_bytes(data[: len(data) // 2])
    assert BuildCache(tmp_path / "cache").get("cases", "a", key="k", type_=Value) is None
    assert checked_files.take_damaged() == [str(path), str(path)]


def test_a_pickle_in_the_cache_is_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self) -> tuple[Any, ...]:
            return (marker.write_text, ("code ran",))

    root = tmp_path / "cache"
    BuildCache(root).put("cases", "a", {"page": "text"}, key="k")
    entry = root / "cases" / "a.json"
    for crafted in (pickle.dumps("k") + pickle.dumps(Payload()), pickle.dumps(Payload())):
        entry.write_bytes(crafted)
        (root / "digests.json").write_bytes(crafted)
        cache = BuildCache(root)
        assert cache.get("cases", "a", key="k", type_=Value) is None
        assert not cache.holds("cases", "a", key="k")
    assert not marker.exists()


def test_folders_and_files_in_the_wrong_place_are_a_miss(tmp_path: Path) -> None:
    root = tmp_path / ".cache" / "casebook"
    (root / "cases" / "a.json").mkdir(parents=True)
    (root / "digests.json").mkdir()
    cache = BuildCache(root)
    assert cache.get("cases", "a", key="k", type_=Value) is None
    cache.put("cases", "a", {"page": "A"}, key="k")
    assert BuildCache(root).get("cases", "a", key="k", type_=Value) == {"page": "A"}
    shutil.rmtree(tmp_path / ".cache")
    (tmp_path / ".cache").write_text("not a folder")
    cache = BuildCache(root)
    cache.put("cases", "a", {"page": "A"}, key="k")
    assert BuildCache(root).get("cases", "a", key="k", type_=Value) == {"page": "A"}


def test_a_checked_file_is_held_until_its_bytes_or_label_differ(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path / "cache")
    target = tmp_path / "cache" / "pdfs" / "a.pdf"
    checked_files.write_checked(target, b"%PDF one", label="pdf a")
    assert cache.holds_file(target, label="pdf a")
    assert not cache.holds_file(target, label="pdf b")  # another entry's file
    # Found intact once, the note is not read again; new bytes are still noticed.
    checked_files.note_path(target).write_text("not a note")
    assert cache.holds_file(target, label="pdf a")
    target.write_bytes(b"%PDF two")
    assert not cache.holds_file(target, label="pdf a")
    target.unlink()
    assert not cache.holds_file(target, label="pdf a")
