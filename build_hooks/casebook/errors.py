"""Author-facing diagnostics: one error type with a position, and a report that formats many."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Control characters, and those that reorder or hide text: a diagnostic quotes case text, and
# a terminal obeys an escape code in it ("\x1b[2J" clears the screen, then prints a fake OK).
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def printable(text: str) -> str:
    """`text` with every control character shown as its escape (\\x1b, \\n, \\u202e)."""
    return _UNPRINTABLE.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in an author's file, shaped like a compiler message. Line and column 0:
    the position is not known."""

    file: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""
    severity: str = "error"

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        label = "" if self.severity == "error" else f" {self.severity}:"
        return printable(f"{where}:{label}{field} {self.message}{hint}")


def summary_line(diagnostics: Iterable[Diagnostic], *, files: int) -> str:
    """The last line of a report: how many errors and warnings in how many case files."""
    return f"{_counted(diagnostics)} in {_plural(files, 'case file')}"


def format_report(diagnostics: Iterable[Diagnostic], *, files: int) -> str:
    items = list(diagnostics)
    return _report(items, summary_line(items, files=files))


def _report(diagnostics: list[Diagnostic], summary: str) -> str:
    return "\n".join([*(d.format() for d in sorted(diagnostics)), summary])


def _counted(diagnostics: Iterable[Diagnostic]) -> str:
    items = list(diagnostics)
    errors = sum(1 for d in items if d.severity == "error")
    warnings = len(items) - errors
    parts = [_plural(errors, "error")]
    if warnings:
        parts.append(_plural(warnings, "warning"))
    return ", ".join(parts)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class CaseDataError(Exception):
    """Raised by the pipeline when case data has errors; carries every diagnostic found."""

    heading = "case data has errors"

    def __init__(self, diagnostics: list[Diagnostic], *, files: int) -> None:
        self.diagnostics = diagnostics
        self.files = files
        super().__init__(format_report(diagnostics, files=files))


class SettingsError(Exception):
    """The site settings (extra.casebook in mkdocs.yml) are invalid; carries every diagnostic,
    each placed in the settings file."""

    def __init__(
        self, diagnostics: list[Diagnostic], *, file: str, section: str = "extra.casebook"
    ) -> None:
        self.diagnostics = diagnostics
        self.file = file
        self.section = section
        super().__init__(_report(diagnostics, f"{_counted(diagnostics)} in the site settings"))

    @property
    def heading(self) -> str:
        return f"the site settings ({self.section} in {self.file}) are wrong"
