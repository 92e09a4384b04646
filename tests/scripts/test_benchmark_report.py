"""scripts/benchmark.py reports each cold build against the plain one it is compared with."""

from __future__ import annotations

import importlib

import pytest

from ..support.project import ROOT


def test_the_cold_build_without_pdfs_is_compared_with_the_plain_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    benchmark = importlib.import_module("benchmark")
    build = benchmark.Build

    def row(count: int, scale: float) -> object:
        return benchmark.Row(
            count,
            build(45.0 * scale, 280.0, None, pss_mb=240.0),
            build(70.0 * scale, 330.0, None, pss_mb=290.0),
            build(26.0 * scale, 260.0, 1.0 * scale),
            build(25.0 * scale, 220.0, None),
        )

    table = benchmark.report([row(1000, 1.0), row(2000, 2.1)], load=0.5).splitlines()
    header = [cell.strip() for cell in table[0].strip("|").split("|")]
    cells = dict(zip(header, (c.strip() for c in table[2].strip("|").split("|")), strict=True))
    assert cells["Cold, no PDFs"] == "45.0 s" and cells["Cold"] == "70.0 s"
    assert cells["Cold / plain, no PDFs"] == "1.80" and cells["Cold / plain"] == "2.80"
    assert cells["Warm / plain"] == "1.04"
    assert cells["Peak, cold, no PDFs (RSS / PSS)"] == "280 / 240 MB"
    assert cells["Peak, cold (RSS / PSS)"] == "330 / 290 MB"
    assert (
        "1,000 -> 2,000 cases (2x): warm build 2.10x the time, plain 2.10x, cold without PDFs 2.10x"
    ) in table
