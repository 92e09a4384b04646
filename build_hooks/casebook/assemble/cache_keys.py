"""What each build-cache entry is keyed by, and why: a case's output and a figure's verdict.

A key names everything its value was made from, so an entry that is out of date is never read,
only replaced. A case's output is made from:

- the core (its code, templates and data, and the versions of the libraries it runs on), as
  `core_fingerprint()` digests it;
- the site settings: every page shows some of them (all but those in NOT_IN_KEYS, which
  change no output);
- where the case folders are: as an absolute path, and as messages show it (relative to the
  project), since the warnings kept with the output name their file;
- the case folder's name and everything in it, as `BuildCache.tree_digest` reads it (names,
  kinds, link counts and targets, bytes), and nothing outside it. Modification times are not
  part of it: a checkout or a copy that changes them changes no page.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from casebook.checks import ContentCheck
from casebook.findings import Finding
from casebook.load import display_path
from casebook.models import SiteSettings
from casebook.publish import BuildCache

_CHECKS = "image-checks"
NOT_IN_KEYS = frozenset({"cache_keep_builds"})
"""Settings that change what the cache keeps, never what a build makes from it."""


@dataclass(frozen=True)
class CaseKeys:
    """The keys of every case's output in one build: the parts the cases share, computed once."""

    variant: str
    """The settings and the case folders' location: one cache entry per case and variant."""
    common: str
    """The variant, the core's fingerprint and the case folders as messages show them."""

    @classmethod
    def for_build(
        cls, case_root: Path, *, project_root: Path, settings: SiteSettings, fingerprint: str
    ) -> CaseKeys:
        site = json.dumps(
            settings.model_dump(exclude=set(NOT_IN_KEYS)), sort_keys=True, default=str
        )
        variant = _hash(site, str(case_root))[:16]
        return cls(variant, _hash(fingerprint, variant, display_path(case_root, project_root)))

    def entry(self, folder: Path) -> str:
        """The name of the case's cache entry. One entry per case and variant: `casebook
        render`, `mkdocs build` and `mkdocs serve` (whose site_url differs) must not keep
        replacing each other's; a new core replaces the entry, it does not add one."""
        return f"{folder.name}.{self.variant}"

    def key(self, cache: BuildCache, folder: Path) -> str | None:
        """The key of the case's output now; None when the folder cannot be read."""
        tree = cache.tree_digest(folder)
        return None if tree is None else _hash(self.common, folder.name, tree)

    def remembered_key(
        self, cache: BuildCache, folder: Path, *, changed: Collection[str] | None
    ) -> str | None:
        """The folder's key, read again unless the watcher saw nothing change in it (`changed`:
        the names of the folders it saw change, None when not known): digesting a thousand
        folders took a third of Casebook's part of each preview rebuild."""
        name = os.fspath(folder)
        if changed is not None and folder.name not in changed:
            remembered = cache.folder_keys.get(name)
            if remembered is not None and remembered[0] == self.common:
                return remembered[1]
        key = self.key(cache, folder)
        if key is None:
            cache.folder_keys.pop(name, None)
        else:
            cache.folder_keys[name] = (self.common, key)
        return key


def remembered_checks(
    cache: BuildCache, *, fingerprint: str, used: list[str] | None = None
) -> ContentCheck:
    """Decoding an image to check it is the slow part of loading; remember the verdict for the
    same bytes, so editing a case's text does not decode its figures again. The verdict is
    keyed by the file's bytes, what else the check says it depends on (the path as written,
    the case folder, the pixel limit) and the core; not by the case or the panel, so a
    verdict holds findings about the file value alone (check_figure_file). `used` collects
    the cache entries of the verdicts, so that the case's output can keep them in use."""

    def remembered(path: Path, context: str, check: Callable[[], list[Finding]]) -> list[Finding]:
        try:
            digest = cache.file_digest(path)
        except OSError:
            return check()
        name = _hash(digest, context)
        if used is not None:
            used.append(f"{_CHECKS}/{name}.json")
        verdict = cache.get(_CHECKS, name, key=fingerprint, type_=list[Finding])
        if verdict is None:
            verdict = check()
            cache.put(_CHECKS, name, verdict, key=fingerprint)
        return verdict

    return remembered


def _hash(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()
