"""case.yaml as the form reads it: a field of several shapes becomes its YAML text, which the
form's text box shows and the save reads back (editor/coerce.py)."""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from casebook.editor.form_spec import FormField


def form_text(text: str, form: FormField) -> str:
    """`text` with every several-shapes value replaced by its YAML; `text` itself when the
    file has none (or cannot be read: the form then shows Decap's own error)."""
    yaml = YAML(typ="rt")
    try:
        document = yaml.load(text)
    except Exception:
        return text
    if not isinstance(document, CommentedMap) or not _replace(document, form, yaml):
        return text
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def _replace(node: CommentedMap, form: FormField, yaml: YAML) -> bool:
    changed = False
    for field in form.fields:
        value = node.get(field.name)
        if value is None:
            continue
        if field.kind == "yaml":
            node[field.name] = _as_text(value, yaml)
            changed = True
        elif field.kind == "object" and isinstance(value, CommentedMap):
            changed |= _replace(value, field, yaml)
        elif field.kind == "list" and field.fields and isinstance(value, CommentedSeq):
            for item in value:
                if isinstance(item, CommentedMap):
                    changed |= _replace(item, field.each(), yaml)
    return changed


def _as_text(value: Any, yaml: YAML) -> str:
    if isinstance(value, str):
        return str(value)
    if not isinstance(value, CommentedMap | CommentedSeq):
        return str(value).lower() if isinstance(value, bool) else str(value)
    out = io.StringIO()
    yaml.dump(value, out)
    return out.getvalue().rstrip("\n")
