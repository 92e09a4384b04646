"""The local backend answers Decap's proxy protocol over the case folder, and nothing else."""

from __future__ import annotations

import base64
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from casebook.editor import make_server

from ..support.project import copy_project
from ..support.sites import free_port

CASE = "case_data/ppp-ad-baricitinib/case.yaml"


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    project = copy_project(tmp_path / "project")
    server = make_server(project, port=free_port())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield project, f"http://127.0.0.1:{server.server_address[1]}/api/v1"
    finally:
        server.shutdown()
        server.server_close()


def call(url: str, action: str, origin: str = "http://127.0.0.1:8000", **params: Any) -> Any:
    body = json.dumps({"action": action, "params": {"branch": "main", **params}}).encode()
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json", "Origin": origin}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return {"status": exc.code, **json.loads(exc.read())}


def test_lists_the_cases(backend: tuple[Path, str]) -> None:
    _, url = backend
    entries = call(url, "entriesByFolder", folder="case_data", extension="yaml", depth=2)
    assert [e["file"]["path"] for e in entries] == [CASE]
    assert entries[0]["data"].startswith("# yaml-language-server:")


def test_persisting_merges_into_the_file_and_writes_the_figure(backend: tuple[Path, str]) -> None:
    project, url = backend
    path = project / CASE
    raw = path.read_text(encoding="utf-8").replace("  age: 20\n", "  age: 21\n")
    # Decap's own YAML has no comments: the file's must survive anyway.
    raw = "\n".join(line for line in raw.splitlines() if not line.lstrip().startswith("#"))
    figure = "case_data/ppp-ad-baricitinib/figures/new.png"
    result = call(
        url,
        "persistEntry",
        dataFiles=[{"slug": "ppp-ad-baricitinib", "path": CASE, "raw": raw}],
        assets=[
            {"path": figure, "content": base64.b64encode(b"png").decode(), "encoding": "base64"}
        ],
        options={
            "commitMessage": "edit",
            "useWorkflow": False,
            "status": "",
            "hasSubfolders": True,
        },
    )
    assert result == {"message": "entry persisted"}
    text = path.read_text(encoding="utf-8")
    assert "  age: 21\n" in text and "# Example case." in text
    assert (project / figure).read_bytes() == b"png"


def test_files_outside_the_case_folder_are_refused(backend: tuple[Path, str]) -> None:
    _, url = backend
    assert call(url, "getEntry", path="mkdocs.yml") == {
        "status": 422,
        "error": "mkdocs.yml: only files under case_data/ are edited",
    }
    assert call(url, "getEntry", path="case_data/../mkdocs.yml")["status"] == 422


def test_pages_of_other_sites_may_not_call_it(backend: tuple[Path, str]) -> None:
    _, url = backend
    assert call(url, "info", origin="https://example.org") == {
        "status": 403,
        "error": "not allowed",
    }
    assert call(url, "info")["type"] == "local_fs"
