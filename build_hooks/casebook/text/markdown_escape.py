"""Escape a value so Markdown prints it literally, on one line, even inside a table cell."""

from __future__ import annotations

# The characters Python-Markdown honours a backslash escape for.
ESCAPABLE = frozenset("\\`*_{}[]()>#+-.!|")

# Backslash escapes where Python-Markdown honours them everywhere; entities for the rest: "|"
# is escapable only with tables, "\[" and "\(" open arithmatex maths, "@" would start a
# citation, and "~", "^", "=", "$" belong to optional pymdownx syntax.
_ENTITY_ESCAPED = "|[]()@~^=$"
_INLINE_ESCAPES = str.maketrans(
    {char: "\\" + char for char in ESCAPABLE.difference(_ENTITY_ESCAPED)}
    | {char: f"&#{ord(char)};" for char in _ENTITY_ESCAPED}
    | {"&": "&amp;", "<": "&lt;"}
)


def escape_markdown_inline(text: str) -> str:
    """Escape ``text`` so Markdown shows it literally on one line, also inside a table cell."""
    # Line breaks would end a table row or start a new block, and Markdown expands tabs anyway;
    # both become spaces.
    one_line = " ".join(text.splitlines()).replace("\t", " ").strip(" ")
    return one_line.translate(_INLINE_ESCAPES)
