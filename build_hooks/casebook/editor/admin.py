"""The editor's pages at admin/ of the site: the page, its configuration and Decap's bundle."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import yaml

from casebook.editor.cms_config import cms_config
from casebook.errors import Diagnostic, SettingsError
from casebook.models import EditorSettings

ADMIN = "admin/"
BUNDLE = Path("node_modules") / "decap-cms" / "dist"
TEMPLATES = Path(__file__).parent / "templates"

GITHUB_NOTICE = (
    "Each case is a folder, case_data/<case-id>/, holding case.yaml and figures/; a new case's "
    "id is made from its title. Saving here commits case.yaml as Decap CMS writes it: its "
    "comments are dropped and its keys are written in the form's order. Edit a file with "
    "comments in a text editor, or with ./dev.sh edit, which keeps them."
)


class EditorSetupError(SettingsError):
    """The editor was asked for but its JavaScript is not installed."""

    @property
    def heading(self) -> str:
        return "the case editor is not installed"


@dataclass
class AdminFiles:
    """What admin/ holds: generated text by URI, and files copied from node_modules by URI."""

    contents: dict[str, str] = field(default_factory=dict)
    copies: dict[str, Path] = field(default_factory=dict)


def local_backend(url: str) -> dict[str, Any]:
    """Decap's backend section for Casebook's local backend at `url` (./dev.sh edit)."""
    return {"name": "proxy", "proxy_url": url, "branch": "main"}


def github_backend(editor: EditorSettings) -> dict[str, Any]:
    backend: dict[str, Any] = {"name": "github", "repo": editor.repo, "branch": editor.branch}
    if editor.base_url:
        backend["base_url"] = editor.base_url
    if editor.auth_endpoint:
        backend["auth_endpoint"] = editor.auth_endpoint
    return backend


def admin_files(
    project_root: Path,
    *,
    case_dir: str,
    title: str,
    backend_url: str | None,
    published: EditorSettings | None,
) -> AdminFiles:
    """The editor for the preview when `backend_url` names the local backend, or for the
    published site when the site's settings ask for it; otherwise nothing."""
    if backend_url:
        config = cms_config(case_dir=case_dir, backend_url=backend_url)
    elif published is not None:
        config = cms_config(case_dir=case_dir)
        config["backend"] = github_backend(published)
        config["collections"][0]["description"] = GITHUB_NOTICE
    else:
        return AdminFiles()
    bundle = project_root / BUNDLE
    scripts = sorted(bundle.glob("*decap-cms.js"))
    if not scripts:
        problem = Diagnostic(
            "package.json",
            0,
            0,
            "decap-cms",
            f"the case editor's JavaScript is missing ({BUNDLE.as_posix()}/)",
            "run ./dev.sh edit, or npm ci, which installs it from package-lock.json",
        )
        raise EditorSetupError([problem], file="package.json")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
    )
    version = json.loads((bundle.parent / "package.json").read_text(encoding="utf-8"))["version"]
    files = AdminFiles(
        contents={
            f"{ADMIN}index.html": env.get_template("admin.html.j2").render(title=title),
            f"{ADMIN}editor.htm": env.get_template("editor.htm.j2").render(
                title=title, version=version
            ),
            f"{ADMIN}config.yml": yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
        }
    )
    # The bundle loads its chunks from beside itself.
    files.copies = {f"{ADMIN}{script.name}": script for script in scripts}
    return files
