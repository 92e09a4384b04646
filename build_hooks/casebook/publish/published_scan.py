"""The last check of a build: no image anywhere in the finished site carries metadata.

A thousand cases publish thousands of images, and decoding every one of them on every build
took longer than all the rest of Casebook's work (find_metadata now reads PNG and JPEG files
without decoding them, but still reads every byte). Each image is judged by its own bytes: the
verdict is kept in the build cache under the hash of those bytes, so identical content is
judged once, and anything new or changed (a figure copied by hand into docs/, a file a plugin
wrote) is always judged.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from casebook.publish.build_cache import CACHE_DIR, BuildCache, core_fingerprint
from casebook.publish.images import PUBLISHED_SUFFIXES, find_metadata

_KIND = "published-image-checks"


def find_metadata_in_site(
    folder: Path, *, project_root: Path | None = None
) -> dict[str, list[str]]:
    """Map each image under `folder` that carries metadata (as a relative POSIX path) to what
    it carries; empty when every image holds pixels only. Verdicts are kept in the build cache
    of `project_root`, if given."""
    cache = BuildCache.shared(project_root / CACHE_DIR) if project_root is not None else None
    key = core_fingerprint()
    known = _stored_verdicts(cache, key) if cache is not None else {}
    # Only this build's verdicts are kept, so the table does not grow with every edit.
    verdicts: dict[str, list[str]] = {}
    leaks: dict[str, list[str]] = {}
    for path in _images(folder):
        with open(path, "rb") as handle:
            data = handle.read()
        digest = hashlib.sha256(data).hexdigest()
        found = verdicts.get(digest)
        if found is None:
            found = known.get(digest)
        if found is None:
            found = find_metadata(data)
        verdicts[digest] = found
        if found:
            leaks[Path(path).relative_to(folder).as_posix()] = found
    if cache is not None:
        if verdicts != known:
            cache.put(_KIND, "verdicts", verdicts, key=key, remember=False)
        cache.save()  # the last step of a build: what it used of the cache is recorded
    return leaks


def judge_ahead(paths: Iterable[Path], *, project_root: Path) -> None:
    """Judge images that the coming build will publish and keep the verdicts where
    find_metadata_in_site looks first: by the hash of their bytes, with the same check. Used by
    the process that made them (casebook.assemble.prefill), so that the build's own process does not
    decode thousands of new figures at the end, when its memory is at its highest."""
    cache = BuildCache.shared(project_root / CACHE_DIR)
    key = core_fingerprint()
    known = _stored_verdicts(cache, key)
    added = False
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            continue  # the scan will find out
        digest = hashlib.sha256(data).hexdigest()
        if digest not in known:
            known[digest] = find_metadata(data)
            added = True
    if added:
        cache.put(_KIND, "verdicts", known, key=key, remember=False)


def _stored_verdicts(cache: BuildCache, key: str) -> dict[str, list[str]]:
    # Read from disk each time: the process that judged ahead wrote there, not in this one.
    stored = cache.get(_KIND, "verdicts", key=key, type_=dict[str, list[str]], remember=False)
    return stored if stored is not None else {}


def _images(folder: Path) -> Iterator[str]:
    for directory, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(directory, name)
            if name.lower().endswith(PUBLISHED_SUFFIXES) and os.path.isfile(path):
                yield path
