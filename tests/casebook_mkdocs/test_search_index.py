"""The search index of dirty rebuilds: every page kept, rebuilt pages replaced, Material's bytes."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any, cast

from casebook_mkdocs.search_index import SearchIndexWriter
from material.plugins.search.plugin import SearchIndex
from mkdocs.config.defaults import MkDocsConfig

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
        writer.prepare(cast(MkDocsConfig, SimpleNamespace(plugins=plugins)), **kw)
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


def test_unknown_search_plugin_is_left_alone() -> None:
    index = SimpleNamespace(entries=[entry("")])
    plugin = SimpleNamespace(search_index=index, search_index_prev="previous")
    plugins = SimpleNamespace(get=lambda name: plugin)
    SearchIndexWriter().prepare(
        cast(MkDocsConfig, SimpleNamespace(plugins=plugins)), rebuilding_all=False
    )
    assert plugin.search_index_prev == "previous"
    assert not hasattr(index, "generate_search_index")
