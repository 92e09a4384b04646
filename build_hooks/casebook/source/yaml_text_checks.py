"""Checks on a case file's raw text that YAML itself would let through silently."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import yaml

MAX_FILE_BYTES = 1_000_000
MAX_REPORTED = 20

# Bidirectional overrides and isolates can make text read differently from what it says
# ("Trojan Source"); zero-width characters hide text and break search.
_INVISIBLE = re.compile(
    "[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)


def invisible_characters(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, description) of each control or direction-changing character."""
    if not _INVISIBLE.search(text):
        return
    for line_number, line in enumerate(text.split("\n"), start=1):
        for match in _INVISIBLE.finditer(line):
            if match.start() == 0 and line_number == 1 and match.group() == "\ufeff":
                continue  # a byte-order mark at the very start is harmless
            char = match.group()
            name = unicodedata.name(char, "control character")
            yield line_number, match.start() + 1, f"U+{ord(char):04X} ({name})"


def cut_off_comments(node: yaml.Node, text_lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """Plain values followed by ' #': YAML drops everything from the ' #' as a comment.

    A single space before '#' is almost always text that was meant to be part of the value
    ("lesion #3"); a deliberate comment is written with two spaces, as YAML style guides do.
    """
    stack: list[Any] = [node]
    seen: set[int] = set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            stack.extend(v for pair in current.value for v in pair)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.ScalarNode) and not current.style:
            end = current.end_mark
            if end.line < len(text_lines):
                rest = text_lines[end.line][end.column :]
                if rest.startswith(" #"):
                    yield end.line + 1, end.column + 2, rest[1:].rstrip()


def anchors_and_aliases(text: str, loader: type[Any]) -> Iterator[tuple[int, int, str]]:
    """'&name' and '*name' as written: the composed tree forgets anchors and shares aliased
    nodes, so only the event stream knows where each stands."""
    if "&" not in text:
        return  # without an anchor, an alias is already a syntax error
    for event in yaml.parse(text, Loader=loader):
        anchor = getattr(event, "anchor", None)
        if anchor and event.start_mark is not None:
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            yield event.start_mark.line + 1, event.start_mark.column + 1, f"{sign}{anchor}"


_FLOW_CHARS = re.compile(r"""[\[\]{}'"#\n]""")


def too_deep(text: str, *, limit: int) -> tuple[int, int] | None:
    """Where flow brackets or indentation nest deeper than `limit`, found before parsing:
    libyaml's composer recurses once per level and crashes the process on a deep enough file."""
    for line_number, line in enumerate(text.split("\n"), start=1):
        indent = len(line) - len(line.lstrip(" "))
        if indent > 2 * limit + 8:
            return line_number, indent + 1
    depth = 0
    line_number, line_start = 1, 0
    quote = ""
    for match in _FLOW_CHARS.finditer(text):
        char = match.group()
        if char == "\n":
            line_number, line_start, quote = line_number + 1, match.end(), ""
        elif quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#":
            continue
        elif char in "[{":
            depth += 1
            if depth > limit:
                return line_number, match.start() - line_start + 1
        else:
            depth = max(depth - 1, 0)
    return None


def explain_syntax_error(problem: str, text: str, mark: yaml.Mark | None) -> tuple[str, str]:
    """libyaml's wording, made specific where the cause is known."""
    found = ""
    # The problem is where a line's text begins: libyaml then means the line's indentation.
    line_start = False
    if mark is not None:
        lines = text.splitlines()
        if mark.line < len(lines) and mark.column < len(lines[mark.line]):
            found = lines[mark.line][mark.column]
            line_start = not lines[mark.line][: mark.column].strip()
    if found == "\t":
        return "YAML syntax error: tab character", "indent with spaces, not tabs"
    if found in {"@", "`", "%"}:
        return (
            f"YAML syntax error: a value cannot start with '{found}'",
            "put the whole value in quotes",
        )
    if line_start and problem == "did not find expected '-' indicator":
        return (
            "YAML syntax error: this line is indented differently from the item above; list "
            "items start with '- '",
            "indent it as far as the line above, or start a new item with '- '",
        )
    if line_start and problem == "did not find expected key":
        return (
            "YAML syntax error: this line is indented differently from the lines above it",
            "line each key up under the other keys of its section, with spaces",
        )
    if "undefined alias" in problem:
        return (
            "YAML syntax error: a value starting with '*' is read as an alias",
            "put the whole value in quotes",
        )
    if "mapping values are not allowed" in problem:
        return (
            "YAML syntax error: ': ' inside an unquoted value, or a key out of line",
            "put a value that contains ': ' in quotes, or line the key up with the keys above",
        )
    if "another document" in problem or "single document" in problem:
        return (
            "YAML syntax error: the file holds more than one document",
            "keep one document per case file; remove the extra '---'",
        )
    return (
        f"YAML syntax error: {problem}",
        "check indentation, and quote values that contain ': ' or start with a symbol",
    )
