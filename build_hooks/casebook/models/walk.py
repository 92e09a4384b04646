"""Walk a validated model's values in field order, with the YAML path of each, and what each
text field holds (models/base.py's Holds)."""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from casebook.models.base import Holds
from casebook.positions import Path_


def iter_leaves(value: object, path: Path_ = ()) -> Iterator[tuple[Path_, object]]:
    """Every value that is not a model or a list, in declaration order, keyed by its path as
    the author wrote it (aliases included), so positions can be looked up."""
    if isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            yield from iter_leaves(getattr(value, name), (*path, field.alias or name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from iter_leaves(item, (*path, index))
    elif value is not None:
        yield path, value


def iter_strings(value: object, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    for leaf_path, leaf in iter_leaves(value, path):
        if isinstance(leaf, str):
            yield leaf_path, leaf


def iter_texts(value: object, path: Path_ = ()) -> Iterator[tuple[Path_, str, Holds | None]]:
    """Every string in `value` with what its field holds; None for a field with no marker
    (unmarked_text_fields finds those in the model, so that none ships)."""
    if isinstance(value, BaseModel):
        holds = field_holds(type(value))
        for name, field in type(value).model_fields.items():
            child = getattr(value, name)
            child_path = (*path, field.alias or name)
            if isinstance(child, str):
                yield child_path, child, holds[name]
            elif isinstance(child, list) and child and isinstance(child[0], str):
                for index, item in enumerate(child):
                    yield (*child_path, index), item, holds[name]
            else:
                yield from iter_texts(child, child_path)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from iter_texts(item, (*path, index))


@functools.cache
def field_holds(model: type[BaseModel]) -> dict[str, Holds | None]:
    """What each field of `model` holds, read from its type: the last marker wins, so that
    `Annotated[Text, Holds.AUTHOR_IDENTITY]` overrides Text's own CASE_TEXT."""
    return {
        name: _holds(field.annotation, tuple(field.metadata))
        for name, field in model.model_fields.items()
    }


def _holds(annotation: Any, metadata: tuple[Any, ...] = ()) -> Holds | None:
    for item in reversed(metadata):
        if isinstance(item, Holds):
            return item
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return _holds(base, tuple(extra))
    if origin is typing.Literal:
        # A closed list of values: nothing else can be written there.
        return Holds.FORM_CHECKED
    for arg in typing.get_args(annotation):
        if _can_hold_text(arg):
            return _holds(arg)
    return None


def _can_hold_text(annotation: Any) -> bool:
    if annotation is str:
        return True
    if typing.get_origin(annotation) is typing.Literal:
        return any(isinstance(value, str) for value in typing.get_args(annotation))
    if isinstance(annotation, type):
        return False
    return any(_can_hold_text(arg) for arg in typing.get_args(annotation))


def unmarked_text_fields(model: type[BaseModel]) -> list[str]:
    """'Model.field' of every field, in `model` and the models it holds, that can hold text but
    does not say what it holds: the de-identification check would not know its rules."""
    out: list[str] = []
    seen: set[type[BaseModel]] = set()

    def visit(current: type[BaseModel]) -> None:
        if current in seen:
            return
        seen.add(current)
        holds = field_holds(current)
        for name, field in current.model_fields.items():
            if _can_hold_text(field.annotation) and holds[name] is None:
                out.append(f"{current.__name__}.{name}")
            for inner in _models_in(field.annotation):
                visit(inner)

    visit(model)
    return out


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    if isinstance(annotation, types.GenericAlias | types.UnionType) or typing.get_args(annotation):
        for arg in typing.get_args(annotation):
            yield from _models_in(arg)
