"""The authors' field reference, generated from the case model so it can never drift from it."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

from casebook.models import ONE_LINE_PATTERN, case_schema
from casebook.render.environment import environment


@dataclass(frozen=True)
class FieldRow:
    name: str
    kind: str
    required: bool
    description: str


@dataclass(frozen=True)
class Section:
    name: str
    description: str
    rows: tuple[FieldRow, ...]


def field_reference_page() -> str:
    return environment().get_template("field_reference.md.j2").render(sections=_sections())


@functools.cache
def _sections() -> tuple[Section, ...]:
    """Made once per import of the models: generating the JSON Schema took a twentieth of a
    second of every preview rebuild. `mkdocs serve` imports the core again when its code
    changes, so an edited model still shows."""
    schema = case_schema()
    sections = [_section("case.yaml (top level)", schema, schema)]
    sections += [_section(name, spec, schema) for name, spec in sorted(schema["$defs"].items())]
    return tuple(sections)


def _section(name: str, spec: dict[str, Any], schema: dict[str, Any]) -> Section:
    required = set(spec.get("required", []))
    rows = tuple(
        FieldRow(
            field, _kind(prop), field in required, " ".join(prop.get("description", "").split())
        )
        for field, prop in spec.get("properties", {}).items()
    )
    return Section(name, _one_line(spec.get("description", "")), rows)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _kind(prop: dict[str, Any]) -> str:
    """A short human description of a JSON Schema type."""
    if "$ref" in prop:
        return _link(prop["$ref"])
    for either in ("anyOf", "oneOf"):  # oneOf: a union told apart by its form (the abstract)
        if either in prop:
            kinds = [_kind(p) for p in prop[either] if p.get("type") != "null"]
            return " or ".join(dict.fromkeys(kinds))
    if "enum" in prop:
        return "one of: " + ", ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{json.dumps(prop['const'])}`"
    kind = prop.get("type", "any")
    if kind == "array":
        return f"list of {_kind(prop.get('items', {}))}"
    # A one-line text carries a pattern too, but only to refuse line breaks (models/base.py).
    if kind == "string" and prop.get("pattern") == ONE_LINE_PATTERN:
        return "text, one line"
    if kind == "string" and prop.get("contentMediaType") == "text/markdown":
        return "Markdown, may span lines"
    if kind == "string" and "pattern" in prop:
        examples = prop.get("examples")
        return f"text, e.g. `{examples[0]}`" if examples else "text (checked form)"
    if kind == "string" and prop.get("format") == "date":
        return "date `YYYY-MM-DD`"
    return _TYPE_NAMES.get(str(kind), str(kind))


def _link(ref: str) -> str:
    name = ref.rsplit("/", 1)[-1]
    return f"[{name}](#{name.lower()})"


_TYPE_NAMES = {
    "string": "text",
    "integer": "whole number",
    "number": "number",
    "boolean": "true/false",
}
