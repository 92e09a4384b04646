"""The form's values as the model means them: Decap's empty strings, nulls and number strings
undone, by the kind of each field."""

from __future__ import annotations

import datetime
import re
from typing import Any

from casebook.editor.form_spec import FormField
from casebook.source import load_yaml_text


class FormValueError(Exception):
    """A value the form sent cannot be read; the message names the field."""


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
"""The field is left out of case.yaml: the form left it empty."""

_INT = re.compile(r"[-+]?\d+")
_FLOAT = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")


def coerce(value: Any, field: FormField) -> Any:
    """`value` as the model's type for `field`, or MISSING when the form left it empty.
    What cannot be converted is kept as the form sent it, for `casebook check` to report."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return MISSING
    if field.kind == "yaml":
        return _yaml(value, field)
    if field.kind == "object":
        return _object(value, field)
    if field.kind == "list" or (field.kind == "select" and field.multiple):
        return _list(value, field)
    scalar = _scalar(value, field)
    # Decap sends every switch of an optional section, set or not: a switch at its default says
    # nothing, and written down it would make an unfilled section (adapted_from) look filled.
    if field.kind == "boolean" and scalar is bool(field.default):
        return MISSING
    return scalar


def _yaml(value: Any, field: FormField) -> Any:
    """A field of several shapes, which the form edits as YAML text (and the file holds as
    data: Decap may send either)."""
    if not isinstance(value, str):
        return value
    loaded = load_yaml_text(value, display=field.label)
    if loaded.diagnostics:
        problem = loaded.diagnostics[0]
        raise FormValueError(f"{field.label}: not readable as YAML: {problem.message}")
    return MISSING if loaded.data is None else loaded.data


def _object(value: Any, field: FormField) -> Any:
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for child in field.fields:
        if child.name in value:
            coerced = coerce(value[child.name], child)
            if coerced is not MISSING:
                out[child.name] = coerced
    # Keys the form does not know came from the file; they stay, after the model's keys.
    out.update({k: v for k, v in value.items() if field.child(k) is None})
    return out or MISSING


def _list(value: Any, field: FormField) -> Any:
    each = field.each()
    items = [coerce(item, each) for item in (value if isinstance(value, list) else [value])]
    return [item for item in items if item is not MISSING] or MISSING


def _scalar(value: Any, field: FormField) -> Any:
    kind = field.kind
    if isinstance(value, str):
        value = value.strip()
    if kind in ("string", "text", "image"):
        return str(value) if _is_number(value) else value
    if kind == "integer":
        return _number(value, integer=True)
    if kind == "number":
        return _number(value, integer=False)
    if kind == "boolean":
        return {"true": True, "false": False}.get(value, value) if isinstance(value, str) else value
    if kind == "date":
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value[:10])
            except ValueError:
                return value
        return value
    if kind == "mixed":
        if isinstance(value, str) and value not in field.options:
            for accepted in field.accepts:
                if accepted in ("integer", "number"):
                    number = _number(value, integer=accepted == "integer")
                    if not isinstance(number, str):
                        return number
        return value
    return value


def _number(value: Any, *, integer: bool) -> Any:
    if isinstance(value, str):
        if _INT.fullmatch(value):
            return int(value)
        if _FLOAT.fullmatch(value):
            value = float(value)
        else:
            return value
    if isinstance(value, float) and integer and value.is_integer():
        return int(value)
    return value


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
