"""Theme work kept across preview rebuilds: the quick theme listing and compiled templates."""

from __future__ import annotations

import inspect
import logging
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import jinja2
import mkdocs.commands.build
import pytest
from casebook_mkdocs import theme_cache
from casebook_mkdocs.theme_cache import MemoryBytecodeCache, VisibleTemplateLoader, reuse_theme_work
from material.plugins.search.plugin import SearchPlugin
from mkdocs.config import load_config
from mkdocs.structure.files import Files
from mkdocs.theme import Theme

from ..support.project import ROOT


def theme_files(with_reuse: bool, site: Path) -> list[tuple[str, str]]:
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site))
    if with_reuse:
        reuse_theme_work(config.theme, MemoryBytecodeCache())
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return sorted((f.src_uri, f.abs_src_path or "") for f in files)


def test_site_gets_the_same_theme_files_from_the_quick_listing(tmp_path: Path) -> None:
    quick = theme_files(True, tmp_path)
    assert quick == theme_files(False, tmp_path)
    # The real theme: Material's scripts and the project's own stylesheet are among them.
    uris = [uri for uri, _ in quick]
    assert any(uri.startswith("assets/javascripts/bundle.") for uri in uris)
    assert not any(uri.startswith(".icons/") for uri in uris)


def test_listing_skips_hidden_folders_but_their_templates_load(tmp_path: Path) -> None:
    (tmp_path / ".icons" / "set").mkdir(parents=True)
    (tmp_path / ".icons" / "set" / "star.svg").write_text("<svg/>")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "app.js").write_text("")
    (tmp_path / ".hidden.txt").write_text("")
    (tmp_path / "main.html").write_text('{% include ".icons/set/star.svg" %}')
    loader = VisibleTemplateLoader(str(tmp_path))
    assert loader.list_templates() == [".hidden.txt", "assets/app.js", "main.html"]
    assert jinja2.Environment(loader=loader).get_template("main.html").render() == "<svg/>"


def test_every_environment_of_the_theme_reuses_compiled_templates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = MemoryBytecodeCache()
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path))
    reuse_theme_work(config.theme, cache)
    first = config.theme.get_env()
    assert isinstance(first.loader, VisibleTemplateLoader)
    first.get_template("partials/language.html")
    # MkDocs makes a new Theme, and new environments, for each rebuild.
    again = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path))
    reuse_theme_work(again.theme, cache)
    second = again.theme.get_env()
    monkeypatch.setattr(second, "compile", lambda *a, **k: pytest.fail("compiled again"))
    assert (
        second.get_template("partials/language.html").filename
        == first.get_template("partials/language.html").filename
    )


def test_compiled_templates_are_reused_until_their_source_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache = MemoryBytecodeCache()
    sources = {"page.html": "Hello {{ name }}"}

    def environment() -> jinja2.Environment:
        return jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=cache)

    assert environment().get_template("page.html").render(name="A") == "Hello A"
    second = environment()
    monkeypatch.setattr(second, "compile", lambda *a, **k: pytest.fail("compiled again"))
    assert second.get_template("page.html").render(name="B") == "Hello B"
    sources["page.html"] = "Goodbye {{ name }}"
    assert environment().get_template("page.html").render(name="C") == "Goodbye C"


def test_mkdocs_and_material_ask_the_theme_for_each_environment() -> None:
    """Pins what reuse_theme_work relies on in MkDocs 1.6.1 and mkdocs-material 9.8.1: the
    build and Material's search plugin get their environments from `config.theme.get_env()`,
    an attribute of the Theme that a patch on the instance replaces, and MkDocs' loader is a
    plain FileSystemLoader."""
    assert "config.theme.get_env()" in inspect.getsource(mkdocs.commands.build.build)
    assert "config.theme.get_env()" in inspect.getsource(SearchPlugin._translate)
    assert list(inspect.signature(Theme.get_env).parameters) == ["self"]
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert type(config.theme.get_env().loader) is jinja2.FileSystemLoader


def test_another_loader_is_left_alone_and_the_preview_says_so_once(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(theme_cache, "_declined", [])
    loader = jinja2.DictLoader({})
    theme = SimpleNamespace(get_env=lambda: jinja2.Environment(loader=loader))
    reuse_theme_work(cast(Theme, theme), MemoryBytecodeCache())
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.casebook"):
        assert theme.get_env().loader is loader
        assert theme.get_env().loader is loader
    assert [r.getMessage() for r in caplog.records] == [
        "Casebook: the theme's template loader is a DictLoader, not the jinja2.FileSystemLoader "
        "of MkDocs 1.6.1; previews list the theme's files in full on every rebuild"
    ]
