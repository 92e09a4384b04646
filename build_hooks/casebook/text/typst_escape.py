"""Typst escaping: author text enters a Typst document only as string literals, never as markup.

Typst markup gives meaning to most punctuation (`#` starts code, `*` and `_` emphasis, `$` maths,
`<x>` labels, `@x` references, `//` comments, `https://` links, `=` or `-` at a line's start
headings and lists). Escaping each of those one by one is a list that must never miss a case;
a string literal inserted with `#"..."` is shown exactly as written, whatever it holds, so only
the string's own quote, backslash and control characters need escaping.
"""

from __future__ import annotations

import re

# Control characters would end a line inside the literal or be dropped silently: spell them out.
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_SPECIAL = re.compile(r'[\\"\x00-\x1f\x7f]')
# Shown, a control character is a box: a browser shows nothing for it, and neither does the PDF.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LABEL = re.compile(r"^[A-Za-z][A-Za-z0-9_.:\-]*$")


class TypstMarkup(str):
    """Typst source that Casebook's own code made: inserted as it is; any other str is text."""

    __slots__ = ()


def typst_string(text: str) -> TypstMarkup:
    """A Typst string literal holding `text` exactly, for code positions (`title: ...`)."""
    return TypstMarkup('"' + _SPECIAL.sub(_escape_char, text) + '"')


def typst_text(text: object) -> TypstMarkup:
    """Markup that shows `text` as text: Typst source passes through, anything else is quoted."""
    if isinstance(text, TypstMarkup):
        return text
    value = _INVISIBLE.sub("", str(text))
    return TypstMarkup("#" + typst_string(value)) if value else TypstMarkup("")


def typst_label(name: str) -> TypstMarkup | None:
    """`<name>` to attach to the element before it, or None when `name` is no valid label (an
    id Casebook did not make must not become Typst syntax)."""
    return TypstMarkup(f"<{name}>") if _LABEL.match(name) else None


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPES.get(char) or f"\\u{{{ord(char):x}}}"
