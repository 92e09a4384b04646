"""Text the PDF's fonts are known to print, so that its PDF can be typeset later, elsewhere.

Typst says which text no embedded font can show only when it typesets the document, and that
turns into a warning for the case's author. A case whose text lies wholly inside these blocks
cannot get that warning, so its PDF may be typeset in a background process after the case's
output (and its warnings) were stored; any other case is typeset at once, with its output.
tests/publish/test_pdf_coverage.py typesets every character here under PDF/A and PDF/UA, which
refuse a character without a glyph.
"""

from __future__ import annotations

import re
import unicodedata

# Unicode blocks wholly covered by the fonts inside the typst package (Libertinus Serif, New
# Computer Modern and its Math, DejaVu Sans Mono): Latin with its extensions and IPA, Greek,
# Cyrillic, punctuation, super- and subscripts, currency, arrows, mathematical operators,
# technical symbols and geometric shapes. Blocks covered only in part (letterlike symbols,
# number forms, miscellaneous symbols) are left out: those few cases are typeset at once.
_BLOCKS = (
    (0x0020, 0x007E),
    (0x00A0, 0x036F),
    (0x0370, 0x0484),  # bar two combining Cyrillic breathings
    (0x0487, 0x04FF),
    (0x1E00, 0x1EFF),
    (0x2000, 0x2040),
    (0x2044, 0x2052),
    (0x2054, 0x206F),
    (0x2070, 0x20CF),
    (0x2190, 0x23FF),
    (0x25A0, 0x25FF),
)
# Unassigned, private and surrogate code points have no glyph anywhere.
_NO_GLYPH_CATEGORIES = frozenset({"Cn", "Co", "Cs"})


def covered_characters() -> list[str]:
    """Every character the fonts are known to print, in code point order."""
    return [
        char
        for start, end in _BLOCKS
        for char in map(chr, range(start, end + 1))
        if unicodedata.category(char) not in _NO_GLYPH_CATEGORIES
    ]


def _unsure_pattern() -> re.Pattern[str]:
    ranges: list[str] = []
    run: list[int] = []
    # Control characters never reach Typst (casebook.text drops them), so they are sure too.
    for point in sorted({*map(ord, covered_characters()), *range(0x20), *range(0x7F, 0xA0)}):
        if run and point == run[-1] + 1:
            run.append(point)
            continue
        if run:
            ranges.append(_range(run))
        run = [point]
    ranges.append(_range(run))
    return re.compile(f"[^{''.join(ranges)}]")


def _range(run: list[int]) -> str:
    first, last = re.escape(chr(run[0])), re.escape(chr(run[-1]))
    return first if len(run) == 1 else f"{first}-{last}"


_UNSURE = _unsure_pattern()


def surely_printable(*texts: str) -> bool:
    """Whether the PDF's fonts print every character of `texts`."""
    return not any(_UNSURE.search(text) for text in texts)
