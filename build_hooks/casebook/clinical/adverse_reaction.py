"""Checks of an adverse drug reaction that look across its fields: each drug's Naranjo total
against its answers, and the reaction's onset against the start of each suspected drug."""

from __future__ import annotations

from casebook.clinical.naranjo import check_naranjo
from casebook.findings import Finding
from casebook.models import AdverseReaction, relative_days
from casebook.positions import Path_


def check_adverse_reaction(reaction: AdverseReaction, path: Path_) -> list[Finding]:
    """`path` is where the reaction stands, e.g. ('adverse_reaction',)."""
    findings = []
    for i, drug in enumerate(reaction.suspected_drugs):
        at = (*path, "suspected_drugs", i)
        if drug.causality and drug.causality.naranjo:
            findings += check_naranjo(drug.causality.naranjo, (*at, "causality", "naranjo"))
        if (
            drug.start
            and reaction.onset
            and relative_days(reaction.onset) < relative_days(drug.start)
        ):
            findings.append(
                Finding(
                    (*at, "start"),
                    f"{drug.drug} was started at {drug.start}, after the reaction began "
                    f"({reaction.onset})",
                    "check both times; a drug started after the onset is concomitant, not "
                    "suspected",
                )
            )
    return findings
