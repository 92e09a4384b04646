"""Theme work a preview rebuild does not need to repeat: listing Material's icons and compiling
templates.

MkDocs makes a new Jinja environment from the theme several times per build (for the pages, and
for the search plugin's translations), and lists every file of the theme to find the static
files to copy. At 1,000 cases these took about a seventh of each `mkdocs serve --dirty`
rebuild, whatever was edited.
"""

from __future__ import annotations

import logging
import os

import jinja2
from mkdocs.theme import Theme

log = logging.getLogger("mkdocs.plugins.casebook")
# The loader met in place of MkDocs' own, once named in the log.
_declined: list[str] = []


class VisibleTemplateLoader(jinja2.FileSystemLoader):
    """A theme loader whose listing leaves out hidden folders.

    The listing is only used by MkDocs to find the theme's static files, and MkDocs drops every
    path in a hidden folder from it; mkdocs-material keeps 14,000 icons in `.icons/`, and
    walking and filtering them took 0.07-0.09 s of every rebuild. Templates in hidden folders
    still load by name, as Material's icon includes do.
    """

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for searchpath in self.searchpath:
            for dirpath, dirnames, filenames in os.walk(searchpath, followlinks=self.followlinks):
                dirnames[:] = [name for name in dirnames if not name.startswith(".")]
                for filename in filenames:
                    relative = os.path.relpath(os.path.join(dirpath, filename), searchpath)
                    found.add(relative.replace(os.path.sep, "/"))
        return sorted(found)


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled theme templates kept across rebuilds: compiling Material's templates again takes
    a few tenths of a second. Jinja checks each template's source checksum, so an edited
    override is compiled afresh."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


def reuse_theme_work(theme: Theme, cache: jinja2.BytecodeCache) -> None:
    """Give every environment made from `theme` (MkDocs' Theme of this build) the quick listing
    and the kept compiled templates. MkDocs reloads the configuration, and so makes a new
    Theme, for every rebuild; this must run before the first plugin asks for an environment.

    Relies on MkDocs 1.6.1 and mkdocs-material 9.8.1 asking `config.theme.get_env()` for every
    environment, and on MkDocs making its loader a plain jinja2.FileSystemLoader;
    tests/casebook_mkdocs/test_theme_cache.py pins both. Another loader is left as it is (the
    listing is then the slow one), and the preview says so once."""
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env: jinja2.Environment = make_env()
        loader = env.loader
        if type(loader) is jinja2.FileSystemLoader:
            env.loader = VisibleTemplateLoader(
                loader.searchpath, encoding=loader.encoding, followlinks=loader.followlinks
            )
        elif not _declined:
            _declined.append(type(loader).__name__)
            log.info(
                f"Casebook: the theme's template loader is a {type(loader).__name__}, not the "
                "jinja2.FileSystemLoader of MkDocs 1.6.1; previews list the theme's files in "
                "full on every rebuild"
            )
        env.bytecode_cache = cache
        return env

    # The one patch: this build's Theme hands out environments made here.
    theme.get_env = get_env  # type: ignore[method-assign]
