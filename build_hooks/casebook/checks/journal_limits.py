"""A case measured against the site's journal profile: words, references, figures, panels."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from casebook.findings import Finding
from casebook.models import CaseFile, JournalLimits, JournalProfile, Numbering, RecordFields
from casebook.positions import Path_
from casebook.text import TOKEN_RE

# Main text as journals count it: the abstract, tables of results, figure legends, references
# and declarations are not part of it.
COUNTED_SECTIONS = (
    "introduction",
    "history",
    "examination",
    "imaging",
    "histology",
    "diagnosis",
    "treatment",
    "procedures",
    "outcome",
    "patient_perspective",
    "discussion",
)
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def word_count(case: CaseFile) -> int:
    """Words the author wrote in the main-text sections; citations are not words."""
    return sum(len(_WORD.findall(TOKEN_RE.sub(" ", text))) for text in _texts(case))


def _texts(case: CaseFile) -> Iterator[str]:
    def walk(value: object) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                if name != "figures":
                    yield from walk(getattr(value, name))
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)

    for section in COUNTED_SECTIONS:
        if section in RecordFields.model_fields:
            for at in case.records():  # every patient of a series
                yield from walk(getattr(at.record, section))
        else:
            yield from walk(getattr(case, section))


@dataclass(frozen=True)
class Usage:
    what: str
    used: int
    limit: int | None
    at: Path_

    @property
    def over(self) -> bool:
        return self.limit is not None and self.used > self.limit


def limits_for(case: CaseFile, profile: JournalProfile | None) -> JournalLimits | None:
    if profile is None:
        return None
    return profile.letter if case.publication.article_type == "letter" else profile.case_report


def usage(case: CaseFile, numbering: Numbering, profile: JournalProfile | None) -> list[Usage]:
    limits = limits_for(case, profile) or JournalLimits()
    figures = [f for f in case.figures if f.id in numbering.figure_numbers]
    return [
        Usage("words", word_count(case), limits.word_limit, ("publication", "article_type")),
        Usage("references", len(case.references), limits.max_references, ("references",)),
        Usage("figures", len(figures), limits.max_figures, ("figures",)),
        Usage("panels", sum(len(f.panels) for f in figures), limits.max_panels, ("figures",)),
    ]


def check_journal(
    case: CaseFile, numbering: Numbering, profile: JournalProfile | None
) -> list[Finding]:
    if limits_for(case, profile) is None:
        return []
    kind = "letters" if case.publication.article_type == "letter" else "case reports"
    journal = profile.name if profile and profile.name else "the journal profile"
    return [
        Finding(
            u.at,
            f"the case has {u.used} {u.what}; {journal} allows {u.limit} for {kind}",
            f"cut {u.used - (u.limit or 0)} to fit",
            "warning",
        )
        for u in usage(case, numbering, profile)
        if u.over
    ]
