"""The site's PDFs: typeset in the background while the build renders its pages.

A cold build renders its cases in child processes (casebook.assemble.prefill), which leave
most PDFs as jobs in the build cache. While the build's own process then renders the site's
pages on one core, a typesetter, at a lower priority than the build, typesets those jobs on
the other. At the end of the build, `finish` typesets the jobs from the other end of the list
in the build's own process, meeting the typesetter in the middle, then waits for it and
typesets whatever it left (if it failed, a damaged PDF). The build copies the PDFs into the
site last.

One typesetter, not two: while MkDocs builds the pages there is one free core, and at the end
the build's process, idle and with everything loaded, is the second typesetter. A second
process would have added some 80 MB to the build's highest memory, to gain nothing.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field

from casebook.assemble.children import finish_child, start_child
from casebook.assemble.pdf_jobs import (
    PdfJobMissing,
    PdfRef,
    is_typeset,
    typeset_job,
    unprintable_warning,
)
from casebook.errors import Diagnostic
from casebook.publish import TYPESETTER_CODE, BuildCache, PdfError, Typesetter, pdf_file

_CHILD = TYPESETTER_CODE
BACKGROUND_AT_LEAST = 20
"""Fewer PDFs than this are typeset in the build's process at the end: starting a typesetter
costs about half a second, more than a few PDFs take."""


class PdfsFailed(Exception):
    """Some PDFs could not be made; the message says which, and what to do."""


@dataclass
class Typesetting:
    """The PDFs of one build: the ones published, and the typesetters still at work."""

    cache: BuildCache | None = None
    pdfs: list[PdfRef] = field(default_factory=list)
    _child: subprocess.Popen[bytes] | None = None
    _started: list[str] = field(default_factory=list)
    """The jobs the typesetter was given, in its order."""

    def start(self, keys: Sequence[str]) -> None:
        """Typeset the jobs `keys` in a background process, if there are enough of them."""
        if self.cache is None or self._child is not None or len(keys) < BACKGROUND_AT_LEAST:
            return
        self._child = start_child(_CHILD, {"cache_root": str(self.cache.root), "keys": list(keys)})
        if self._child is not None:
            self._started = list(keys)

    def files(self) -> dict[str, str]:
        """site path of each PDF -> its file in the build cache, once `finish` has returned."""
        if self.cache is None:
            return {}
        root = self.cache.root
        return {pdf.site_path: os.fspath(pdf_file(root, pdf.key)) for pdf in self.pdfs}

    def finish(self) -> list[Diagnostic]:
        """Typeset every PDF of the build that is not yet; warnings for those typeset in this
        build whose text no font could show. Raises PdfsFailed naming what could not be."""
        if self.cache is None:
            return []
        cache = self.cache
        typesetter = Typesetter(cache.root)
        unprintable: dict[str, str] = {}
        by_key = {pdf.key: pdf for pdf in self.pdfs}
        missing: set[str] = set()

        def typeset_here(pdf: PdfRef) -> None:
            try:
                unprintable[pdf.key] = typeset_job(
                    cache, pdf.key, typesetter=typesetter
                ).unprintable
            except PdfJobMissing:
                missing.add(pdf.case_file)
            except PdfError as error:
                self.abandon()
                raise PdfsFailed(
                    f"internal error in Casebook: the PDF of {pdf.case_file} could not be "
                    f"typeset ({error}); please report it"
                ) from None

        # From the end of the typesetter's list, while it works from the start: the two meet
        # in the middle, and at most the job it is at is typeset twice (to the same bytes).
        for key in reversed(self._started):
            if self._child is None or self._child.poll() is not None:
                break
            if key in by_key and not is_typeset(cache, key):
                typeset_here(by_key[key])
        if self._child is not None:
            printed = finish_child(self._child)
            self._child = None
            if isinstance(printed, dict):
                unprintable.update({str(k): str(v) for k, v in printed.items()})
        self._started = []
        warnings: list[Diagnostic] = []
        for pdf in self.pdfs:
            if not is_typeset(cache, pdf.key) and pdf.case_file not in missing:
                typeset_here(pdf)
            if unprintable.get(pdf.key):
                # Only a PDF typeset in this build warns here; see casebook.publish.pdf_coverage.
                warnings.append(unprintable_warning(pdf.case_file, unprintable[pdf.key]))
        if missing:
            raise PdfsFailed(
                "the PDF of " + ", ".join(sorted(missing)) + " could not be made: its entry "
                "left the build cache while the build ran; build again"
            )
        return warnings

    def abandon(self) -> None:
        """Stop the typesetter of a build that failed; what it finished stays cached."""
        child, self._child, self._started = self._child, None, []
        if child is None:
            return
        with contextlib.suppress(OSError):
            child.kill()
        child.wait()
        if child.stdout is not None:
            child.stdout.close()
