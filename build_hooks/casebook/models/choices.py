"""A fixed list of values whose error names every allowed one, and the usual wrong spellings."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from pydantic import BeforeValidator


def one_of(what: str, allowed: tuple[str, ...], aliases: Mapping[str, str]) -> BeforeValidator:
    """Checks a value against `allowed` before the Literal does, so that the error lists the
    choices even when a close spelling exists: a modality or a class read from a report is
    often written another way ('X-ray', 'VUS'), and the author needs the whole list to choose.
    `aliases` maps those spellings (lower case) to the value to write instead."""

    def check(value: Any) -> Any:
        if not isinstance(value, str) or value in allowed:
            return value
        choices = ", ".join(allowed)
        suggestion = aliases.get(value.strip().lower()) or next(
            iter(difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)), None
        )
        meant = f"did you mean '{suggestion}'? " if suggestion else ""
        raise ValueError(f"unknown {what} '{value}': {meant}use one of {choices}")

    return BeforeValidator(check)
