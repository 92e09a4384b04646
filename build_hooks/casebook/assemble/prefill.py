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

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from casebook.assemble.case_output import CHARTS, IMAGES, CaseOutput, build_case_outputs
from casebook.models import SiteSettings
from casebook.publish import CACHE_DIR, BuildCache, judge_ahead

# Not `-m casebook.assemble.prefill`: the package imports this module, so running it as
# __main__ would load it a second time.
_CHILD = "from casebook.assemble.prefill import main; raise SystemExit(main())"


def prefill_in_child(project_root: Path, *, settings: SiteSettings, folders: Sequence[str]) -> bool:
    """Render the case `folders` into the cache in child processes, one per core the build
    may use (two at most); whether they all finished. Each writes its own cache entries (one
    file each, written atomically), so they need not wait for each other."""
    workers = max(1, min(MAX_CHILDREN, _usable_cores(), len(folders) // PER_CHILD_AT_LEAST))
    # Interleaved, not halves: neighbouring cases tend to be alike in size.
    shares = [list(folders[start::workers]) for start in range(workers)]
    # The child must import this very copy of the core, wherever the build found it.
    package_parent = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_parent, env.get("PYTHONPATH")]))
    children = []
    try:
        for share in shares:
            request = {
                "project_root": str(project_root),
                "settings": settings.model_dump(mode="json"),
                "folders": share,
            }
            child = subprocess.Popen(
                [sys.executable, "-c", _CHILD],
                stdin=subprocess.PIPE,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            children.append(child)
            assert child.stdin is not None
            child.stdin.write(json.dumps(request).encode())
            child.stdin.close()
    except OSError:
        pass
    finished = [child.wait() == 0 for child in children]
    return len(finished) == len(shares) and all(finished)


MAX_CHILDREN = 2
"""Two: the build process waits while they render, so two cores are used; a third child's
memory (about 100 MB) would buy nothing on the two-core machines Casebook is measured on."""
PER_CHILD_AT_LEAST = 10
"""A child renders at least this many cases: starting one costs about half a second."""


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def prefill(project_root: Path, *, settings: SiteSettings, folders: Sequence[str]) -> None:
    """What the child does: render the folders into the cache, and judge the figures it
    re-encoded for the build's last check (casebook.publish.published_scan)."""
    cache = BuildCache.shared(project_root / CACHE_DIR)
    cache.remember_values = False
    images: list[Path] = []

    def keep_images(output: CaseOutput) -> None:
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
    )
    judge_ahead(images, project_root=project_root)


def main() -> int:
    request = json.loads(sys.stdin.buffer.read())
    prefill(
        Path(request["project_root"]),
        settings=SiteSettings.model_validate(request["settings"]),
        folders=request["folders"],
    )
    return 0
