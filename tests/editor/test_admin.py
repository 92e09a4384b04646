"""admin/ of the site: only in the preview with the local backend, or when the settings ask."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from casebook.editor import admin_files
from casebook.errors import SettingsError
from casebook.models import EditorSettings

from ..support.project import ROOT


def test_no_editor_unless_asked_for() -> None:
    files = admin_files(ROOT, case_dir="case_data", title="T", backend_url=None, published=None)
    assert files.contents == {} and files.copies == {}


def test_the_preview_editor_uses_the_local_backend() -> None:
    url = "http://127.0.0.1:9999/api/v1"
    files = admin_files(ROOT, case_dir="case_data", title="T", backend_url=url, published=None)
    config = yaml.safe_load(files.contents["admin/config.yml"])
    assert config["backend"] == {"name": "proxy", "proxy_url": url, "branch": "main"}
    assert 'src="decap-cms.js"' in files.contents["admin/editor.htm"]
    assert files.copies["admin/decap-cms.js"] == ROOT / "node_modules/decap-cms/dist/decap-cms.js"
    assert all(not uri.endswith(".map") for uri in files.copies)


def test_the_published_editor_uses_github_and_says_comments_are_dropped() -> None:
    editor = EditorSettings(repo="someone/casebook", base_url="https://auth.example.org")
    files = admin_files(ROOT, case_dir="cases", title="T", backend_url=None, published=editor)
    config = yaml.safe_load(files.contents["admin/config.yml"])
    assert config["backend"] == {
        "name": "github",
        "repo": "someone/casebook",
        "branch": "main",
        "base_url": "https://auth.example.org",
    }
    assert config["collections"][0]["folder"] == "cases"
    assert "its comments are dropped" in config["collections"][0]["description"]


def test_a_missing_bundle_says_how_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as caught:
        admin_files(tmp_path, case_dir="case_data", title="T", backend_url="u", published=None)
    assert caught.value.heading == "the case editor is not installed"
    assert str(caught.value).splitlines()[0] == (
        "package.json: decap-cms: the case editor's JavaScript is missing "
        "(node_modules/decap-cms/dist/) (run ./dev.sh edit, or npm ci, which installs it from "
        "package-lock.json)"
    )
