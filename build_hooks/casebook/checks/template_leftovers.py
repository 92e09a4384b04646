"""What `casebook new` wrote that the author has not replaced: text with a TODO, and values the
template marked '# TODO' (an age, a duration, a dose). An error in a published case, a warning
in a draft."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from casebook.findings import Finding
from casebook.positions import Path_, Positions

_TODO = re.compile(r"\bTODO\b")
# A comment after a value on the same line: YAML needs a space before '#'. A '#' inside a
# quoted value or a block of text is no comment, and no key stands on its line, or its value
# holds the TODO itself and is reported as text.
_TODO_COMMENT = re.compile(r"\S\s+#\s*TODO\b")


def check_leftovers(data: dict[str, Any], *, positions: Positions, source: str) -> list[Finding]:
    """Every leftover of the template in `data`, loaded from `source` at `positions`."""
    if "TODO" not in source:
        return []  # the common case, and a walk of every value saved
    publication = data.get("publication")
    published = isinstance(publication, dict) and publication.get("status") == "published"
    severity = "error" if published else "warning"
    findings: list[Finding] = []
    reported: set[Path_] = set()
    for path, text in _strings(data, ()):
        match = _TODO.search(text)
        if match:
            reported.add(path)
            findings.append(
                Finding(
                    path,
                    f"template text left in: '{_first_line(text)}'",
                    "write the case's own text in place of the TODO",
                    severity,
                    excerpt=text[match.start() :],
                )
            )
    for path in _marked_by_comment(source, positions):
        if path in reported or any(path == p[: len(path)] for p in reported):
            continue
        value = _value_at(data, path)
        scalar = not isinstance(value, (dict, list))
        findings.append(
            Finding(
                path,
                f"the template's value {_shown(value)} is still marked '# TODO'"
                if scalar
                else "the template's values here are still marked '# TODO'",
                "write the case's own value, then delete the '# TODO' comment"
                if scalar
                else "check each value against the source, then delete the '# TODO' comment",
                severity,
                at_key=not scalar,
            )
        )
    return sorted(findings, key=lambda f: positions.of(f.path, key=f.at_key).line)


def _strings(value: Any, path: Path_) -> Iterator[tuple[Path_, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))
    elif isinstance(value, str):
        yield path, value


def _marked_by_comment(source: str, positions: Positions) -> list[Path_]:
    """The field whose key stands first on each line that ends in a '# TODO' comment."""
    lines = {
        number
        for number, line in enumerate(source.split("\n"), start=1)
        if _TODO_COMMENT.search(line)
    }
    first: dict[int, tuple[int, Path_]] = {}
    for path, mark in positions.keys.items():
        if mark.line in lines and (mark.line not in first or mark.column < first[mark.line][0]):
            first[mark.line] = (mark.column, path)
    return [first[line][1] for line in sorted(first)]


def _value_at(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data


def _first_line(text: str) -> str:
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= 60 else line[:60].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _shown(value: Any) -> str:
    if value is None:
        return "(empty)"
    return f"'{value}'" if isinstance(value, str) else str(value)
