"""Dirty rebuilds under `mkdocs serve --dirty`: which generated files count as modified."""

from __future__ import annotations

import inspect
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import mkdocs.commands.build
import pytest
from casebook_mkdocs.files import BuildTracker, Tracked, expire_static_pages, site_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel


def config(site_dir: Path, **extra: Any) -> MkDocsConfig:
    plugins = SimpleNamespace(_current_plugin="casebook", **extra)
    stub = SimpleNamespace(site_dir=str(site_dir), use_directory_urls=True, plugins=plugins)
    return cast(MkDocsConfig, stub)


def written(files: list[Tracked]) -> list[Tracked]:
    """Files MkDocs would write in a dirty build; writes them, as MkDocs would."""
    modified = [f for f in files if f.is_modified()]
    for file in modified:
        Path(file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
        Path(file.abs_dest_path).write_text("built")
    return modified


def uris(files: list[Tracked]) -> list[str]:
    return [f.src_uri for f in files]


def test_only_pages_whose_text_changed_are_rebuilt(tmp_path: Path) -> None:
    cfg = config(tmp_path / "site")
    tracker = BuildTracker()
    pages = {"index.md": "home", "cases/a/index.md": "A", "cases/b/index.md": "B"}
    assert uris(written(tracker.files(cfg, pages=pages, copies={}, context="c"))) == list(pages)
    tracker.succeeded()
    assert written(tracker.files(cfg, pages=pages, copies={}, context="c")) == []
    tracker.succeeded()
    changed = {**pages, "cases/b/index.md": "B, edited"}
    assert uris(written(tracker.files(cfg, pages=changed, copies={}, context="c"))) == [
        "cases/b/index.md"
    ]
    assert not tracker.rebuilding_all


def test_new_context_or_failed_build_rebuilds_everything(tmp_path: Path) -> None:
    cfg = config(tmp_path / "site")
    tracker = BuildTracker()
    pages = {"index.md": "home", "cases/a/index.md": "A"}
    written(tracker.files(cfg, pages=pages, copies={}, context="c"))
    tracker.succeeded()
    assert len(written(tracker.files(cfg, pages=pages, copies={}, context="tags changed"))) == 2
    assert tracker.rebuilding_all
    tracker.succeeded()
    tracker.files(cfg, pages={**pages, "index.md": "new home"}, copies={}, context="tags changed")
    tracker.failed()
    assert len(written(tracker.files(cfg, pages=pages, copies={}, context="tags changed"))) == 2


def test_build_that_failed_before_choosing_files_changes_nothing(tmp_path: Path) -> None:
    # Invalid case data stops the build in on_config, before any file is chosen or written.
    cfg = config(tmp_path / "site")
    tracker = BuildTracker()
    pages = {"index.md": "home", "cases/a/index.md": "A"}
    written(tracker.files(cfg, pages=pages, copies={}, context="c"))
    tracker.succeeded()
    tracker.failed()
    changed = {**pages, "cases/a/index.md": "A, fixed"}
    assert uris(written(tracker.files(cfg, pages=changed, copies={}, context="c"))) == [
        "cases/a/index.md"
    ]


def test_unfinished_build_is_compared_with_the_last_finished_one(tmp_path: Path) -> None:
    cfg = config(tmp_path / "site")
    tracker = BuildTracker()
    written(tracker.files(cfg, pages={"a.md": "A"}, copies={}, context="c"))
    tracker.succeeded()
    tracker.files(cfg, pages={"a.md": "A2"}, copies={}, context="c")  # aborted: never written
    assert uris(written(tracker.files(cfg, pages={"a.md": "A2"}, copies={}, context="c"))) == [
        "a.md"
    ]


def test_copies_are_reused_until_their_source_changes(tmp_path: Path) -> None:
    cfg = config(tmp_path / "site")
    tracker = BuildTracker()
    copies = {"cases/a/figures/x.png": str(tmp_path / "aaa-encoder1")}
    first = tracker.files(cfg, pages={}, copies=copies, context="c")
    written(first)
    tracker.succeeded()
    second = tracker.files(cfg, pages={}, copies=copies, context="c")
    assert second[0] is first[0]
    assert written(second) == []
    tracker.succeeded()
    third = tracker.files(
        cfg, pages={}, copies={"cases/a/figures/x.png": str(tmp_path / "bbb-encoder1")}, context="c"
    )
    assert uris(written(third)) == ["cases/a/figures/x.png"]


def test_generated_files_are_written_again_only_when_their_bytes_change(tmp_path: Path) -> None:
    # Small files made in memory (the feed) are compared by their bytes, like pages by text.
    cfg = config(tmp_path / "site")
    tracker = BuildTracker()
    contents = {"cases/a/a.bib": b"@article{a}", "cases/b/b.bib": b"@article{b}"}
    first = tracker.files(cfg, pages={}, copies={}, contents=contents, context="c")
    assert uris(written(first)) == list(contents)
    tracker.succeeded()
    assert written(tracker.files(cfg, pages={}, copies={}, contents=contents, context="c")) == []
    tracker.succeeded()
    edited = {**contents, "cases/b/b.bib": b"@article{b, title={edited}}"}
    third = tracker.files(cfg, pages={}, copies={}, contents=edited, context="c")
    assert uris(written(third)) == ["cases/b/b.bib"]
    assert (
        next(f for f in third if f.src_uri == "cases/b/b.bib").content_bytes
        == edited["cases/b/b.bib"]
    )
    tracker.succeeded()
    # A download whose file went missing from the site is written again.
    Path(third[0].abs_dest_path).unlink()
    again = tracker.files(cfg, pages={}, copies={}, contents=edited, context="c")
    assert uris(written(again)) == ["cases/a/a.bib"]


def test_site_context_follows_tags_and_configuration(tmp_path: Path) -> None:
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: x\n")
    cfg = SimpleNamespace(config_file_path=str(config_file))
    base = site_context(cast(MkDocsConfig, cfg), [("cases/a/index.md", ["Psoriasis"])])
    assert base == site_context(cast(MkDocsConfig, cfg), [("cases/a/index.md", ["Psoriasis"])])
    assert base != site_context(cast(MkDocsConfig, cfg), [("cases/a/index.md", ["Eczema"])])
    assert base != site_context(cast(MkDocsConfig, cfg), [])
    config_file.write_text("site_name: y\n")
    assert base != site_context(cast(MkDocsConfig, cfg), [("cases/a/index.md", ["Psoriasis"])])


def test_site_context_follows_theme_overrides(tmp_path: Path) -> None:
    # Every page is rendered with the override templates: an edited override must rebuild all.
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: x\n")
    overrides = tmp_path / "overrides" / "partials"
    overrides.mkdir(parents=True)
    (overrides / "footer.html").write_text("<footer>one</footer>")
    theme = SimpleNamespace(custom_dir=str(tmp_path / "overrides"))
    cfg = cast(MkDocsConfig, SimpleNamespace(config_file_path=str(config_file), theme=theme))
    base = site_context(cfg, [])
    assert base == site_context(cfg, [])
    (overrides / "footer.html").write_text("<footer>two</footer>")
    edited = site_context(cfg, [])
    assert edited != base
    (overrides / "header.html").write_text("<header></header>")
    assert site_context(cfg, []) != edited


def test_static_pages_expire_but_generated_ones_do_not(tmp_path: Path) -> None:
    site = tmp_path / "site"
    docs = tmp_path / "docs"
    (docs / "guide").mkdir(parents=True)
    (docs / "guide" / "index.md").write_text("# Guide")
    guide = File("guide/index.md", str(docs), str(site), True)
    generated = Tracked.generated(config(site), "cases/a/index.md", content="A")
    for file in (guide, generated):
        Path(file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
        Path(file.abs_dest_path).write_text("built")
    expire_static_pages(Files([guide, generated]))
    assert not Path(guide.abs_dest_path).exists()
    assert Path(generated.abs_dest_path).exists()


def test_mkdocs_dirty_build_asks_each_file_and_makes_the_class_asked_for(tmp_path: Path) -> None:
    """Pins what Tracked relies on in MkDocs 1.6.1: `File.generated` is a classmethod that makes
    the class it is called on, and a dirty build reads, renders and copies only the files whose
    `is_modified()` says so; a hand-written page whose output is missing is modified."""
    assert isinstance(inspect.getattr_static(File, "generated"), classmethod)
    assert type(Tracked.generated(config(tmp_path), "cases/a/index.md", content="A")) is Tracked
    build_source = inspect.getsource(mkdocs.commands.build)
    assert build_source.count("if dirty and not page.file.is_modified():") == 2
    assert "if dirty and not self.is_modified():" in inspect.getsource(File.copy_file)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide.md").write_text("# Guide")
    assert File("guide.md", str(tmp_path / "docs"), str(tmp_path / "site"), True).is_modified()


def test_a_file_generated_as_another_class_stops_the_build_with_a_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def plain(cls: type[File], /, config: MkDocsConfig, src_uri: str, **kwargs: Any) -> File:
        return File(src_uri, None, config.site_dir, config.use_directory_urls)

    monkeypatch.setattr(File, "generated", classmethod(plain))
    with pytest.raises(PluginError) as raised:
        BuildTracker().files(config(tmp_path / "site"), pages={"a.md": "A"}, copies={}, context="")
    assert str(raised.value) == (
        "this MkDocs' File.generated no longer makes the class it is called on, which "
        "Casebook's --dirty previews rely on (as MkDocs 1.6.1 does); preview without --dirty, "
        "or install the MkDocs version in requirements.lock"
    )


def test_late_files_are_left_to_copy_late_and_copied_when_changed(tmp_path: Path) -> None:
    cfg = config(tmp_path / "site")
    tracker = BuildTracker()
    pdf = tmp_path / "cache" / "a.pdf"
    late = {"cases/a/a.pdf": str(pdf)}
    files = tracker.files(cfg, pages={}, copies={}, late=late, context="c")
    # In the collection, so links to it resolve; excluded, so MkDocs copies nothing early.
    assert uris(files) == ["cases/a/a.pdf"]
    assert files[0].inclusion is InclusionLevel.EXCLUDED
    assert Files(files).documentation_pages() == []
    pdf.parent.mkdir()
    pdf.write_bytes(b"%PDF first")  # made while the pages were built
    tracker.copy_late(dirty=True)
    target = tmp_path / "site" / "cases" / "a" / "a.pdf"
    assert target.read_bytes() == b"%PDF first"
    tracker.succeeded()
    target.write_bytes(b"left as it was")
    tracker.files(cfg, pages={}, copies={}, late=late, context="c")
    tracker.copy_late(dirty=True)
    assert target.read_bytes() == b"left as it was"  # the same file: a dirty build skips it
    tracker.copy_late(dirty=False)
    assert target.read_bytes() == b"%PDF first"
