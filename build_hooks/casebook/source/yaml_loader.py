"""Load one YAML file into plain data plus the line and column of every key and value."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from casebook.errors import Diagnostic
from casebook.positions import Mark, Path_, Positions, dotted
from casebook.source.yaml_text_checks import (
    MAX_FILE_BYTES,
    MAX_REPORTED,
    anchors_and_aliases,
    cut_off_comments,
    explain_syntax_error,
    invisible_characters,
    too_deep,
)

# YAML 1.1 resolves `no` to false, `0123` to 83 and `1:30` to 90; authors mean the text they
# typed. Only the unambiguous YAML 1.2 core forms become numbers, booleans and null here.
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+)")
_BOOL = {"true": True, "false": False}
_NULL = {"", "~", "null"}

MAX_DEPTH = 24
MAX_NODES = 50_000

_STR_TAG = "tag:yaml.org,2002:str"
_STANDARD_TAGS = {
    _STR_TAG,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:merge",
    "tag:yaml.org,2002:value",
}


@dataclass
class Loaded:
    data: Any
    positions: Positions
    diagnostics: list[Diagnostic]
    source: str = ""


def load_yaml_file(path: Path, *, display: str) -> Loaded:
    """Parse `path`; problems come back as diagnostics naming `display` as the file."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        return _failed(
            Diagnostic(display, line, 1, "", "file is not valid UTF-8", "save the file as UTF-8")
        )
    return load_yaml_text(text, display=display)


def load_yaml_text(text: str, *, display: str) -> Loaded:
    """Parse `text`. The loader places its own problems, unlike the checks after it (which
    name fields, see casebook.findings): they stand where no field path reaches (a syntax
    error, a tab) or where the path does not point (the second of two keys of one name)."""

    def problem(line: int, col: int, message: str, hint: str) -> Diagnostic:
        return Diagnostic(display, line, col, "", message, hint)

    if len(text) > MAX_FILE_BYTES:
        return _failed(
            problem(
                1,
                1,
                f"file is larger than {MAX_FILE_BYTES // 1000} kB",
                "a case file holds text only; keep images in figures/",
            )
        )
    deep = too_deep(text, limit=MAX_DEPTH)
    if deep is not None:
        return _failed(
            problem(
                *deep,
                f"nested more than {MAX_DEPTH} levels deep",
                "a case file needs far fewer levels; check brackets and indentation",
            )
        )
    early = [
        problem(
            line,
            col,
            f"invisible character {what}",
            "delete it: it can make text display differently from what it says",
        )
        for line, col, what in itertools.islice(invisible_characters(text), MAX_REPORTED)
    ]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message, hint = explain_syntax_error(
            exc.problem or exc.context or "invalid YAML", text, mark
        )
        return _failed(*early, problem(line, col, message, hint))
    except yaml.YAMLError as exc:
        # The reader refuses control characters that `early` already reported with positions.
        if early and isinstance(exc, yaml.reader.ReaderError):
            return _failed(*early)
        return _failed(*early, problem(1, 1, f"YAML error: {exc}", ""))
    builder = _Builder(display)
    data = builder.build(node, ()) if node is not None else None
    late = [*early, *builder.diagnostics]
    if node is not None:
        late.extend(
            problem(
                line,
                col,
                f"text after ' #' is dropped as a comment: '{comment}'",
                "put the whole value in quotes; for a real comment leave two spaces before '#'",
            )
            for line, col, comment in cut_off_comments(node, text.split("\n"))
        )
    for line, col, name in anchors_and_aliases(text, _Loader):
        kind = "alias" if name.startswith("*") else "anchor"
        late.append(
            problem(
                line,
                col,
                f"{kind} '{name}' is not allowed",
                f"write the value out in full; if '{name[0]}' starts the text, put the whole "
                "value in quotes",
            )
        )
    return Loaded(data if not late else None, builder.positions, late, text)


def _failed(*diagnostics: Diagnostic) -> Loaded:
    return Loaded(None, Positions(), list(diagnostics))


_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Builder:
    """Turns a composed node tree into plain data, refusing what YAML does silently."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.positions = Positions()
        self.diagnostics: list[Diagnostic] = []
        self._seen: set[int] = set()
        self._too_deep = False
        self._too_many = False

    def build(self, node: yaml.Node, path: Path_) -> Any:
        mark = Mark(node.start_mark.line + 1, node.start_mark.column + 1)
        self.positions.values[path] = mark
        if len(path) > MAX_DEPTH:
            if not self._too_deep:
                self._too_deep = True
                self._error(
                    mark,
                    path[:MAX_DEPTH],
                    f"nested more than {MAX_DEPTH} levels deep",
                    "a case file needs far fewer levels; check the indentation",
                )
            return None
        if len(self._seen) >= MAX_NODES:
            if not self._too_many:
                self._too_many = True
                self._error(
                    mark,
                    path,
                    f"more than {MAX_NODES} values in one file",
                    "split the case, or remove repeated data",
                )
            return None
        if id(node) in self._seen:
            return None  # an alias, reported from the events; never expanded (alias bombs)
        self._seen.add(id(node))
        if node.tag not in _STANDARD_TAGS:
            self._error(
                mark,
                path,
                f"explicit tag '{node.tag}' is not allowed",
                "remove the tag; if '!' starts the text, put the whole value in quotes",
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return _scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_mark = Mark(key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._error(
                    key_mark,
                    path,
                    "merge keys ('<<') are not allowed",
                    "write the keys out in full",
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._error(key_mark, path, "a key must be plain text", "")
                continue
            key = str(key_node.value)
            child = (*path, key)
            if key in result:
                first = self.positions.keys[child]
                self._error(
                    key_mark,
                    child,
                    f"duplicate key '{key}' (first at line {first.line})",
                    "keep one and delete the other",
                )
                continue
            self.positions.keys[child] = key_mark
            result[key] = self.build(value_node, child)
        return result

    def _error(self, mark: Mark, path: Path_, message: str, hint: str) -> None:
        self.diagnostics.append(
            Diagnostic(self.display, mark.line, mark.column, dotted(path), message, hint)
        )


def _scalar(node: yaml.ScalarNode) -> Any:
    text = str(node.value)
    if node.style or node.tag == _STR_TAG:
        return text
    lowered = text.lower()
    if lowered in _NULL:
        return None
    if lowered in _BOOL:
        return _BOOL[lowered]
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text
