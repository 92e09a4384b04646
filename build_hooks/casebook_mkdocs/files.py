"""Fast previews under `mkdocs serve --dirty`: rebuild only the pages whose Markdown changed.

MkDocs' dirty build skips a file when it says it is not modified, but treats every generated
file as modified. Here a generated page is modified when its text differs from the previous
build's, and a figure when its re-encoded file does. Pages that list other pages (the tag
index) cannot be rebuilt alone, so when the list of cases or their tags change, or mkdocs.yml
does, every page is rebuilt.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel


class Tracked(File):
    """A generated file that knows whether it changed since the previous build.

    MkDocs 1.6.1's dirty build asks each file `is_modified()` before it reads, renders or copies
    it, and `File.generated` is a classmethod that makes an instance of the class it is called
    on; tests/casebook_mkdocs/test_files.py pins both.
    """

    changed = True

    def is_modified(self) -> bool:
        return self.changed or not os.path.isfile(self.abs_dest_path)


def _tracked(file: File) -> Tracked:
    if not isinstance(file, Tracked):
        raise PluginError(
            "this MkDocs' File.generated no longer makes the class it is called on, which "
            "Casebook's --dirty previews rely on (as MkDocs 1.6.1 does); preview without "
            "--dirty, or install the MkDocs version in requirements.lock"
        )
    return file


class BuildTracker:
    """What the previous successful build wrote, to tell which files need writing again."""

    def __init__(self) -> None:
        self._generated: dict[str, str | bytes] = {}
        self._copies: dict[str, Tracked] = {}
        self._context: str | None = None
        self._pending: tuple[dict[str, str | bytes], dict[str, Tracked], str] | None = None
        self.rebuilding_all = True
        self.late: list[Tracked] = []
        """This build's files that are written only after its pages (see `files`)."""

    def files(
        self,
        config: MkDocsConfig,
        *,
        pages: Mapping[str, str],
        copies: Mapping[str, str],
        contents: Mapping[str, bytes] | None = None,
        late: Mapping[str, str] | None = None,
        context: str,
    ) -> list[Tracked]:
        """Files for `pages` (site path -> Markdown), `copies` (site path -> a file whose name
        changes with its content, as in the image cache), `contents` (site path -> bytes of
        a small generated file, such as the feed) and `late` copies, whose files are made
        while MkDocs builds the pages: excluded, so that MkDocs does not copy them before
        (links to them still resolve); `copy_late` copies them at the end."""
        self.rebuilding_all = context != self._context
        generated: dict[str, str | bytes] = {**pages, **(contents or {})}
        files = []
        for uri, content in generated.items():
            file = _tracked(Tracked.generated(config, uri, content=content))
            file.changed = self.rebuilding_all or self._generated.get(uri) != content
            files.append(file)
        # Copies are reused as they are: making thousands of File objects costs a tenth of a
        # second.
        copied: dict[str, Tracked] = {}
        for uri, path in [*copies.items(), *(late or {}).items()]:
            copy = self._copies.get(uri)
            if copy is not None and copy.abs_src_path == path and copy.dest_dir == config.site_dir:
                copy.changed = False
            else:
                copy = _tracked(Tracked.generated(config, uri, abs_src_path=path))
            copied[uri] = copy
        self.late = [copied[uri] for uri in late or {}]
        for copy in self.late:
            copy.inclusion = InclusionLevel.EXCLUDED
        files.extend(copied.values())
        self._pending = (generated, copied, context)
        return files

    def copy_late(self, *, dirty: bool) -> None:
        """Copy the late files into the site, as MkDocs copies the others."""
        for copy in self.late:
            copy.copy_file(dirty)

    def succeeded(self) -> None:
        if self._pending is not None:
            self._generated, self._copies, self._context = self._pending
        self._pending = None

    def failed(self) -> None:
        """A build that failed after choosing its files may have written any of them: rebuild
        all next time. One that failed before (invalid case data, saved mid-edit) wrote nothing,
        and the next save should still rebuild one page, not a thousand."""
        if self._pending is not None:
            self._generated, self._copies, self._context = {}, {}, None
        self._pending = None


def site_context(config: MkDocsConfig, listings: Iterable[tuple[str, Iterable[str]]]) -> str:
    """Digest of what every page's HTML depends on besides its own Markdown: the configuration,
    the theme overrides every page is rendered with, and, through the tag index, each case's
    tags."""
    hasher = hashlib.sha256()
    if config.config_file_path:
        hasher.update(Path(config.config_file_path).read_bytes())
    custom_dir = getattr(getattr(config, "theme", None), "custom_dir", None)
    if custom_dir and os.path.isdir(custom_dir):
        for path in sorted(Path(custom_dir).rglob("*")):
            if path.is_file():
                hasher.update(f"{path.relative_to(custom_dir).as_posix()}\0".encode())
                hasher.update(hashlib.sha256(path.read_bytes()).digest())
    for uri, tags in listings:
        hasher.update(f"{uri}\0{'|'.join(tags)}\0".encode())
    return hasher.hexdigest()


def expire_static_pages(files: Files) -> None:
    """Make MkDocs' dirty build rebuild the pages written by hand in docs/ as well: it rebuilds
    a page whose output is missing."""
    for file in files.documentation_pages():
        if not isinstance(file, Tracked) and os.path.isfile(file.abs_dest_path):
            os.remove(file.abs_dest_path)
