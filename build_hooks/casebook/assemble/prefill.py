"""Render many cases in a separate process that fills the build cache, then exits.

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
    """Render the case `folders` into the cache in a child process; whether it finished."""
    request = {
        "project_root": str(project_root),
        "settings": settings.model_dump(mode="json"),
        "folders": list(folders),
    }
    # The child must import this very copy of the core, wherever the build found it.
    package_parent = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_parent, env.get("PYTHONPATH")]))
    try:
        completed = subprocess.run(
            [sys.executable, "-c", _CHILD],
            input=json.dumps(request).encode(),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    except OSError:
        return False
    return completed.returncode == 0


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
