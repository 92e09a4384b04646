"""The Decap CMS configuration for case.yaml, made from the form fields of the case model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from casebook.editor.form_spec import FormField, case_form

CONFIG_PATH = Path("schema") / "cms-config.yml"
REGENERATE = "casebook editor-config"
DEFAULT_BACKEND = "http://127.0.0.1:8081/api/v1"

_HEADER = f"""\
# The form editor's Decap CMS configuration, generated from the case model: do not edit.
# Regenerate it with: {REGENERATE}
# The preview serves it at /admin/config.yml with its own backend and case folder filled in.
"""

_NOTICE = (
    "Each case is a folder, case_data/<case-id>/, holding case.yaml and figures/. "
    "A new case's id is made from its title. Saving keeps the comments, key order and "
    "keys this form does not show; run casebook check (or look at the preview) after saving."
)


def cms_config(
    *, case_dir: str = "case_data", backend_url: str = DEFAULT_BACKEND
) -> dict[str, Any]:
    """The whole configuration, with the local backend at `backend_url`."""
    form = case_form()
    return {
        "backend": {"name": "proxy", "proxy_url": backend_url, "branch": "main"},
        "publish_mode": "simple",
        # Decap requires a site-wide media folder; every case keeps its own (below).
        "media_folder": case_dir,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            {
                "name": "cases",
                "label": "Cases",
                "label_singular": "Case",
                "description": _NOTICE,
                "folder": case_dir,
                "path": "{{slug}}/case",
                "extension": "yaml",
                "format": "yaml",
                "create": True,
                "identifier_field": "publication.title",
                "summary": "{{publication.title}}",
                "media_folder": "figures",
                "public_folder": "figures",
                "editor": {"preview": False},
                "fields": [decap_field(f) for f in form.fields],
            }
        ],
    }


def cms_config_text() -> str:
    return _HEADER + yaml.safe_dump(
        cms_config(), sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )


def write_cms_config(root: Path) -> Path:
    path = root / CONFIG_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(cms_config_text(), encoding="utf-8")
    return path


def decap_field(field: FormField, *, inside_optional: str | None = None) -> dict[str, Any]:
    """One Decap field. Inside an optional object Decap would demand the object's required
    fields even when the author leaves the whole object empty, so they are optional in the
    form and the hint says when they are needed."""
    hint = field.hint
    required = field.required
    if inside_optional is not None and required:
        required = False
        hint = f"{hint} Required when {inside_optional} is filled in.".strip()
    out: dict[str, Any] = {"label": field.label, "name": field.name}
    if hint:
        out["hint"] = hint
    if not required and field.kind != "constant":
        out["required"] = False
    out.update(_widget(field, optional=not field.required or inside_optional is not None))
    return out


def _widget(field: FormField, *, optional: bool) -> dict[str, Any]:
    if field.kind == "object":
        label = field.label.lower()
        inner = label if optional else None
        return {
            "widget": "object",
            # An optional section of many fields starts folded; a dose (value and unit) stays
            # open, so that what it holds is seen.
            "collapsed": optional and not field.expected and len(field.fields) > 3,
            "fields": [decap_field(f, inside_optional=inner) for f in field.fields],
        }
    if field.kind == "list":
        out: dict[str, Any] = {"widget": "list", "label_singular": _singular(field.label)}
        if field.fields:
            # A required list opens with its first item unfolded, ready to fill in.
            out["collapsed"] = not field.min_items
            out["fields"] = [decap_field(f) for f in field.fields]
        elif field.item is not None:
            out["field"] = decap_field(field.item)
        out.update(_sizes(field))
        if not field.min_items:
            # Without it a new case opens with one empty item in every list, whose required
            # fields would then block saving.
            out["default"] = []
        return out
    if field.kind == "select":
        out = {"widget": "select", "options": list(field.options)}
        if field.multiple:
            out["multiple"] = True
            out.update(_sizes(field))
        return out
    if field.kind == "constant":
        return {"widget": "hidden", "default": field.options[0]}
    if field.kind in ("integer", "number"):
        out = {"widget": "number", "value_type": "int" if field.kind == "integer" else "float"}
        out.update(
            {k: v for k, v in (("min", field.minimum), ("max", field.maximum)) if v is not None}
        )
        return out
    if field.kind == "boolean":
        return {"widget": "boolean", "default": bool(field.default)}
    if field.kind == "date":
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "YYYY-MM-DD",
            "time_format": False,
            "picker_utc": True,
        }
    if field.kind == "image":
        return {"widget": "image", "choose_url": False}
    if field.kind in ("text", "yaml"):
        return {"widget": "text"}
    out = {"widget": "string"}
    if field.pattern:
        examples = ", ".join(field.examples)
        message = field.pattern_message or (f"e.g. {examples}" if examples else field.pattern)
        out["pattern"] = [field.pattern, message]
    return out


def _sizes(field: FormField) -> dict[str, int]:
    sizes = (("min", field.min_items), ("max", field.max_items))
    return {k: v for k, v in sizes if v is not None}


def _singular(label: str) -> str:
    """For the list's Add button: 'Add investigation'."""
    if label.endswith("ies"):
        return f"{label[:-3]}y"
    if label.endswith("s") and not label.endswith("ss"):
        return label[:-1]
    return label
