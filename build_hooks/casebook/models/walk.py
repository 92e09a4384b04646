"""Walk a validated model's values in field order, with the YAML path of each."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

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
