"""scripts/profile_cold.py still reaches every stage it times (it wraps functions by name)."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from ..support.project import ROOT


def test_every_stage_is_timed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    profile_cold = importlib.import_module("profile_cold")
    assert profile_cold.main(["--cases", "1", "--pdf", "--workdir", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "1 synthetic cases cold, one process, PDFs on:"
    rows = [re.fullmatch(r"(.+?)\s+([\d.]+) s/case", line) for line in lines[1:]]
    seconds = {row[1].strip(): float(row[2]) for row in rows if row is not None}
    # A stage whose function was renamed would time nothing and print zero.
    assert [label for label, value in seconds.items() if value == 0] == []
    assert len(seconds) == len(profile_cold.STAGES)
