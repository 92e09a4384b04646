"""Turn pydantic's validation errors into author-facing findings: the field, what is wrong, and
the remedy."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from casebook.checks.key_synonyms import Advice, advice_for
from casebook.findings import Finding
from casebook.models import CaseFile, LineBreakError
from casebook.positions import Path_, dotted

_PATTERN_HELP = {
    "duration": "write a number and a unit, e.g. '4 weeks', '3 months' or 'about 2 months'",
    "relative": "write a time relative to the start of treatment, e.g. 'week 4' or 'month 3'",
    "time": (
        "write a time relative to the start of treatment, e.g. 'week 4' or 'month 3', "
        "or a date as YYYY-MM-DD"
    ),
    "fig-": "figure ids start with 'fig-' and use lower-case letters, digits and hyphens",
    "orcid": "write the ORCID iD as 0000-0000-0000-0000",
    "doi": "write the DOI without a prefix, e.g. 10.1111/bjd.18898",
    "email": "write an e-mail address like name@example.org",
    "https": "write a full web address starting with https://",
    "id": "use lower-case letters, digits and hyphens",
}


def findings_from_validation(
    error: ValidationError, *, data: Any, model: type[BaseModel]
) -> list[Finding]:
    """One finding per field `model` refused in `data`. A missing field's path ends in its
    name, which stands nowhere in the file: its position is the mapping that lacks it."""
    seen: set[Path_] = set()
    out: list[Finding] = []
    for detail in error.errors(include_url=False):
        path, missing = _data_path(detail, data)
        if path in seen:
            continue  # a union reports once per member; the first says enough
        seen.add(path)
        message, hint = _describe(detail, path, missing=missing, model=model)
        out.append(
            Finding(
                path,
                message,
                hint,
                at_key=detail["type"] == "extra_forbidden",
                excerpt=_excerpt(detail),
            )
        )
    return out


def _excerpt(detail: ErrorDetails) -> str:
    """For a line break, the text after it: the error then points at the line it starts."""
    error = detail.get("ctx", {}).get("error")
    given = detail.get("input")
    if isinstance(error, LineBreakError) and isinstance(given, str):
        return given[error.offset :].lstrip() or given
    return ""


def _data_path(detail: ErrorDetails, data: Any) -> tuple[Path_, bool]:
    """The loc as a path through the author's data; union member names are dropped."""
    path: list[str | int] = []
    node = data
    loc = list(detail["loc"])
    for i, part in enumerate(loc):
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and part < len(node)
        if in_dict or in_list:
            node = node[part]
            path.append(part)
        elif detail["type"] == "missing" and i == len(loc) - 1:
            path.append(part)
            return tuple(path), True
    return tuple(path), False


def _describe(
    detail: ErrorDetails, path: Path_, *, missing: bool, model: type[BaseModel]
) -> tuple[str, str]:
    kind = detail["type"]
    ctx = detail.get("ctx", {})
    given = detail.get("input")
    if missing:
        return f"missing required field '{path[-1]}'", f"add '{path[-1]}:' here"
    if kind == "extra_forbidden":
        return f"unknown key '{path[-1]}'", _unknown_key_hint(model, path)
    if kind == "literal_error":
        expected = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        close = difflib.get_close_matches(str(given), expected, n=1, cutoff=0.5)
        hint = f"did you mean '{close[0]}'?" if close else "use one of: " + ", ".join(expected)
        return f"unknown value '{given}'", hint
    if kind == "string_pattern_mismatch":
        return f"'{given}' is not in the expected form", _pattern_hint(str(ctx.get("pattern", "")))
    if isinstance(ctx.get("error"), LineBreakError):
        return "line break in a one-line field", (
            "write it on one line; only Markdown fields such as abstract, discussion and "
            "outcome.summary may span lines"
        )
    if kind in {"value_error", "assertion_error"}:
        return str(ctx.get("error", detail["msg"])), ""
    if kind == "string_type":
        return f"expected text, got {_shown(given)}", "put the value in quotes"
    if kind in {"float_type", "float_parsing", "int_type", "int_parsing", "int_from_float"}:
        return f"expected a number, got {_shown(given)}", "write the number without units"
    if kind in {"list_type"}:
        return f"expected a list, got {_shown(given)}", "start each item with '- '"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"expected a mapping of keys, got {_shown(given)}", "write 'key: value' lines"
    if kind in {"too_short"}:
        return "needs at least one item", "add an item starting with '- '"
    if kind.startswith("greater_than") or kind.startswith("less_than"):
        return f"{_shown(given)} is out of range: {detail['msg'].lower()}", ""
    if kind in {"date_from_datetime_parsing", "date_parsing", "date_type"}:
        return f"expected a date, got {_shown(given)}", "write the date as YYYY-MM-DD"
    return detail["msg"], ""


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value) if isinstance(value, str) else str(value)


def _pattern_hint(pattern: str) -> str:
    if "day|week|month|year)s" in pattern:
        return _PATTERN_HELP["duration"]
    if "(day|week|month|year) " in pattern:
        return _PATTERN_HELP["time" if r"\d{4})-" in pattern else "relative"]
    for marker, hint in _PATTERN_HELP.items():
        if marker in pattern:
            return hint
    if r"\d{4}-\d{4}" in pattern:
        return _PATTERN_HELP["orcid"]
    if r"10\." in pattern:
        return _PATTERN_HELP["doi"]
    if "@" in pattern:
        return _PATTERN_HELP["email"]
    return _PATTERN_HELP["id"]


def _unknown_key_hint(model: type[BaseModel], path: Path_) -> str:
    """Where the fact goes, from the synonym table; else a close spelling; else the keys, when
    few enough to read, or where the field reference lists them."""
    key = str(path[-1])
    parent = model_at(model, path[:-1])
    if parent is None:
        return "remove it"
    known = _yaml_names(parent)
    # The synonyms are clinical: a site setting's unknown key gets none.
    advice = advice_for(parent.__name__, key) if model is CaseFile else None
    if advice is not None:
        return _advice_hint(key, advice, path[:-1], known)
    close = _close_spelling(key, known)
    if close:
        return f"did you mean '{close}'?"
    if len(known) <= MAX_LISTED_KEYS or model is not CaseFile:
        return "known keys here: " + ", ".join(known)
    section = "case.yaml (top level)" if parent is CaseFile else parent.__name__
    return f"there are {len(known)} keys here: docs/guide/fields.md lists them under '{section}'"


MAX_LISTED_KEYS = 8


def _advice_hint(key: str, advice: Advice, parent_path: Path_, known: list[str]) -> str:
    if not advice.targets:
        return advice.note
    # In a series each patient's record is under patients[n]; elsewhere at the top level.
    record = parent_path[:2] if parent_path[:1] == ("patients",) else ()
    places = []
    for target in advice.targets:
        base = parent_path if re.split(r"[.\[]", target, maxsplit=1)[0] in known else record
        places.append(f"{dotted(base)}.{target}" if base else target)
    hint = f"there is no field for {key} here; write it in " + advice.joiner.join(places)
    return f"{hint}, {advice.note}" if advice.note else hint


def _close_spelling(key: str, known: list[str]) -> str | None:
    """A known key spelt nearly like `key` (a typo, a plural, a shortened form); a word that
    merely shares letters ('indication', 'duration') is no close spelling."""
    lowered = key.lower()
    for name in known:
        if lowered == name.lower():
            return name
    close = difflib.get_close_matches(lowered, known, n=1, cutoff=0.75)
    if close:
        return close[0]
    prefixed = [n for n in known if len(_shared_start(lowered, n.lower())) >= 5]
    return prefixed[0] if len(prefixed) == 1 else None


def _shared_start(a: str, b: str) -> str:
    for index, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return a[:index]
    return a[: min(len(a), len(b))]


def model_at(model: type[BaseModel], path: Path_) -> type[BaseModel] | None:
    """The model that `path` (through the author's data) points into."""
    current: type[BaseModel] | None = model
    for index, part in enumerate(path):
        if current is None:
            return None
        if isinstance(part, int):
            continue
        field = _field_by_yaml_name(current, part)
        # A field that is a list of items or a mapping (examination): what follows says which.
        in_list = index + 1 < len(path) and isinstance(path[index + 1], int)
        current = _model_in(field.annotation, in_list=in_list) if field else None
    return current


def _yaml_names(model: type[BaseModel]) -> list[str]:
    """Field names as written in YAML."""
    return [f.alias or name for name, f in model.model_fields.items()]


def _field_by_yaml_name(model: type[BaseModel], name: str) -> Any:
    for field_name, field in model.model_fields.items():
        if name in (field_name, field.alias):
            return field
    return None


def _model_in(annotation: Any, *, in_list: bool = False) -> type[BaseModel] | None:
    """The model a field holds; of a union of a list and a mapping, the one the path is in."""
    found = _models_in(annotation, listed=False)
    for model, listed in found:
        if listed == in_list:
            return model
    return found[0][0] if found else None


def _models_in(annotation: Any, *, listed: bool) -> list[tuple[type[BaseModel], bool]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [(annotation, listed)]
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _models_in(typing.get_args(annotation)[0], listed=listed)
    if origin in (list, typing.Union, types.UnionType):
        return [
            found
            for arg in typing.get_args(annotation)
            for found in _models_in(arg, listed=listed or origin is list)
        ]
    return []
