"""Checks over every text an author wrote: allowed Markdown, and nothing that identifies."""

from __future__ import annotations

from casebook.findings import Finding
from casebook.models import CaseFile, Holds, iter_texts
from casebook.text import check_author_markdown, find_identifiers

# Not text an author composes: identifiers, file paths and links are checked by their types.
_NO_POLICY = {"references", "file", "url", "doi", "orcid", "email", "id", "schema_version"}

# Which fields the de-identification check reads, and with which rules, comes from the model:
# every text field says what it holds (models/base.py), and a field that says nothing is read
# with every rule. Only these are not read: no prose fits them, or they are never published.
_NOT_READ = {Holds.FORM_CHECKED, Holds.UNPUBLISHED}
_NAME_KINDS = frozenset({"name", "patient-name", "initials"})
# The kinds of finding that do not fit a field, by what it holds; the rest always apply, so an
# address, a record number or a phone number is found in every published field.
SKIPPED_KINDS: dict[Holds, frozenset[str]] = {
    Holds.CASE_TEXT: frozenset(),
    # A byline or an institution is a name, titled ones too (Sir Charles Gairdner Hospital);
    # a name beside a word for the patient is still a patient's.
    Holds.AUTHOR_IDENTITY: frozenset({"name", "initials", "occupation", "small-place"}),
    # Funding and interests name the authors' roles (a consultant for a company); the authors'
    # own names are dropped below, anyone else's is found.
    Holds.DECLARATION: frozenset({"occupation"}),
    # A cited work's dates are its own, and its title may be in title case ("A Patient With
    # Severe Psoriasis"), which reads like names beside the word 'patient'.
    Holds.CITED_WORK: frozenset({"date", "patient-name", "occupation", "small-place"}),
    Holds.LINK: frozenset({"url"}),
}


def check_case_text(case: CaseFile) -> list[Finding]:
    allowed = {e.text for e in case.deidentification.allow} if case.deidentification else set()
    # The case's own abbreviations (PPP, AD) are not a patient's initials.
    allowed |= {
        item.abbreviation
        for at in case.records()  # every patient's, in a case series
        for item in at.record.diagnosis.final
        if item.abbreviation
    }
    as_of = case.publication.date.year if case.publication.date else None
    own_names = _author_names(case)
    out: list[Finding] = []
    for path, text, holds in iter_texts(case):
        names = {p for p in path if isinstance(p, str)}
        if not names & _NO_POLICY:
            out.extend(
                Finding(path, issue.message, issue.hint, excerpt=text[issue.start :])
                for issue in check_author_markdown(text)
            )
        if holds in _NOT_READ:
            continue
        skip = SKIPPED_KINDS[holds or Holds.CASE_TEXT]
        for found in find_identifiers(text, allowed=allowed, skip=skip, as_of=as_of):
            if holds is Holds.DECLARATION and _names_an_author(
                found.kind, found.matched, own_names
            ):
                continue
            out.append(Finding(path, found.message, excerpt=text[found.start :]))
    return out


def _author_names(case: CaseFile) -> set[str]:
    """The authors' family names and group names: a declaration names them, titled or not."""
    return {name for a in case.authors for name in (a.family, a.collective) if name}


def _names_an_author(kind: str, matched: str, authors: set[str]) -> bool:
    words = matched.split()
    return kind in _NAME_KINDS and any(
        name in words or (" " in name and name in matched) for name in authors
    )
