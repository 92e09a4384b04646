"""The editor's local backend: Decap CMS's proxy protocol (as decap-server speaks it) over the
case folder, saving each case through the merge that keeps comments, order and unknown keys."""

from __future__ import annotations

import base64
import hashlib
import http.server
import json
import os
import re
import threading
from pathlib import Path
from typing import Any

from casebook.editor.form_spec import case_form
from casebook.editor.form_text import form_text
from casebook.editor.merge import MergeError, merge_case
from casebook.source import load_yaml_text

API_PATH = "/api/v1"
# Only pages of this machine may call it: the backend writes files.
_LOCAL_ORIGIN = re.compile(r"^https?://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$")
_MEDIA_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".tif", ".tiff", ".svg"}


class BackendError(Exception):
    """A request the backend refuses; the message goes to the editor."""


class LocalBackend:
    """Answers the proxy protocol's actions for files under `project_root/case_dir` only."""

    def __init__(self, project_root: Path, *, case_dir: str = "case_data") -> None:
        self.root = project_root.resolve()
        self.case_root = (self.root / case_dir).resolve()
        self.form = case_form()
        self._lock = threading.Lock()

    def handle(self, action: str, params: dict[str, Any]) -> Any:
        if action == "info":
            return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}
        if action == "entriesByFolder":
            folder = self._path(params["folder"])
            files = _list_files(folder, str(params["extension"]), int(params["depth"]))
            return [self._entry(p) for p in files]
        if action == "entriesByFiles":
            return [self._entry(self._path(f["path"])) for f in params["files"]]
        if action == "getEntry":
            return self._entry(self._path(params["path"]))
        if action == "persistEntry":
            return self._persist(params)
        if action == "getMedia":
            folder = self._path(params["mediaFolder"])
            return [self._media(p) for p in _list_files(folder, "", 1)]
        if action == "getMediaFile":
            return self._media(self._path(params["path"]))
        if action == "persistMedia":
            asset = params["asset"]
            path = self._write_asset(asset)
            return self._media(path)
        if action in ("deleteFile", "deleteFiles"):
            paths = params.get("paths") or [params["path"]]
            for relative in paths:
                self._path(relative).unlink(missing_ok=True)
            return {"message": f"deleted {', '.join(paths)}"}
        if action == "getDeployPreview":
            return None
        raise BackendError(f"unknown action {action!r}")

    def _path(self, relative: str) -> Path:
        """A path from the editor, refused unless it stays inside the case folder."""
        path = (self.root / relative).resolve()
        if path != self.case_root and self.case_root not in path.parents:
            raise BackendError(f"{relative}: only files under {self.case_root.name}/ are edited")
        return path

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def _entry(self, path: Path) -> dict[str, Any]:
        try:
            data = path.read_bytes()
        except OSError:
            return {"data": None, "file": {"path": self._relative(path), "id": None}}
        file = {"path": self._relative(path), "id": hashlib.sha256(data).hexdigest()}
        text = data.decode("utf-8")
        return {
            "data": form_text(text, self.form) if path.suffix == ".yaml" else text,
            "file": file,
        }

    def _media(self, path: Path) -> dict[str, Any]:
        data = path.read_bytes()
        return {
            "id": hashlib.sha256(data).hexdigest(),
            "content": base64.b64encode(data).decode("ascii"),
            "encoding": "base64",
            "path": self._relative(path),
            "name": path.name,
        }

    def _persist(self, params: dict[str, Any]) -> dict[str, str]:
        files = params.get("dataFiles") or [params["entry"]]
        with self._lock:
            for asset in params.get("assets", []):
                self._write_asset(asset)
            for file in files:
                if file.get("newPath"):
                    raise BackendError("moving a case is not supported: rename its folder")
                self._save_case(self._path(file["path"]), str(file["raw"]))
        return {"message": "entry persisted"}

    def _save_case(self, path: Path, raw: str) -> None:
        loaded = load_yaml_text(raw, display=self._relative(path))
        if loaded.diagnostics:
            raise BackendError("; ".join(d.format() for d in loaded.diagnostics))
        existing = path.read_text(encoding="utf-8") if path.exists() else None
        try:
            text = merge_case(existing, loaded.data, self.form)
        except MergeError as exc:
            raise BackendError(f"{self._relative(path)}: not saved: {exc}") from None
        _write_atomically(path, text.encode("utf-8"))

    def _write_asset(self, asset: dict[str, Any]) -> Path:
        path = self._path(asset["path"])
        if path.suffix.lower() not in _MEDIA_SUFFIXES:
            raise BackendError(f"{asset['path']}: figures must be image files")
        _write_atomically(path, base64.b64decode(asset["content"]))
        return path


def _list_files(folder: Path, extension: str, depth: int) -> list[Path]:
    if depth <= 0 or not folder.is_dir():
        return []
    found: list[Path] = []
    for child in sorted(folder.iterdir()):
        if child.is_dir():
            found += _list_files(child, extension, depth - 1)
        elif child.name.endswith(extension):
            found.append(child)
    return found


def _write_atomically(path: Path, data: bytes) -> None:
    # The preview watches case_data/: it must never read a half-written file.
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.saving")
    temporary.write_bytes(data)
    os.replace(temporary, path)


class _Handler(http.server.BaseHTTPRequestHandler):
    backend: LocalBackend

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _cors(self) -> None:
        origin = self.headers.get("Origin", "")
        if _LOCAL_ORIGIN.match(origin):
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Access-Control-Allow-Headers", "Content-Type")
            self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        self._cors()
        self.end_headers()

    def do_POST(self) -> None:
        origin = self.headers.get("Origin")
        if self.path != API_PATH or (origin is not None and not _LOCAL_ORIGIN.match(origin)):
            self._reply(403, {"error": "not allowed"})
            return
        try:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            result = self.backend.handle(str(body["action"]), body.get("params") or {})
        except BackendError as exc:
            self._reply(422, {"error": str(exc)})
            return
        except (KeyError, ValueError, TypeError, OSError) as exc:
            self._reply(500, {"error": f"{type(exc).__name__}: {exc}"})
            return
        self._reply(200, result)

    def _reply(self, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self._cors()
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def make_server(
    project_root: Path, *, case_dir: str = "case_data", host: str = "127.0.0.1", port: int = 8081
) -> http.server.ThreadingHTTPServer:
    """The backend on `host:port`, not yet serving (call serve_forever)."""
    handler = type(
        "Handler", (_Handler,), {"backend": LocalBackend(project_root, case_dir=case_dir)}
    )
    return http.server.ThreadingHTTPServer((host, port), handler)
