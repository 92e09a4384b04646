"""The Naranjo scale: each answer's points, the total, and the category at every boundary."""

from __future__ import annotations

import pytest
from casebook.clinical.naranjo import naranjo_category, naranjo_score
from casebook.models import NARANJO_QUESTIONS, NaranjoAnswers

KEYS = [key for key, *_ in NARANJO_QUESTIONS]


def answers(**given: str) -> NaranjoAnswers:
    """'don't know' (0 points) for every question not given."""
    return NaranjoAnswers.model_validate({key: given.get(key, "don't know") for key in KEYS})


def test_the_ten_questions_and_their_weights_are_naranjos() -> None:
    assert [(yes, no) for _, _, yes, no in NARANJO_QUESTIONS] == [
        (1, 0),
        (2, -1),
        (1, 0),
        (2, -1),
        (-1, 2),
        (-1, 1),
        (1, 0),
        (1, 0),
        (1, 0),
        (1, 0),
    ]


def test_every_row_shows_its_question_answer_and_points() -> None:
    score = naranjo_score(
        answers(after_drug="yes", alternative_causes="no", placebo_reaction="yes")
    )
    assert [(r.number, r.answer, r.points) for r in score.rows] == [
        (1, "don't know", 0),
        (2, "yes", 2),
        (3, "don't know", 0),
        (4, "don't know", 0),
        (5, "no", 2),
        (6, "yes", -1),
        (7, "don't know", 0),
        (8, "don't know", 0),
        (9, "don't know", 0),
        (10, "don't know", 0),
    ]
    assert score.rows[1].question == (
        "Did the adverse event appear after the suspected drug was administered?"
    )
    assert (score.total, score.category) == (3, "possible")


# Answer sets that reach each boundary of the four categories.
BOUNDARIES = [
    (
        {
            "after_drug": "no",
            "reappeared_on_readministration": "no",
            "alternative_causes": "yes",
            "placebo_reaction": "yes",
        },
        -4,
        "doubtful",
    ),
    ({}, 0, "doubtful"),
    ({"previous_reports": "yes"}, 1, "possible"),
    (
        {"after_drug": "yes", "improved_on_withdrawal": "yes", "objective_evidence": "yes"},
        4,
        "possible",
    ),
    ({"after_drug": "yes", "alternative_causes": "no", "previous_reports": "yes"}, 5, "probable"),
    (
        {
            "after_drug": "yes",
            "alternative_causes": "no",
            "reappeared_on_readministration": "yes",
            "objective_evidence": "yes",
            "dose_related": "yes",
        },
        8,
        "probable",
    ),
    (
        {
            "after_drug": "yes",
            "alternative_causes": "no",
            "reappeared_on_readministration": "yes",
            "objective_evidence": "yes",
            "dose_related": "yes",
            "previous_reaction": "yes",
        },
        9,
        "definite",
    ),
    (
        {
            "previous_reports": "yes",
            "after_drug": "yes",
            "improved_on_withdrawal": "yes",
            "reappeared_on_readministration": "yes",
            "alternative_causes": "no",
            "placebo_reaction": "no",
            "toxic_concentration": "yes",
            "dose_related": "yes",
            "previous_reaction": "yes",
            "objective_evidence": "yes",
        },
        13,
        "definite",
    ),
]


@pytest.mark.parametrize(
    ("given", "total", "category"), BOUNDARIES, ids=[str(b[1]) for b in BOUNDARIES]
)
def test_category_at_each_boundary(given: dict[str, str], total: int, category: str) -> None:
    score = naranjo_score(answers(**given))
    assert (score.total, score.category) == (total, category)


@pytest.mark.parametrize(
    ("total", "category"),
    [(-4, "doubtful"), (0, "doubtful"), (1, "possible"), (4, "possible"), (5, "probable"),
     (8, "probable"), (9, "definite"), (13, "definite")],
)  # fmt: skip
def test_naranjo_category(total: int, category: str) -> None:
    assert naranjo_category(total) == category
