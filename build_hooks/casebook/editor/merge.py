"""Write the form's values into case.yaml: what changed is changed, and every comment, key order
and key the form does not show stays as it was."""

from __future__ import annotations

import datetime
import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from casebook.editor.coerce import MISSING, FormValueError, coerce
from casebook.editor.form_spec import FormField
from casebook.editor.tails import put_tail, take_tail
from casebook.source import load_yaml_text

NEW_CASE_HEADER = "yaml-language-server: $schema=../../schema/case.schema.json"
FOLD_WIDTH = 88
"""New text longer than this is written folded (>-) over several lines, as authors write it."""


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    # The indentation of the example case and of `casebook new`; a wide line limit so that
    # ruamel never re-wraps a line the author wrote.
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


class MergeError(Exception):
    """The form's values could not be written faithfully; the message says why."""


def merge_case(existing: str | None, form_values: Any, form: FormField) -> str:
    """The text of case.yaml after saving `form_values` (the data Decap sent) over the file's
    `existing` text; `None` for a new case."""
    try:
        wanted = coerce(form_values, form)
    except FormValueError as exc:
        raise MergeError(str(exc)) from None
    if wanted is MISSING:
        wanted = {}
    yaml = _yaml()
    if existing is None or not existing.strip():
        document = _new_node(wanted, form)
        document.yaml_set_start_comment(NEW_CASE_HEADER)
        # A blank line between sections, as in `casebook new`'s template.
        for key in list(document)[1:]:
            document.yaml_set_comment_before_after_key(key, before="\n")
    else:
        document = yaml.load(existing)
        if not isinstance(document, CommentedMap):
            document = CommentedMap()
    _merge_map(document, wanted, form)
    out = io.StringIO()
    yaml.dump(document, out)
    text = out.getvalue()
    _verify(text, wanted, form)
    return text


def _verify(text: str, wanted: dict[str, Any], form: FormField) -> None:
    """Read the text back as `casebook check` will: it must say what the form said."""
    loaded = load_yaml_text(text, display="case.yaml")
    if loaded.diagnostics:
        raise MergeError("; ".join(d.format() for d in loaded.diagnostics))
    differing = _differences(coerce(loaded.data, form), wanted, form, "")
    if differing:
        raise MergeError(f"saving would change what the file says at {', '.join(differing)}")


def _differences(read: Any, wanted: Any, field: FormField, path: str) -> list[str]:
    """Where the text read back says something else than the form; an optional value left
    out equals its default."""
    if field.kind == "object" and isinstance(read, dict) and isinstance(wanted, dict):
        found: list[str] = []
        for child in field.fields:
            a, b = read.get(child.name, MISSING), wanted.get(child.name, MISSING)
            if a is MISSING and (b is MISSING or _is_default(b, child)):
                continue
            found += _differences(a, b, child, f"{path}.{child.name}".lstrip("."))
        return found
    if isinstance(read, list) and isinstance(wanted, list) and len(read) == len(wanted):
        each = field.each()
        return [
            d
            for i, (a, b) in enumerate(zip(read, wanted, strict=True))
            for d in _differences(a, b, each, f"{path}[{i}]")
        ]
    return [] if read == wanted else [path or "the whole file"]


def _merge_map(node: CommentedMap, wanted: dict[str, Any], form: FormField) -> None:
    for index, field in enumerate(form.fields):
        key = field.name
        if key not in wanted:
            # An empty value the file wrote out (affiliations: []) may stay; anything else the
            # form cleared is removed.
            if key in node and not _is_empty(node[key]):
                _delete(node, key)
            continue
        if key in node:
            merged = _merge_value(node[key], wanted[key], field)
            if merged is not node[key]:
                node[key] = merged
        elif not _is_default(wanted[key], field):
            position = _position(node, form, index)
            # A key added at the end goes before the blank line that ends the block.
            tail = take_tail(node) if position == len(node) else None
            node.insert(position, key, _new_node(wanted[key], field))
            put_tail(node, tail)
    # Keys unknown to the form stay where they are: they came from the file.


def _delete(node: CommentedMap, key: str) -> None:
    tail = take_tail(node) if list(node)[-1] == key else None
    del node[key]
    put_tail(node, tail)


def _position(node: CommentedMap, form: FormField, index: int) -> int:
    """Where a new key goes: after the nearest key before it in the model's order."""
    keys = list(node.keys())
    for earlier in reversed(form.fields[:index]):
        if earlier.name in node:
            return keys.index(earlier.name) + 1
    return 0


def _merge_value(old: Any, new: Any, field: FormField) -> Any:
    if field.kind == "yaml":
        # One of several shapes, written whole: kept as the file has it unless it changed.
        return old if _same(old, new, field) else _new_node(new, field)
    if field.kind == "object" and isinstance(old, CommentedMap) and isinstance(new, dict):
        _merge_map(old, new, field)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        return _merge_seq(old, new, field)
    if _same(old, new, field):
        return old
    return _new_node(new, field, like=old)


def _merge_seq(old: CommentedSeq, new: list[Any], field: FormField) -> CommentedSeq:
    each = field.each()
    if len(old) == len(new):
        # The usual edit: a value changed inside an item. Merging item by item keeps every
        # comment, which ruamel files under the item's index.
        for i, item in enumerate(new):
            merged = _merge_value(old[i], item, each)
            if merged is not old[i]:
                old[i] = merged
        return old
    # Items were added or removed: keep each old item that is still there, with its comments.
    tail = take_tail(old)
    unused = list(range(len(old)))
    result = CommentedSeq()
    for i, item in enumerate(new):
        match = next((j for j in unused if _same(old[j], item, each)), None)
        if match is None:
            match = next((j for j in unused if _same_id(old[j], item)), None)
        if match is not None:
            unused.remove(match)
            result.append(_merge_value(old[match], item, each))
            if match in old.ca.items:
                result.ca.items[i] = old.ca.items[match]
        else:
            result.append(_new_node(item, each))
    if old.fa.flow_style():
        result.fa.set_flow_style()
    result.ca.comment = old.ca.comment
    put_tail(result, tail)
    return result


def _new_node(value: Any, field: FormField, *, like: Any = None) -> Any:
    if isinstance(value, dict):
        node = CommentedMap()
        for key, item in value.items():
            child = field.child(key)
            if child is None:
                node[key] = item
            elif not _is_default(item, child):
                node[key] = _new_node(item, child)
        return node
    if isinstance(value, list):
        seq = CommentedSeq(_new_node(item, field.each()) for item in value)
        if isinstance(like, CommentedSeq) and like.fa.flow_style():
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str):
        return _text_node(value, like=like)
    return value


def _text_node(text: str, *, like: Any) -> Any:
    if "\n" in text or isinstance(like, LiteralScalarString):
        return LiteralScalarString(text)
    if len(text) > FOLD_WIDTH or isinstance(like, FoldedScalarString):
        folded = FoldedScalarString(text)
        folded.fold_pos = _fold_positions(text)
        return folded
    return text


def _fold_positions(text: str) -> list[int]:
    """The spaces at which a folded scalar breaks its lines, FOLD_WIDTH characters at most."""
    positions: list[int] = []
    start = 0
    last_space = -1
    for i, char in enumerate(text):
        if char == " " and text[i - 1 : i] != " " and text[i + 1 : i + 2] not in (" ", ""):
            if i - start > FOLD_WIDTH and last_space > start:
                positions.append(last_space)
                start = last_space + 1
            last_space = i
    if len(text) - start > FOLD_WIDTH and last_space > start:
        positions.append(last_space)
    return positions


def plain(node: Any) -> Any:
    """A ruamel node as plain Python data, to compare with the form's values."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, datetime.datetime):
        return node.date() if node.time() == datetime.time() else node
    if isinstance(node, datetime.date):
        return datetime.date(node.year, node.month, node.day)
    return node


def _same(old: Any, new: Any, field: FormField) -> bool:
    """Whether the file already says what the form says (80 and "80" for a text field, 4 and
    4.0 for a number), so that the file's own spelling of the value is kept."""
    old = coerce(plain(old), field)
    return (bool(old == new) and type(old) is type(new)) or _same_number(old, new)


def _same_number(old: Any, new: Any) -> bool:
    numbers = (int, float)
    return (
        isinstance(old, numbers)
        and isinstance(new, numbers)
        and not isinstance(old, bool)
        and not isinstance(new, bool)
        and old == new
    )


def _same_id(old: Any, new: Any) -> bool:
    """The same item, edited: items with ids (figures, references, biopsies) keep them."""
    return (
        isinstance(old, dict)
        and isinstance(new, dict)
        and "id" in old
        and plain(old["id"]) == new.get("id")
    )


def _is_empty(node: Any) -> bool:
    return node is None or (isinstance(node, str | list | dict) and len(node) == 0)


def _is_default(value: Any, field: FormField) -> bool:
    """An optional value equal to the model's default adds nothing to a file that lacks it
    (Decap writes `placeholder: false` for every untouched switch)."""
    return not field.required and field.kind != "constant" and value == field.default
