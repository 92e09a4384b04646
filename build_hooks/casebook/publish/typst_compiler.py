"""Typst documents compiled to PDF, one after another, with the fonts that ship with Typst.

Python's standard library and Typst only: the typesetter's own process
(casebook.publish.typst_worker) compiles with this and imports nothing of the case model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typst
    from typst import PDFStandard


class PdfError(Exception):
    """Typst refused the document: a defect in Casebook's conversion, never in case text."""


PDF_STANDARDS: tuple[PDFStandard, ...] = ("a-2a", "ua-1")
"""PDF/A-2a (archival, tagged) and PDF/UA-1 (accessible): Typst checks both while writing, and
refuses a document that breaks them (no title, an image without alt text)."""


@dataclass(frozen=True)
class TypesetPdf:
    data: bytes
    unprintable: str = ""
    """Text that none of the embedded fonts can show (Typst names the first it met), printed
    as an empty box; such a PDF cannot be PDF/A or PDF/UA, and is written without them."""


_NO_GLYPH = re.compile(r'the text `"(.+?)"` could not be displayed')


class Typesetter:
    """Typesets documents one after another, whose images are read from inside `root` only.

    One Typst compiler serves `renew_after` documents: keeping it saves 5-8 ms a document
    (its fonts stay loaded), but it keeps every file it read, so a new one
    is made after a few documents (one kept for a build held a thousand cases' figures). Only
    the fonts inside the typst package are used, so a PDF looks the same on every machine and
    no system font (or its path) reaches it.
    """

    def __init__(self, root: Path, *, renew_after: int = 10) -> None:
        self._root = root.resolve().as_posix()
        self._renew_after = renew_after
        self._compiler: typst.Compiler | None = None
        self._compiled = 0

    def compile(self, typst_source: str) -> TypesetPdf:
        # Imported by the first document: a process that renders cases whose PDFs are left
        # for the typesetter (the prefill children) never loads Typst, 7 MB each.
        import typst

        if self._compiler is None or self._compiled >= self._renew_after:
            self._compiler = typst.Compiler(root=self._root, ignore_system_fonts=True)
            self._compiled = 0
        self._compiled += 1
        compiler = self._compiler
        source = typst_source.encode("utf-8")
        try:
            try:
                return TypesetPdf(_compile(compiler, source, standards=list(PDF_STANDARDS)))
            except typst.TypstError as error:
                # Both standards require every character to have a glyph; a case in a script
                # the fonts lack still gets its PDF, and its author a warning.
                missing = _NO_GLYPH.search(str(error))
                if missing is None:
                    raise PdfError(str(error)) from None
            return TypesetPdf(_compile(compiler, source, standards=[]), unprintable=missing[1])
        except typst.TypstError as error:
            raise PdfError(str(error)) from None
        finally:
            _forget(compiler)


def compile_pdf(typst_source: str, *, root: Path) -> TypesetPdf:
    """The PDF of `typst_source`, whose images are read from inside `root` only."""
    return Typesetter(root, renew_after=1).compile(typst_source)


def _compile(
    compiler: typst.Compiler,
    source: bytes,
    *,
    standards: list[PDFStandard],
) -> bytes:
    pdf = compiler.compile(input=source, format="pdf", pdf_standards=standards)
    assert isinstance(pdf, bytes)
    return pdf


_MEMO_AGE = 10
"""The typst package drops memoised results after this many compilations (comemo::evict(10)
in its compile); until then they hold the document's decoded figures, a case's worth each."""


def _forget(compiler: typst.Compiler) -> None:
    """Age the document's memoised work out with empty compilations (0.06 ms each): kept, ten
    cases' decoded figures added 170 MB to a build's memory."""
    for _ in range(_MEMO_AGE):
        compiler.compile(input=b"", format="svg")
