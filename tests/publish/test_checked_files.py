"""The cache's file format: atomic writes, entries checked against their header, published
files against their note, and the damaged ones noted once."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from casebook.publish import checked_files
from casebook.publish.checked_files import (
    entry_bytes,
    note_path,
    read_checked,
    read_entry,
    take_damaged,
    write_atomically,
    write_checked,
)


@pytest.fixture(autouse=True)
def no_damage_left() -> None:
    take_damaged()


def test_an_atomic_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "new" / "folder" / "entry"
    write_atomically(target, b"one")
    write_atomically(target, b"two")
    assert target.read_bytes() == b"two"
    assert sorted(p.name for p in target.parent.iterdir()) == ["entry"]


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "entry"
    write_atomically(target, b"old")

    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["entry"]


def test_a_folder_where_the_file_belongs_is_replaced_and_noted(tmp_path: Path) -> None:
    target = tmp_path / "entry"
    (target / "inside").mkdir(parents=True)
    write_atomically(target, b"data")
    assert target.read_bytes() == b"data"
    assert take_damaged() == [os.fspath(target)]
    assert take_damaged() == []


def test_an_entry_answers_for_its_own_key_only(tmp_path: Path) -> None:
    path = tmp_path / "entry"
    write_atomically(path, entry_bytes(b"payload", key="k1"))
    assert read_entry(path, key="k1") == b"payload"
    assert read_entry(path, key="k2") is None  # stale, not damaged
    assert read_entry(tmp_path / "missing", key="k1") is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-1],  # truncated payload
        lambda data: data.replace(b"payload", b"paylaod"),  # same size, other bytes
        lambda data: data.split(b"\n", 1)[1],  # no header
        lambda data: b"{" + data,  # a header that is not JSON
    ],
)
def test_a_damaged_entry_raises_what_the_cache_treats_as_a_miss(
    tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    path = tmp_path / "entry"
    path.write_bytes(damage(entry_bytes(b"payload", key="k1")))
    with pytest.raises(checked_files.UNREADABLE_FILE):
        read_entry(path, key="k1")


def test_a_checked_file_is_published_as_it_is(tmp_path: Path) -> None:
    target = tmp_path / "figure.png"
    write_checked(target, b"pixels", label="figure")
    assert target.read_bytes() == b"pixels"  # no header: the file is what the site gets
    assert note_path(target).name == "figure.png.sha256"
    assert read_checked(target, label="figure") == b"pixels"
    assert read_checked(target, label="another figure") is None
    assert take_damaged() == [os.fspath(target)]


def test_checked_files_refuse_other_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    checked_files.write_checked(a, b"pixels of a", label="a")
    checked_files.write_checked(b, b"pixels of b", label="b")
    assert checked_files.read_checked(a, label="a") == b"pixels of a"
    a.write_bytes(b"pixels of b")  # another figure's bytes, note unchanged
    assert checked_files.read_checked(a, label="a") is None
    os.replace(tmp_path / "b.png.sha256", tmp_path / "a.png.sha256")  # and its note
    assert checked_files.read_checked(a, label="a") is None
    assert checked_files.read_checked(tmp_path / "missing.png", label="m") is None
