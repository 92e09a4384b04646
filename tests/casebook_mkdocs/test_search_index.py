"""The search index of dirty rebuilds: every page kept, rebuilt pages replaced, Material's bytes."""

from __future__ import annotations

import inspect
import json
import logging
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from casebook_mkdocs.search_index import SearchIndexWriter
from material.plugins.search.plugin import SearchIndex, SearchPlugin
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from ..support.project import ROOT

SETTINGS = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stemmer"], "fields": {}}


def entry(location: str, text: str = "") -> dict[str, str]:
    return {"location": location, "title": location or "Home", "text": text}


class Plugin:
    """What mkdocs-material's search plugin does with its index on each build."""

    def __init__(self) -> None:
        self.search_index: Any = None
        self.search_index_prev: Any = None

    def write(self, writer: SearchIndexWriter, entries: list[dict[str, str]], **kw: bool) -> str:
        self.search_index = SearchIndex(**SETTINGS)
        self.search_index.entries = list(entries)
        plugins = SimpleNamespace(get=lambda name: self if name == "material/search" else None)
        assert writer.prepare(cast(MkDocsConfig, SimpleNamespace(plugins=plugins)), **kw)
        data = self.search_index.generate_search_index(self.search_index_prev)
        self.search_index_prev = self.search_index
        return str(data)

    def build(self, writer: SearchIndexWriter, entries: list[dict[str, str]], **kw: bool) -> Any:
        return json.loads(self.write(writer, entries, **kw))


def locations(index: Any) -> list[str]:
    return sorted(doc["location"] for doc in index["docs"])


def test_full_build_writes_what_material_would() -> None:
    entries = [entry(""), entry("guide/", "ünïcode"), entry("cases/a/"), entry("cases/a/#x")]
    material = SearchIndex(**SETTINGS)
    material.entries = list(entries)
    expected = material.generate_search_index(None)
    assert Plugin().write(SearchIndexWriter(), entries, rebuilding_all=True) == expected


def test_rebuilt_pages_replace_their_entries_and_the_rest_stay() -> None:
    writer, plugin = SearchIndexWriter(), Plugin()
    first = [entry(""), entry("guide/"), entry("cases/a/"), entry("cases/a/#discussion")]
    plugin.build(writer, first, rebuilding_all=True)
    # The home page and case a rebuilt; case a lost a section and gained one.
    rebuilt = [entry("", "new"), entry("cases/a/"), entry("cases/a/#outcome")]
    index = plugin.build(writer, rebuilt, rebuilding_all=False)
    assert locations(index) == ["", "cases/a/", "cases/a/#outcome", "guide/"]
    assert [doc["text"] for doc in index["docs"] if doc["location"] == ""] == ["new"]
    assert index["config"]["lang"] == ["en"]


def test_rebuild_of_no_page_keeps_the_index() -> None:
    writer, plugin = SearchIndexWriter(), Plugin()
    plugin.build(writer, [entry(""), entry("guide/")], rebuilding_all=True)
    assert locations(plugin.build(writer, [], rebuilding_all=False)) == ["", "guide/"]


def test_full_rebuild_drops_pages_that_are_gone() -> None:
    writer, plugin = SearchIndexWriter(), Plugin()
    plugin.build(writer, [entry(""), entry("removed/")], rebuilding_all=True)
    assert locations(plugin.build(writer, [entry("")], rebuilding_all=True)) == [""]


def test_unknown_search_plugin_is_left_alone_and_the_preview_says_so_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    index = SimpleNamespace(entries=[entry("")])
    plugin = SimpleNamespace(search_index=index, search_index_prev="previous")
    config = cast(MkDocsConfig, SimpleNamespace(plugins=SimpleNamespace(get=lambda name: plugin)))
    writer = SearchIndexWriter()
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.casebook"):
        assert not writer.prepare(config, rebuilding_all=False)
        assert not writer.prepare(config, rebuilding_all=False)
    assert plugin.search_index_prev == "previous"
    assert not hasattr(index, "generate_search_index")
    assert [r.getMessage() for r in caplog.records] == [
        "Casebook: the search plugin is not the mkdocs-material 9.8.1 one this preview expects; "
        "its own index may lose pages when a save rebuilds several (restart the preview to mend "
        "it)"
    ]


def written_index(plugin: Any, config: MkDocsConfig, site: Path) -> Any:
    """What Material's own on_post_build writes, as it does after ours."""
    plugin.on_post_build(config=config)
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_material_search_plugin_writes_the_index_handed_to_it(tmp_path: Path) -> None:
    """Pins what the writer relies on in mkdocs-material 9.8.1, on the real plugin configured
    by mkdocs.yml: the plugin's name, its `search_index` with its `entries`, and an
    on_post_build that encodes that index with `search_index_prev`, after ours."""
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path))
    plugin = config.plugins["material/search"]
    assert isinstance(plugin, SearchPlugin)
    assert getattr(SearchPlugin.on_post_build, "mkdocs_priority", 0) < 100
    assert list(inspect.signature(SearchIndex.generate_search_index).parameters) == [
        "self",
        "prev",
    ]
    writer = SearchIndexWriter()
    plugin.on_startup(command="serve", dirty=True)
    plugin.on_config(config)
    plugin.search_index.entries.extend([entry(""), entry("guide/"), entry("cases/a/")])
    assert writer.prepare(config, rebuilding_all=True)
    assert locations(written_index(plugin, config, tmp_path)) == ["", "cases/a/", "guide/"]
    # The next rebuild, of the home page only: Material alone would keep that page alone.
    plugin.on_config(config)
    plugin.search_index.entries.append(entry("", "new"))
    assert writer.prepare(config, rebuilding_all=False)
    index = written_index(plugin, config, tmp_path)
    assert locations(index) == ["", "cases/a/", "guide/"]
    assert index["docs"][0]["text"] == "new"
