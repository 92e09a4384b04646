"""The explicit 'not stated': a fact the source leaves out, written so, and shown so."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from casebook.models.base import NOT_STATED, Text

# NOT_STATED (models.base) is what an author writes where a clinician would say the source does
# not state a fact: a value of its own, so that the page says 'not stated' instead of leaving
# the fact out in silence. Timing uses it as a Literal type; free-text fields, as below.


def _one_spelling(text: str) -> str:
    # 'Not stated' and 'NOT STATED' mean the same; one spelling lets every output recognise it.
    return NOT_STATED if text.casefold() == NOT_STATED else text


TextOrNotStated = Annotated[
    Text, AfterValidator(_one_spelling), Field(json_schema_extra={"examples": [NOT_STATED]})
]
"""A short plain-text value, or 'not stated' when the source does not give it."""


def is_stated(text: str) -> bool:
    return text != NOT_STATED
