"""Theme work kept across preview rebuilds: the quick theme listing and compiled templates."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from casebook_mkdocs.theme_cache import MemoryBytecodeCache, VisibleTemplateLoader, reuse_theme_work
from mkdocs.config import load_config
from mkdocs.structure.files import Files

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
