"""Change a few scalar values of a YAML file's text and keep everything else as it was:
comments, blank lines, key order, quoting and indentation of every other line."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import yaml

Key = tuple[str, ...]
"""The keys from the top of the file to a value, e.g. ("extra", "casebook", "title")."""


class YamlEditError(Exception):
    """The text cannot be changed safely by hand-surgery; the message says where."""


class _Composer(yaml.SafeLoader):
    """Only composes nodes (positions, no values), so tags such as !!python/name, which
    mkdocs.yml may hold for Markdown extensions, need no constructor."""


def set_scalars(text: str, values: Mapping[Key, str]) -> str:
    """`text` with the value at each key replaced by the given text, or added as a new key
    at the end of its mapping when it is missing. The mappings on the way must exist, in
    block style. The result is read back: any other difference raises YamlEditError."""
    root = yaml.compose(text, Loader=_Composer)
    if not isinstance(root, yaml.MappingNode):
        raise YamlEditError("the file is not a mapping of keys")
    edits: list[tuple[int, int, str]] = []
    for key, value in values.items():
        parent = _mapping_at(root, key[:-1])
        node = _value_of(parent, key[-1])
        if node is None:
            edits.append(_added(text, parent, key, value))
        elif isinstance(node, yaml.ScalarNode) and node.start_mark.line == node.end_mark.line:
            edits.append((node.start_mark.index, node.end_mark.index, _scalar(value)))
        else:
            raise YamlEditError(f"{'.'.join(key)} is not a one-line value; set it by hand")
    edited = text
    for start, end, new in sorted(edits, reverse=True):
        edited = edited[:start] + new + edited[end:]
    _check(text, edited, values)
    return edited


def _mapping_at(root: yaml.MappingNode, keys: Key) -> yaml.MappingNode:
    node: yaml.Node = root
    for depth, key in enumerate(keys):
        found = _value_of(node, key) if isinstance(node, yaml.MappingNode) else None
        if not isinstance(found, yaml.MappingNode) or found.flow_style:
            raise YamlEditError(f"there is no {'.'.join(keys[: depth + 1])} section to set keys in")
        node = found
    assert isinstance(node, yaml.MappingNode)
    return node


def _value_of(mapping: yaml.Node, key: str) -> yaml.Node | None:
    for name, value in mapping.value:
        if isinstance(name, yaml.ScalarNode) and name.value == key:
            return value  # type: ignore[no-any-return]
    return None


def _added(text: str, parent: yaml.MappingNode, key: Key, value: str) -> tuple[int, int, str]:
    """A new line for `key`, after the last line of its mapping, indented as its keys are."""
    indent = " " * parent.value[0][0].start_mark.column if parent.value else ""
    last = parent.value[-1][1] if parent.value else parent
    at = text.find("\n", last.end_mark.index - (last.end_mark.column == 0))
    at = len(text) if at < 0 else at + 1
    line = f"{indent}{key[-1]}: {_scalar(value)}\n"
    return at, at, line if at == 0 or text[at - 1] == "\n" else "\n" + line


def _scalar(value: str) -> str:
    """`value` as plain YAML where it reads back as the same text, else double-quoted."""
    plain = value.strip() == value and "\n" not in value and " #" not in value
    if plain and value and _read(f"k: {value}\n") == {"k": value}:
        return value
    return json.dumps(value, ensure_ascii=False)


def _read(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_Tolerant)
    except yaml.YAMLError:
        return None


class _Tolerant(yaml.SafeLoader):
    """Reads values whatever tags the file holds (they are not Casebook's to judge)."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)


def _check(before: str, after: str, values: Mapping[Key, str]) -> None:
    old, new = _read(before), _read(after)
    if new is None:
        raise YamlEditError("the edited file would not be valid YAML")
    for key, value in values.items():
        _put(old, key, value)
    if old != new:
        raise YamlEditError("changing these values would change others too")


def _put(data: Any, key: Key, value: str) -> None:
    for name in key[:-1]:
        data = data[name]
    data[key[-1]] = value
