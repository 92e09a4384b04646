"""The Naranjo adverse drug reaction probability scale: each answer's points, the total and its
category (Naranjo CA et al., Clin Pharmacol Ther 1981;30:239-45)."""

from __future__ import annotations

from dataclasses import dataclass

from casebook.findings import Finding
from casebook.models import NARANJO_QUESTIONS, NaranjoAnswers
from casebook.positions import Path_


@dataclass(frozen=True)
class NaranjoRow:
    number: int
    question: str
    answer: str
    points: int


@dataclass(frozen=True)
class NaranjoScore:
    rows: tuple[NaranjoRow, ...]
    total: int
    category: str
    """definite (9 or more), probable (5-8), possible (1-4) or doubtful (0 or less)."""


def naranjo_category(total: int) -> str:
    if total >= 9:
        return "definite"
    if total >= 5:
        return "probable"
    if total >= 1:
        return "possible"
    return "doubtful"


def naranjo_score(answers: NaranjoAnswers) -> NaranjoScore:
    """The points of every answer ('don't know' scores 0), their total and its category."""
    rows = []
    for number, (key, question, yes, no) in enumerate(NARANJO_QUESTIONS, start=1):
        answer = getattr(answers, key)
        points = yes if answer == "yes" else no if answer == "no" else 0
        rows.append(NaranjoRow(number, question, answer, points))
    total = sum(row.points for row in rows)
    return NaranjoScore(tuple(rows), total, naranjo_category(total))


def check_naranjo(answers: NaranjoAnswers, path: Path_) -> list[Finding]:
    """A stated total must be the one the answers add up to; `path` is the naranjo mapping."""
    computed = naranjo_score(answers).total
    if answers.total is None or answers.total == computed:
        return []
    return [
        Finding(
            (*path, "total"),
            f"the stated Naranjo total {answers.total} disagrees with the answers, which add "
            f"up to {computed}",
            "correct the answer that differs from the source, or the total; leave total out "
            "to have it computed",
        )
    ]
