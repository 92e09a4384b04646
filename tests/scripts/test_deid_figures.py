"""The de-identification figures can be made again from the corpus kept in the repository."""

from __future__ import annotations

import importlib
from types import ModuleType

import pytest

from ..support.project import ROOT


@pytest.fixture
def deid_figures(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    return importlib.import_module("deid_figures")


def test_the_corpus_is_caught_without_false_positives(deid_figures: ModuleType) -> None:
    figures = {f.name: f for f in deid_figures.measure()}
    assert set(figures) == {
        "identifiers.tsv",
        "identifiers_issue17.tsv",
        "lookalikes.txt",
        "lookalikes_issue17.txt",
        "case_paragraph.md",
    }
    for name in ("identifiers.tsv", "identifiers_issue17.tsv"):
        assert (figures[name].caught, figures[name].exact) == (figures[name].entries,) * 2
    assert [f.false_positives for f in figures.values()] == [0] * 5


def test_the_table_lists_each_file(
    deid_figures: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    assert deid_figures.main([]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "| corpus file | entries | caught | missed | false positives |"
    assert lines[2] == "| identifiers.tsv | 81 | 81 (81 as that kind) | 0 | 0 |"
