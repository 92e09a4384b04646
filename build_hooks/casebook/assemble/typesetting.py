"""The site's PDFs: typeset in background processes while the build renders its pages.

A cold build renders its cases in child processes (casebook.assemble.prefill), which leave
most PDFs as jobs in the build cache. While the build's own process then renders the site's
pages on one core, two typesetters (one on a one-core machine), at a lower priority than the
build, typeset those jobs on whatever the cores have left. At the end of the build,
`finish` waits for them, typesets whatever they left (a typesetter that failed, a damaged
PDF) and names the file of every PDF, which the build copies into the site last.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from casebook.assemble.children import finish_child, shares, start_child
from casebook.assemble.pdf_jobs import (
    PdfJobMissing,
    PdfRef,
    is_typeset,
    pdf_file,
    typeset_job,
    unprintable_warning,
)
from casebook.errors import Diagnostic
from casebook.publish import BuildCache, PdfError, Typesetter

_CHILD = "from casebook.assemble.typesetting import main; raise SystemExit(main())"
BACKGROUND_AT_LEAST = 20
"""Fewer PDFs than this are typeset in the build's process at the end: starting a typesetter
costs about half a second, more than a few PDFs take."""
_NICENESS = 10
"""A typesetter yields its core to the build's own process, which the build waits for."""


class PdfsFailed(Exception):
    """Some PDFs could not be made; the message says which, and what to do."""


@dataclass
class Typesetting:
    """The PDFs of one build: the ones published, and the typesetters still at work."""

    cache: BuildCache | None = None
    pdfs: list[PdfRef] = field(default_factory=list)
    _children: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start(self, keys: Sequence[str]) -> None:
        """Typeset the jobs `keys` in background processes, if there are enough of them."""
        if self.cache is None or len(keys) < BACKGROUND_AT_LEAST:
            return
        for share in shares(keys):
            child = start_child(_CHILD, {"cache_root": str(self.cache.root), "keys": share})
            if child is not None:
                self._children.append(child)

    def files(self) -> dict[str, str]:
        """site path of each PDF -> its file in the build cache, once `finish` has returned."""
        if self.cache is None:
            return {}
        root = self.cache.root
        return {pdf.site_path: os.fspath(pdf_file(root, pdf.key)) for pdf in self.pdfs}

    def finish(self) -> list[Diagnostic]:
        """Typeset every PDF of the build that is not yet; warnings for those typeset in this
        build whose text no font could show. Raises PdfsFailed naming what could not be."""
        unprintable: dict[str, str] = {}
        for child in self._children:
            printed = finish_child(child)
            if isinstance(printed, dict):
                unprintable.update({str(k): str(v) for k, v in printed.items()})
        self._children.clear()
        if self.cache is None:
            return []
        cache = self.cache
        warnings: list[Diagnostic] = []
        missing: list[str] = []
        typesetter = Typesetter(cache.root)
        for pdf in self.pdfs:
            if not is_typeset(cache, pdf.key):
                try:
                    typeset = typeset_job(cache, pdf.key, typesetter=typesetter)
                    unprintable[pdf.key] = typeset.unprintable
                except PdfJobMissing:
                    missing.append(pdf.case_file)
                    continue
                except PdfError as error:
                    raise PdfsFailed(
                        f"internal error in Casebook: the PDF of {pdf.case_file} could not be "
                        f"typeset ({error}); please report it"
                    ) from None
            if unprintable.get(pdf.key):
                # Only a PDF typeset in this build warns here; see casebook.publish.pdf_coverage.
                warnings.append(unprintable_warning(pdf.case_file, unprintable[pdf.key]))
        if missing:
            raise PdfsFailed(
                "the PDF of " + ", ".join(missing) + " could not be made: its entry left the "
                "build cache while the build ran; build again"
            )
        return warnings

    def abandon(self) -> None:
        """Stop the typesetters of a build that failed; what they finished stays cached."""
        for child in self._children:
            with contextlib.suppress(OSError):
                child.kill()
            child.wait()
            if child.stdout is not None:
                child.stdout.close()
        self._children.clear()


def typeset_in_background(cache_root: Path, keys: Sequence[str]) -> dict[str, str]:
    """What a typesetter does: typeset the jobs `keys` not yet typeset; job key -> the text
    no font could show, for those that had some."""
    with contextlib.suppress(OSError, AttributeError):  # os.nice is not everywhere
        os.nice(_NICENESS)
    cache = BuildCache.shared(cache_root)
    cache.remember_values = False
    unprintable: dict[str, str] = {}
    typesetter = Typesetter(cache.root)
    for key in keys:
        if is_typeset(cache, key):
            continue
        with contextlib.suppress(PdfJobMissing):  # the build will say so
            found = typeset_job(cache, key, typesetter=typesetter).unprintable
            if found:
                unprintable[key] = found
    # No cache.save(): the build's process writes the digests file, and would lose what it
    # added since this process read it.
    return unprintable


def main() -> int:
    request = json.loads(sys.stdin.buffer.read())
    print(json.dumps(typeset_in_background(Path(request["cache_root"]), request["keys"])))
    return 0
