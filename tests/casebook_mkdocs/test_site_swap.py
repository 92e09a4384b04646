"""The staged site of `mkdocs build`: swapped in when good, dropped on a failed check."""

from __future__ import annotations

import errno
import inspect
import logging
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import casebook.api
import mkdocs.__main__
import mkdocs.commands.build
import pytest
from casebook_mkdocs.core import Core
from casebook_mkdocs.site_swap import SiteSwap
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from PIL import Image

CORE = cast(Core, casebook.api)


def staged(tmp_path: Path, *, strict: bool = False) -> tuple[SiteSwap, MkDocsConfig, Path]:
    """A swap begun for a site in tmp_path/site that already holds a page."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    (tmp_path / "mkdocs.yml").write_text("")
    config = SimpleNamespace(
        site_dir=str(site), config_file_path=str(tmp_path / "mkdocs.yml"), strict=strict
    )
    swap = SiteSwap()
    swap.begin(cast(MkDocsConfig, config), CORE)
    staging = Path(config.site_dir)
    assert staging != site
    staging.mkdir()
    (staging / "new.html").write_text("new")
    return swap, cast(MkDocsConfig, config), site


def test_a_checked_build_replaces_the_site(tmp_path: Path) -> None:
    swap, config, site = staged(tmp_path)
    swap.check()
    swap.close()
    assert config.site_dir == str(site)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml", "site"]
    assert [p.name for p in site.iterdir()] == ["new.html"]


def test_a_strict_warning_keeps_the_old_site(tmp_path: Path) -> None:
    swap, _, site = staged(tmp_path, strict=True)
    swap.check()
    logging.getLogger("mkdocs.plugins.casebook").warning("a warning --strict counts")
    swap.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml", "site"]
    assert [p.name for p in site.iterdir()] == ["old.html"]


def test_an_image_with_metadata_fails_the_check_and_keeps_the_old_site(tmp_path: Path) -> None:
    swap, config, site = staged(tmp_path)
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    Image.new("RGB", (8, 8), "red").save(Path(config.site_dir) / "photo.jpg", exif=exif)
    with pytest.raises(PluginError) as raised:
        swap.check()
    assert str(raised.value) == "published images still carry metadata:\nphoto.jpg: EXIF data"
    swap.close()
    assert [p.name for p in site.iterdir()] == ["old.html"]


def test_mkdocs_shuts_down_after_the_build_and_before_gh_deploy_reads_the_site() -> None:
    """Pins what SiteSwap relies on in MkDocs 1.6.1: `build` and `gh-deploy` run on_shutdown
    once the build has returned or raised, gh-deploy before it pushes the site folder, and
    --strict counts the warnings of the `mkdocs` logger."""
    steps = ["build.build(cfg", "finally:", "cfg.plugins.on_shutdown()"]
    for command, more in (
        (mkdocs.__main__.build_command, []),
        (mkdocs.__main__.gh_deploy_command, ["gh_deploy.gh_deploy("]),
    ):
        assert command.callback is not None
        body = inspect.getsource(command.callback)
        found = [body.find(step) for step in steps + more]
        assert -1 not in found and found == sorted(found), command.name
    build = inspect.getsource(mkdocs.commands.build.build)
    assert "logging.getLogger('mkdocs').addHandler(warning_counter)" in build


def test_a_full_disk_ends_in_one_line_and_keeps_the_old_site(tmp_path: Path) -> None:
    swap, _, site = staged(tmp_path)
    with pytest.raises(Abort) as raised:
        swap.failed(OSError(errno.ENOSPC, "No space left on device"))
    assert str(raised.value) == (
        f"Aborted: could not write the site to {site}: the disk is full: free some space on it "
        "and build again; the last good site is kept"
    )
    swap.close()  # MkDocs runs on_shutdown after the error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml", "site"]
    assert [p.name for p in site.iterdir()] == ["old.html"]


def test_other_errors_are_left_to_mkdocs(tmp_path: Path) -> None:
    swap, _, _ = staged(tmp_path)
    swap.failed(ValueError("not about the disk"))
    swap.close()
