"""The case model as form fields, read from its JSON Schema: one walk that knows no field names."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from casebook.models import case_schema

Kind = Literal[
    "string",  # one line of text
    "text",  # Markdown or other long text: a text box, kept verbatim
    "integer",
    "number",
    "boolean",
    "date",  # YYYY-MM-DD
    "select",  # one of the allowed values; with `multiple`, a list of them
    "image",  # a file beside the case, uploaded as media
    "mixed",  # one of several scalar types, e.g. an age or '90 or older'
    "constant",  # a value the form does not ask for, e.g. the format version
    "yaml",  # one of several shapes (a list, or a mapping): written in YAML in a text box
    "object",
    "list",
]
Scalar = str | int | float | bool


class FormSpecError(Exception):
    """The model holds a shape that no form widget can edit; the message names the field."""


@dataclass(frozen=True)
class FormField:
    """One field of the form, in the model's order, with what the model says about it."""

    name: str
    """The key in case.yaml (the model's alias where it has one)."""
    label: str
    hint: str
    required: bool
    kind: Kind
    options: tuple[Scalar, ...] = ()
    """The allowed values of a select or a constant, or the literal choices of a mixed field."""
    multiple: bool = False
    """A select of several values, written as a list."""
    accepts: tuple[Kind, ...] = ()
    """For a mixed field: the scalar kinds besides `options`."""
    fields: tuple[FormField, ...] = ()
    """The fields of an object, or of each object in a list."""
    item: FormField | None = None
    """The one field of each item of a list of values (strings, numbers or lists)."""
    pattern: str | None = None
    pattern_message: str | None = None
    """What the pattern asks for, in words, where the model says (patternErrorMessage)."""
    examples: tuple[str, ...] = ()
    """Values the model gives as examples of the pattern, e.g. '4 weeks'."""
    minimum: float | None = None
    maximum: float | None = None
    expected: bool = False
    """Required by one of the forms the object may take (a single case's patient, history and
    diagnosis; a series has none): the form opens it, though it cannot demand it."""
    min_items: int | None = None
    max_items: int | None = None
    default: Any = None

    def child(self, name: str) -> FormField | None:
        return next((f for f in self.fields if f.name == name), None)

    def each(self) -> FormField:
        """The field of one item of a list (or of a select of several values)."""
        if self.item is not None:
            return self.item
        kind: Kind = "select" if self.kind == "select" else "object"
        return replace(
            self, kind=kind, multiple=False, required=True, min_items=None, max_items=None
        )


def label_for(key: str) -> str:
    """'presenting_complaints' -> 'Presenting complaints'; DOI, PMID and URL stay as written."""
    if key.isupper():
        return key
    words = key.removeprefix("casebook-").replace("-", " ").replace("_", " ").split()
    return " ".join([words[0].capitalize(), *words[1:]]) if words else key


def case_form() -> FormField:
    """The whole case.yaml as one object field, from the case model's JSON Schema."""
    return form_from_schema(case_schema())


def form_from_schema(schema: Mapping[str, Any]) -> FormField:
    walker = _Walker(schema.get("$defs", {}))
    return walker.object_field("", schema, required=True, path="")


_NULL = {"type": "null"}


class _Walker:
    def __init__(self, defs: Mapping[str, Any]) -> None:
        self.defs = defs

    def resolve(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        ref = node.get("$ref")
        if ref is None:
            return node
        resolved = self.defs[ref.removeprefix("#/$defs/")]
        # Sibling keywords (the description of a field whose type is a model) win.
        return {**resolved, **{k: v for k, v in node.items() if k != "$ref"}}

    def object_field(
        self, name: str, node: Mapping[str, Any], *, required: bool, path: str
    ) -> FormField:
        node = self.resolve(node)
        needed = set(node.get("required", []))
        in_a_form = {key for form in node.get("anyOf", []) for key in form.get("required", [])}
        children = tuple(
            replace(
                self.field(key, child, required=key in needed, path=f"{path}.{key}".lstrip(".")),
                expected=key in in_a_form,
            )
            for key, child in node.get("properties", {}).items()
        )
        if not children:
            raise FormSpecError(f"{path or 'case'}: an object without fields has no form")
        return FormField(
            name=name,
            label=label_for(name) if name else "Case",
            hint=_hint(node),
            required=required,
            kind="object",
            fields=children,
        )

    def field(self, name: str, node: Mapping[str, Any], *, required: bool, path: str) -> FormField:
        node = self.resolve(node)
        choices = [self.resolve(c) for c in node.get("anyOf") or node.get("oneOf") or []]
        if choices:
            not_null = [c for c in choices if c != _NULL]
            merged = {k: v for k, v in node.items() if k not in ("anyOf", "oneOf")}
            if len(not_null) == 1:
                return self.field(name, {**not_null[0], **merged}, required=required, path=path)
            return self.mixed(name, node, not_null, required=required, path=path)
        common: dict[str, Any] = {
            "name": name,
            "label": label_for(name),
            "hint": _hint(node),
            "required": required,
            "default": node.get("default"),
        }
        if "const" in node:
            # A value that is always the same (the format version) is not asked for; an
            # optional single choice (a panel's chart: scores) is a select of one.
            fixed = node.get("default") == node["const"]
            const_kind: Kind = "constant" if fixed else "select"
            return FormField(**common, kind=const_kind, options=(node["const"],))
        if "enum" in node:
            return FormField(**common, kind="select", options=tuple(node["enum"]))
        kind = node.get("type")
        if kind == "object":
            return self.object_field(name, node, required=required, path=path)
        if kind == "array":
            return self.array(common, node, path=path)
        return FormField(**common, **self.scalar(node, path=path))

    def scalar(self, node: Mapping[str, Any], *, path: str) -> dict[str, Any]:
        kind = node.get("type")
        if kind == "string":
            media = node.get("contentMediaType", "")
            if media.startswith("image/"):
                return {"kind": "image"}
            if media == "text/markdown":
                return {"kind": "text"}
            if node.get("format") == "date":
                return {"kind": "date"}
            return {
                "kind": "string",
                "pattern": node.get("pattern"),
                "pattern_message": node.get("patternErrorMessage"),
                "examples": tuple(node.get("examples", ())),
            }
        if kind in ("integer", "number"):
            return {
                "kind": kind,
                "minimum": node.get("minimum", node.get("exclusiveMinimum")),
                "maximum": node.get("maximum", node.get("exclusiveMaximum")),
            }
        if kind == "boolean":
            return {"kind": "boolean"}
        raise FormSpecError(f"{path}: no form widget for JSON Schema type {kind!r}")

    def array(self, common: dict[str, Any], node: Mapping[str, Any], *, path: str) -> FormField:
        items = self.resolve(node.get("items", {}))
        sizes: dict[str, Any] = {
            "min_items": node.get("minItems"),
            "max_items": node.get("maxItems"),
        }
        if "enum" in items:
            return FormField(
                **common, kind="select", multiple=True, options=tuple(items["enum"]), **sizes
            )
        if items.get("type") == "object":
            built = self.object_field(common["name"], items, required=True, path=f"{path}[]")
            return FormField(**common, kind="list", fields=built.fields, **sizes)
        item = self.field(common["name"], items, required=True, path=f"{path}[]")
        return FormField(**common, kind="list", item=item, **sizes)

    def mixed(
        self,
        name: str,
        node: Mapping[str, Any],
        choices: list[Mapping[str, Any]],
        *,
        required: bool,
        path: str,
    ) -> FormField:
        if any(choice.get("type") in ("object", "array") for choice in choices):
            # No form widget edits one of several shapes; a text box in YAML edits them all.
            shapes = " or ".join(_shape(choice, self) for choice in choices)
            return FormField(
                name=name,
                label=label_for(name),
                hint=f"{_hint(node)} Written here in YAML, as in case.yaml: {shapes}.".lstrip(),
                required=required,
                kind="yaml",
                default=node.get("default"),
            )
        literals: list[Scalar] = []
        kinds: list[Kind] = []
        text_forms: list[dict[str, Any]] = []
        for choice in choices:
            if "const" in choice or "enum" in choice:
                literals.extend(choice.get("enum", [choice.get("const")]))
            elif choice.get("type") in ("integer", "number", "string", "boolean"):
                scalar = self.scalar(choice, path=path)
                kinds.append(scalar["kind"])
                if scalar["kind"] == "string":
                    text_forms.append(scalar)
            else:
                raise FormSpecError(f"{path}: no form widget for a choice of {choice}")
        return FormField(
            name=name,
            label=label_for(name),
            hint=_hint(node),
            required=required,
            kind="mixed",
            options=tuple(literals),
            accepts=tuple(kinds),
            pattern=_mixed_pattern(literals, kinds, text_forms),
            examples=_mixed_examples(literals, text_forms),
            default=node.get("default"),
        )


# Escapes that mean the same in Python and JavaScript (re.escape also escapes spaces, which a
# JavaScript regular expression with the u flag refuses).
_REGEX_SPECIALS = re.compile(r"[.^$*+?()\[\]{}|\\/]")
_KIND_PATTERNS = {"integer": r"-?\d+", "number": r"-?\d+(\.\d+)?", "boolean": "true|false"}


def _mixed_pattern(
    literals: list[Scalar], kinds: list[Kind], text_forms: list[dict[str, Any]]
) -> str | None:
    parts = [_KIND_PATTERNS[k] for k in kinds if k in _KIND_PATTERNS]
    parts += [_REGEX_SPECIALS.sub(r"\\\g<0>", str(value)) for value in literals]
    if "string" not in kinds:
        return f"^({'|'.join(parts)})$"
    # Text of a form ('week 4') or a fixed word ('not stated'): each form's own pattern, which
    # anchors itself, beside the words.
    if not all(form["pattern"] for form in text_forms):
        return None
    return "|".join([*(f"(?:{form['pattern']})" for form in text_forms), f"^({'|'.join(parts)})$"])


def _mixed_examples(literals: list[Scalar], text_forms: list[dict[str, Any]]) -> tuple[str, ...]:
    if not text_forms:
        return ()
    return (*(e for form in text_forms for e in form["examples"]), *(str(v) for v in literals))


def _shape(node: Mapping[str, Any], walker: _Walker) -> str:
    """One alternative of a field, in words: 'a mapping of value, unit'."""
    node = walker.resolve(node)
    if "const" in node or "enum" in node:
        return " or ".join(f"'{v}'" for v in node.get("enum", [node.get("const")]))
    kind = node.get("type")
    if kind == "object":
        return f"a mapping of {', '.join(node.get('properties', {}))}"
    if kind == "array":
        return f"a list, each item {_shape(node.get('items', {}), walker)}"
    words = {"integer": "a whole number", "number": "a number", "boolean": "true or false"}
    return words.get(str(kind), "text")


def _hint(node: Mapping[str, Any]) -> str:
    return " ".join(str(node.get("description", "")).split())
