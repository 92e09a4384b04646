"""The blank lines and comments after a block's last line, which ruamel files under that last
line: when a list grows or shrinks, or a key is added at the end, they move to the new end."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

Tail = str
"""The comment text as ruamel keeps it after a value: it starts with the newline that ends the
value's own line."""


def _block(node: Any) -> bool:
    return isinstance(node, CommentedMap | CommentedSeq) and len(node) > 0 and not _flow(node)


def _flow(node: CommentedMap | CommentedSeq) -> bool:
    return bool(node.fa.flow_style())


def take_tail(node: Any) -> Tail | None:
    """Detach the comment after the last line of `node`, if it has one."""
    if not _block(node):
        return None
    last: Any = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
    value = node[last]
    if _block(value):
        inner = take_tail(value)
        if inner is not None:
            return inner
    slot = 2 if isinstance(node, CommentedMap) else 0
    entry = node.ca.items.get(last)
    if entry is not None and len(entry) > slot and entry[slot] is not None:
        token = entry[slot]
        entry[slot] = None
        return str(token.value)
    if node.ca.end:
        # At the end of a block ruamel keeps the lines without the newline ending the value.
        text = "\n" + "".join(str(t.value) for t in node.ca.end)
        node.ca.end = []
        return text
    return None


def put_tail(node: Any, tail: Tail | None) -> None:
    """Attach `tail` after the last line of `node`."""
    if tail is None or not _block(node):
        return
    last: Any = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
    value = node[last]
    if _block(value):
        put_tail(value, tail)
        return
    slot = 2 if isinstance(node, CommentedMap) else 0
    entry = node.ca.items.setdefault(last, [None, None, None, None])
    while len(entry) <= slot:
        entry.append(None)
    entry[slot] = CommentToken(tail, CommentMark(0), None)
