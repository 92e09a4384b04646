"""Checks over every text an author wrote: allowed Markdown, and nothing that identifies."""

from __future__ import annotations

from casebook.errors import Diagnostic
from casebook.models import CaseFile, iter_strings
from casebook.positions import Mark, Positions, dotted
from casebook.text import check_author_markdown, find_identifiers

# Not text an author composes: identifiers, file paths and links are checked by their types.
_NO_POLICY = {"references", "file", "url", "doi", "orcid", "email", "id", "schema_version"}
# Not about the patient: people and works the case cites or is written by.
_NO_DEID = {
    "authors",
    "affiliations",
    "references",
    "adapted_from",
    "reference_note",
    "declarations",
    "deidentification",
    "schema_version",
}


def check_case_text(
    case: CaseFile, *, positions: Positions, display: str, source: str
) -> list[Diagnostic]:
    allowed = {e.text for e in case.deidentification.allow} if case.deidentification else set()
    lines = source.split("\n")
    out: list[Diagnostic] = []
    for path, text in iter_strings(case):
        names = {p for p in path if isinstance(p, str)}
        if not names & _NO_POLICY:
            for issue in check_author_markdown(text):
                mark = _locate(lines, positions.of(path), text, issue.start)
                out.append(
                    Diagnostic(
                        display, mark.line, mark.column, dotted(path), issue.message, issue.hint
                    )
                )
        if not names & _NO_DEID:
            for finding in find_identifiers(text, allowed=allowed):
                mark = _locate(lines, positions.of(path), text, finding.start)
                out.append(
                    Diagnostic(display, mark.line, mark.column, dotted(path), finding.message, "")
                )
    return out


def _locate(lines: list[str], value: Mark, text: str, offset: int) -> Mark:
    """Where text[offset:] stands in the file. Folded and quoted scalars are not the file's
    characters one for one, so find the words themselves, starting at the value."""
    rest = text[offset:]
    words = rest.split()
    for needle in (rest.split("\n", 1)[0][:40].rstrip(), words[0] if words else ""):
        if not needle:
            continue
        for index in range(value.line - 1, min(len(lines), value.line + 200)):
            start = value.column - 1 if index == value.line - 1 else 0
            column = lines[index].find(needle, start)
            if column >= 0:
                return Mark(index + 1, column + 1)
    return value
