"""Render many cases in separate processes that fill the build cache, then exit.

Rendering a case from scratch draws its charts with matplotlib, decodes, checks and
re-encodes its figures, and formats its references. Python keeps most of the memory that
took (imported libraries, freed blocks it does not return) until the process ends: a build
that rendered 1,000 cases in its own process peaked 90 MB higher than one that read them from
the cache. So when many cases need rendering, a child process renders them into the cache
and exits, and the build reads every case from the cache as if it had been built before.

The child only fills the cache. Whatever it leaves out (a case with errors, everything if it
failed to start or crashed) the build renders itself, with the usual messages.
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from casebook.assemble.case_output import CHARTS, IMAGES, CaseOutput, build_case_outputs
from casebook.assemble.children import finish_child, shares, start_child
from casebook.assemble.pdf_jobs import is_typeset
from casebook.models import SiteSettings
from casebook.publish import CACHE_DIR, BuildCache, judge_ahead

# Not `-m casebook.assemble.prefill`: the package imports this module, so running it as
# __main__ would load it a second time.
_CHILD = "from casebook.assemble.prefill import main; raise SystemExit(main())"


def prefill_in_child(
    project_root: Path, *, settings: SiteSettings, folders: Sequence[str]
) -> list[str]:
    """Render the case `folders` into the cache in child processes, one per core the build
    may use (two at most); the keys of the PDF jobs they left for a typesetter
    (casebook.assemble.typesetting). Each writes its own cache entries (one file each, written
    atomically), so they need not wait for each other."""
    children = []
    for share in shares(folders):
        request = {
            "project_root": str(project_root),
            "settings": settings.model_dump(mode="json"),
            "folders": share,
        }
        child = start_child(_CHILD, request)
        if child is not None:
            children.append(child)
    deferred: list[str] = []
    for child in children:
        printed = finish_child(child)
        if isinstance(printed, list):
            deferred.extend(str(key) for key in printed)
    return deferred


def prefill(project_root: Path, *, settings: SiteSettings, folders: Sequence[str]) -> list[str]:
    """What the child does: render the folders into the cache, and judge the figures it
    re-encoded for the build's last check (casebook.publish.published_scan); the keys of the
    PDF jobs it left for a typesetter."""
    cache = BuildCache.shared(project_root / CACHE_DIR)
    cache.remember_values = False
    images: list[Path] = []
    deferred: list[str] = []

    frozen = False

    def keep_images(output: CaseOutput) -> None:
        nonlocal frozen
        if not frozen:
            frozen = True
            # What the first case imported and set up (matplotlib, the citation style, the
            # templates) lives as long as this process: garbage collections need not walk it
            # again for every case after it (some 7 ms a case).
            gc.freeze()
        if output.pdf is not None and not is_typeset(cache, output.pdf.key):
            deferred.append(output.pdf.key)
        images.extend(cache.root / IMAGES / name for name in output.images.values())
        # The charts' PNG copies (for the JATS package) are published images too.
        images.extend(
            cache.root / CHARTS / name for name in output.charts.values() if name.endswith(".png")
        )

    build_case_outputs(
        project_root / settings.case_dir,
        project_root=project_root,
        settings=settings,
        cache=cache,
        consume=keep_images,
        only=set(folders),
        defer_pdfs=True,
    )
    judge_ahead(images, project_root=project_root)
    return deferred


def main() -> int:
    request = json.loads(sys.stdin.buffer.read())
    deferred = prefill(
        Path(request["project_root"]),
        settings=SiteSettings.model_validate(request["settings"]),
        folders=request["folders"],
    )
    print(json.dumps(deferred))
    return 0
