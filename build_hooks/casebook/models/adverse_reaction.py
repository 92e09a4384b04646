"""An adverse drug reaction: the suspected and concomitant drugs, dechallenge and rechallenge,
the outcome, reporting, and the causality assessment (WHO-UMC, Naranjo)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from casebook.models.base import DurationText, FigureRef, Markdown, RelativeTime, Strict, Text
from casebook.models.dosing import Dose, Route

NaranjoAnswer = Literal["yes", "no", "don't know"]

# The ten questions of the Naranjo adverse drug reaction probability scale (Naranjo CA et al.,
# Clin Pharmacol Ther 1981;30:239-45), in order: field name, question, points for yes and no;
# "don't know" scores 0 on every question.
NARANJO_QUESTIONS: tuple[tuple[str, str, int, int], ...] = (
    ("previous_reports", "Are there previous conclusive reports on this reaction?", 1, 0),
    (
        "after_drug",
        "Did the adverse event appear after the suspected drug was administered?",
        2,
        -1,
    ),
    (
        "improved_on_withdrawal",
        "Did the adverse reaction improve when the drug was discontinued or a specific "
        "antagonist was administered?",
        1,
        0,
    ),
    (
        "reappeared_on_readministration",
        "Did the adverse reaction reappear when the drug was readministered?",
        2,
        -1,
    ),
    (
        "alternative_causes",
        "Are there alternative causes (other than the drug) that could on their own have "
        "caused the reaction?",
        -1,
        2,
    ),
    ("placebo_reaction", "Did the reaction reappear when a placebo was given?", -1, 1),
    (
        "toxic_concentration",
        "Was the drug detected in the blood (or other fluids) in concentrations known to be toxic?",
        1,
        0,
    ),
    (
        "dose_related",
        "Was the reaction more severe when the dose was increased, or less severe when the "
        "dose was decreased?",
        1,
        0,
    ),
    (
        "previous_reaction",
        "Did the patient have a similar reaction to the same or similar drugs in any previous "
        "exposure?",
        1,
        0,
    ),
    ("objective_evidence", "Was the adverse event confirmed by any objective evidence?", 1, 0),
)
_QUESTION = {key: (number, text) for number, (key, text, _, _) in enumerate(NARANJO_QUESTIONS, 1)}
_ANSWERS = ("yes", "no", "don't know")


def _asked(key: str) -> str:
    number, text = _QUESTION[key]
    return f"Naranjo question {number}: {text} Answer yes, no or don't know."


class NaranjoAnswers(Strict):
    """The answers to the ten questions of the Naranjo scale; the score and its category
    (definite 9 or more, probable 5-8, possible 1-4, doubtful 0 or less) are computed."""

    previous_reports: NaranjoAnswer = Field(description=_asked("previous_reports"))
    after_drug: NaranjoAnswer = Field(description=_asked("after_drug"))
    improved_on_withdrawal: NaranjoAnswer = Field(description=_asked("improved_on_withdrawal"))
    reappeared_on_readministration: NaranjoAnswer = Field(
        description=_asked("reappeared_on_readministration")
    )
    alternative_causes: NaranjoAnswer = Field(description=_asked("alternative_causes"))
    placebo_reaction: NaranjoAnswer = Field(description=_asked("placebo_reaction"))
    toxic_concentration: NaranjoAnswer = Field(description=_asked("toxic_concentration"))
    dose_related: NaranjoAnswer = Field(description=_asked("dose_related"))
    previous_reaction: NaranjoAnswer = Field(description=_asked("previous_reaction"))
    objective_evidence: NaranjoAnswer = Field(description=_asked("objective_evidence"))
    total: Annotated[int, Field(ge=-4, le=13)] | None = None
    """The total score as the source states it; checked against the answers. Leave it out
    and it is computed."""

    @field_validator(*_QUESTION, mode="before")
    @classmethod
    def _known_answer(cls, answer: object, info: ValidationInfo) -> object:
        if answer in _ANSWERS:
            return answer
        number, text = _QUESTION[str(info.field_name)]
        shown = f"'{answer}'" if isinstance(answer, str) else repr(answer)
        raise ValueError(
            f"{shown} is not an answer to Naranjo question {number} ({text}): "
            "write yes, no or don't know"
        )


class Causality(Strict):
    """How likely the drug caused the reaction: a WHO-UMC category, a Naranjo score, or both."""

    who_umc: (
        Literal["certain", "probable", "possible", "unlikely", "conditional", "unassessable"] | None
    ) = None
    """The WHO-UMC causality category: certain, probable (probable/likely), possible,
    unlikely, conditional (conditional/unclassified) or unassessable
    (unassessable/unclassifiable)."""
    naranjo: NaranjoAnswers | None = None
    """The answers to the Naranjo questionnaire, from which the score is computed."""

    @model_validator(mode="after")
    def _some_assessment(self) -> Causality:
        if self.who_umc is None and self.naranjo is None:
            raise ValueError("a causality assessment needs who_umc, naranjo or both")
        return self


class Dechallenge(Strict):
    """Withdrawal of the suspected drug (or a lower dose) and what the reaction did then."""

    action: Literal["stopped", "dose reduced"] = "stopped"
    """What was done: stopped, or dose reduced."""
    when: RelativeTime | None = None
    """When, relative to day 0 of the case, e.g. 'week 3'."""
    outcome: Literal["resolved", "improved", "no change", "worsened", "not stated"]
    """What the reaction did after withdrawal."""


class Rechallenge(Strict):
    """Re-exposure to the suspected drug and whether the reaction came back."""

    when: RelativeTime | None = None
    """When the drug was given again, relative to day 0 of the case, e.g. 'month 2'."""
    recurred: Literal["yes", "no", "not stated"]
    """Whether the reaction recurred on re-exposure."""


class ConcomitantDrug(Strict):
    """A drug the patient was taking when the reaction began, not suspected of causing it."""

    drug: Text
    """Generic drug name, e.g. amlodipine."""
    dose: Dose | None = None
    """Dose per administration."""
    route: Route | None = None
    """How the drug was given."""
    frequency: Text | None = None
    """How often, e.g. once daily."""
    indication: Text | None = None
    """What it was given for, e.g. hypertension."""
    start: RelativeTime | None = None
    """When it was started, relative to day 0 of the case, e.g. 'week -2'."""


class SuspectedDrug(ConcomitantDrug):
    """A drug suspected of causing the reaction, with its challenges and causality."""

    latency: DurationText | None = None
    """Time from the first dose to the onset of the reaction, e.g. '3 weeks'."""
    dechallenge: Dechallenge | None = None
    """Whether the drug was withdrawn and what happened; leave out if not reported."""
    rechallenge: Rechallenge | None = None
    """Whether the drug was given again and whether the reaction recurred; leave out if it
    was not."""
    causality: Causality | None = None
    """The causality assessment of this drug for the reaction."""


class AdverseReaction(Strict):
    """An adverse drug reaction: what it was, the drugs, challenges, outcome and reporting."""

    reaction: Text
    """The reaction, e.g. drug reaction with eosinophilia and systemic symptoms (DRESS)."""
    description: Markdown | None = None
    """The reaction in prose; may cite references and figures."""
    onset: RelativeTime | None = None
    """When the reaction began, relative to day 0 of the case, e.g. 'week 3'."""
    suspected_drugs: Annotated[list[SuspectedDrug], Field(min_length=1)]
    """The drugs suspected of causing the reaction."""
    concomitant_drugs: list[ConcomitantDrug] = []
    """Other drugs taken at the time, not suspected."""
    outcome: (
        Literal[
            "recovered",
            "recovering",
            "not recovered",
            "recovered with sequelae",
            "fatal",
            "unknown",
        ]
        | None
    ) = None
    """The outcome of the reaction, in the categories of pharmacovigilance reports."""
    reported: Literal["yes", "no", "not stated"] = "not stated"
    """Whether the reaction was reported to a pharmacovigilance authority."""
    reported_to: Text | None = None
    """To whom, e.g. the national pharmacovigilance centre."""
    figures: list[FigureRef] = []
    """Figures or panels that show the reaction."""
