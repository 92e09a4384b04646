"""The adverse drug reaction as the page and the JATS article show it: a table of the drugs,
each suspected drug's challenges and causality, with the Naranjo score computed."""

from __future__ import annotations

from dataclasses import dataclass

from casebook.article.phrases import dosing_phrase
from casebook.clinical import NaranjoScore, naranjo_score
from casebook.models import AdverseReaction, ConcomitantDrug, SuspectedDrug, parse_duration

WHO_UMC_LABELS = {
    "certain": "certain",
    "probable": "probable/likely",
    "possible": "possible",
    "unlikely": "unlikely",
    "conditional": "conditional/unclassified",
    "unassessable": "unassessable/unclassifiable",
}
_DECHALLENGE_OUTCOMES = {
    "resolved": "the reaction resolved",
    "improved": "the reaction improved",
    "no change": "the reaction did not change",
    "worsened": "the reaction worsened",
    "not stated": "what the reaction did then is not stated",
}
_RECURRED = {
    "yes": "the reaction recurred",
    "no": "the reaction did not recur",
    "not stated": "whether the reaction recurred is not stated",
}
_REPORTED = {
    "yes": "reported to a pharmacovigilance authority",
    "no": "not reported to a pharmacovigilance authority",
    "not stated": "reporting to a pharmacovigilance authority not stated",
}


@dataclass(frozen=True)
class DrugRow:
    drug: str
    role: str
    """suspected or concomitant."""
    dosing: str
    indication: str
    start: str
    latency: str


@dataclass(frozen=True)
class SuspectedView:
    drug: str
    dechallenge: str | None
    """'stopped at week 3: the reaction resolved'."""
    rechallenge: str | None
    who_umc: str | None
    """The WHO-UMC category as the scale names it, e.g. probable/likely."""
    naranjo: NaranjoScore | None

    @property
    def assessed(self) -> bool:
        return self.who_umc is not None or self.naranjo is not None


@dataclass(frozen=True)
class AdverseReactionView:
    reaction: AdverseReaction
    drugs: tuple[DrugRow, ...]
    suspected: tuple[SuspectedView, ...]
    outcome: str | None
    reporting: str
    """'reported to a pharmacovigilance authority (the national centre)'."""

    @property
    def challenges(self) -> tuple[SuspectedView, ...]:
        return tuple(s for s in self.suspected if s.dechallenge or s.rechallenge)

    @property
    def assessed(self) -> tuple[SuspectedView, ...]:
        return tuple(s for s in self.suspected if s.assessed)


def _row(drug: ConcomitantDrug, role: str) -> DrugRow:
    latency = drug.latency if isinstance(drug, SuspectedDrug) else None
    return DrugRow(
        drug=drug.drug,
        role=role,
        dosing=dosing_phrase(drug) or "–",
        indication=drug.indication or "–",
        start=drug.start or "–",
        latency=parse_duration(latency).text() if latency else "–",
    )


def _suspected(drug: SuspectedDrug) -> SuspectedView:
    dechallenge = rechallenge = None
    if drug.dechallenge:
        d = drug.dechallenge
        when = f" at {d.when}" if d.when else ""
        dechallenge = f"{d.action}{when}: {_DECHALLENGE_OUTCOMES[d.outcome]}"
    if drug.rechallenge:
        r = drug.rechallenge
        when = f" at {r.when}" if r.when else ""
        rechallenge = f"given again{when}: {_RECURRED[r.recurred]}"
    causality = drug.causality
    return SuspectedView(
        drug=drug.drug,
        dechallenge=dechallenge,
        rechallenge=rechallenge,
        who_umc=WHO_UMC_LABELS[causality.who_umc] if causality and causality.who_umc else None,
        naranjo=naranjo_score(causality.naranjo) if causality and causality.naranjo else None,
    )


def adverse_reaction_view(reaction: AdverseReaction) -> AdverseReactionView:
    """What the page shows of one reaction; a case series calls it once per patient."""
    reporting = _REPORTED[reaction.reported]
    if reaction.reported_to and reaction.reported != "no":
        reporting += f" ({reaction.reported_to})"
    return AdverseReactionView(
        reaction=reaction,
        drugs=tuple(_row(d, "suspected") for d in reaction.suspected_drugs)
        + tuple(_row(d, "concomitant") for d in reaction.concomitant_drugs),
        suspected=tuple(_suspected(d) for d in reaction.suspected_drugs),
        outcome=reaction.outcome,
        reporting=reporting,
    )
