"""Changing a few values of a YAML file's text, and nothing else in it."""

from __future__ import annotations

import pytest
from casebook.source import YamlEditError, set_scalars

TEXT = """\
# a comment that stays
site_name: Old  # and a trailing one
extra:
  casebook:
    title: 'Old'

    nested: {a: 1}
  other: 2
nav:
  - index.md
"""


def test_values_are_replaced_in_place_quoted_only_when_they_must_be() -> None:
    edited = set_scalars(
        TEXT,
        {("site_name",): "New: site #1", ("extra", "casebook", "title"): "Plain title"},
    )
    assert edited == TEXT.replace("site_name: Old ", 'site_name: "New: site #1" ').replace(
        "title: 'Old'", "title: Plain title"
    )


def test_a_missing_key_is_added_at_the_end_of_its_mapping_with_its_indentation() -> None:
    edited = set_scalars(TEXT, {("extra", "casebook", "publisher"): "Dept. of Skin"})
    assert edited == TEXT.replace(
        "    nested: {a: 1}\n", "    nested: {a: 1}\n    publisher: Dept. of Skin\n"
    )
    assert set_scalars("a: 1", {("b",): "yes"}) == 'a: 1\nb: "yes"\n'


def refused(values: dict[tuple[str, ...], str]) -> str:
    with pytest.raises(YamlEditError) as raised:
        set_scalars(TEXT, values)
    return str(raised.value)


def test_what_cannot_be_changed_safely_is_refused() -> None:
    assert refused({("extra", "casebook", "nested"): "x"}) == (
        "extra.casebook.nested is not a one-line value; set it by hand"
    )
    assert refused({("extra", "missing", "title"): "x"}) == (
        "there is no extra.missing section to set keys in"
    )
    assert refused({("nav", "x"): "x"}) == "there is no nav section to set keys in"
