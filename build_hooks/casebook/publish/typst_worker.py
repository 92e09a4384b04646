"""The typesetter's process: typesets PDF jobs from the build cache into it, in the background
of a build (casebook.assemble.typesetting starts it).

It imports Typst, the cache's file format and nothing else of Casebook: the publish stage's
package would import the whole case model, which made the process 117 MB at the end of a
1,000-case build, where it is now 76.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from casebook.publish.pdf_store import holds_pdf, read_job_source, write_pdf
from casebook.publish.typst_compiler import Typesetter

NICENESS = 10
"""The typesetter yields its core to the build's own process, which the build waits for."""

# Run by `python -c`: the package casebook.publish is put in place as a bare namespace, so
# importing this module runs none of the stage's __init__ (which imports the case model).
TYPESETTER_CODE = (
    "import sys, types, casebook\n"
    "stage = types.ModuleType('casebook.publish')\n"
    "stage.__path__ = [casebook.__path__[0] + '/publish']\n"
    "sys.modules['casebook.publish'] = stage\n"
    "from casebook.publish.typst_worker import main\n"
    "raise SystemExit(main())\n"
)


def typeset_jobs(cache_root: Path, keys: Sequence[str]) -> dict[str, str]:
    """Typeset the jobs `keys` not yet typeset, in order, skipping any that are gone (the build
    says so); job key -> the text no font could show, for those that had some."""
    unprintable: dict[str, str] = {}
    typesetter = Typesetter(cache_root)
    for key in keys:
        # The build typesets from the other end of the list: once it has done one, it is
        # in the cache.
        if holds_pdf(cache_root, key):
            continue
        source = read_job_source(cache_root, key)
        if source is None:
            continue
        pdf = typesetter.compile(source)
        write_pdf(cache_root, key, pdf.data)
        if pdf.unprintable:
            unprintable[key] = pdf.unprintable
    return unprintable


def main() -> int:
    """A request on stdin ({"cache_root": ..., "keys": [...]}), the unprintable texts as the
    last line of stdout."""
    with contextlib.suppress(OSError, AttributeError):  # os.nice is not everywhere
        os.nice(NICENESS)
    request = json.loads(sys.stdin.buffer.read())
    print(json.dumps(typeset_jobs(Path(request["cache_root"]), request["keys"])))
    return 0
