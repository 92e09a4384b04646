"""The core as the adapter loads it: afresh after an edit, the same module otherwise."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from casebook_mkdocs.core import CoreLoader


@pytest.fixture
def packages(tmp_path: Path) -> Iterator[Path]:
    """A stand-in core (`fakecore`, with an api module) and an adapter package beside it whose
    name starts the same way, as casebook_mkdocs does."""
    for name in ("fakecore", "fakecore_adapter"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text("")
    (tmp_path / "fakecore" / "api.py").write_text("VALUE = 1\n")
    (tmp_path / "fakecore" / "render.py").write_text("")
    sys.path.insert(0, str(tmp_path))
    try:
        yield tmp_path
    finally:
        sys.path.remove(str(tmp_path))
        for name in [n for n in sys.modules if n.startswith("fakecore")]:
            del sys.modules[name]


def test_the_core_is_imported_again_after_an_edit_and_only_then(packages: Path) -> None:
    import fakecore_adapter  # type: ignore[import-not-found]

    load = CoreLoader("fakecore")
    first = load()
    assert load() is first
    (packages / "fakecore" / "render.py").write_text("EDITED = True\n")
    (packages / "fakecore" / "api.py").write_text("VALUE = 2\n")
    again = load()
    assert again is not first
    assert again.VALUE == 2  # type: ignore[attr-defined]
    # The adapter's own package, and the state it keeps, are left alone.
    assert sys.modules["fakecore_adapter"] is fakecore_adapter
