"""Find citation and cross-reference tokens in author text: [@key], [@a; @b], @fig-id and
@patient-id (a patient of a case series)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_KEY = r"[A-Za-z0-9][A-Za-z0-9_-]*"
# One bracketed group of pandoc/Quarto citations, or a bare figure or patient cross-reference.
TOKEN_RE = re.compile(
    rf"\[(?P<group>\s*@{_KEY}(?:\s*;\s*@{_KEY})*\s*)\]"
    r"|(?<![\w@\[\\])@(?P<fig>(?:fig|patient)-[a-z0-9]+(?:-[a-z0-9]+)*)"
)
_CODE_SPAN = re.compile(r"`[^`\n]*`")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    keys: tuple[str, ...]
    bracketed: bool


def find_tokens(text: str) -> Iterator[Token]:
    """Tokens in order of appearance, skipping inline code where @ and [ are literal."""
    code = [(m.start(), m.end()) for m in _CODE_SPAN.finditer(text)] if "`" in text else []
    for match in TOKEN_RE.finditer(text):
        if any(start <= match.start() < end for start, end in code):
            continue
        if match.group("group") is not None:
            keys = tuple(k.strip().lstrip("@") for k in match.group("group").split(";"))
            yield Token(match.start(), match.end(), keys, bracketed=True)
        else:
            yield Token(match.start(), match.end(), (match.group("fig"),), bracketed=False)


def is_figure_key(key: str) -> bool:
    return key.startswith("fig-")


def is_patient_key(key: str) -> bool:
    return key.startswith("patient-")


@dataclass(frozen=True)
class Piece:
    """Literal text, then the citation, figure and patient keys of the token that follows it."""

    text: str
    refs: tuple[str, ...]
    figures: tuple[str, ...]
    bracketed: bool
    patients: tuple[str, ...] = ()
    """Patients of a case series the token refers to."""


def pieces(text: str) -> Iterator[Piece]:
    """`text` cut at its tokens; the last piece is the tail with no keys."""
    last = 0
    for token in find_tokens(text):
        before = text[last : token.start]
        refs = tuple(k for k in token.keys if not is_figure_key(k) and not is_patient_key(k))
        figures = tuple(k for k in token.keys if is_figure_key(k))
        patients = tuple(k for k in token.keys if is_patient_key(k))
        # A superscript number sits directly on the word it follows, as in NLM style.
        lead = before.rstrip() if refs else before
        yield Piece(lead, refs, figures, token.bracketed, patients)
        last = token.end
    yield Piece(text[last:], (), (), False)
