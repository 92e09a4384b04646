"""Checks over every text an author wrote: allowed Markdown, and nothing that identifies."""

from __future__ import annotations

from casebook.findings import Finding
from casebook.models import CaseFile, iter_strings
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


def check_case_text(case: CaseFile) -> list[Finding]:
    allowed = {e.text for e in case.deidentification.allow} if case.deidentification else set()
    out: list[Finding] = []
    for path, text in iter_strings(case):
        names = {p for p in path if isinstance(p, str)}
        if not names & _NO_POLICY:
            out.extend(
                Finding(path, issue.message, issue.hint, excerpt=text[issue.start :])
                for issue in check_author_markdown(text)
            )
        if not names & _NO_DEID:
            out.extend(
                Finding(path, found.message, excerpt=text[found.start :])
                for found in find_identifiers(text, allowed=allowed)
            )
    return out
