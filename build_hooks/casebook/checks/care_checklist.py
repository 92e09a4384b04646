"""The CARE checklist for one case: each of its 13 items, where the case addresses it, or why
not; an item neither addressed nor explained is a build warning (or error, by site setting)."""

from __future__ import annotations

from dataclasses import dataclass

from casebook.findings import Finding
from casebook.models import AdverseReaction, CaseFile, Examination, ExaminationField
from casebook.positions import Path_

CARE_URL = "https://www.care-statement.org/checklist"


@dataclass(frozen=True)
class Place:
    label: str
    anchor: str
    """Heading id on the case page; '' for the top of the page."""


@dataclass(frozen=True)
class CareItem:
    number: int
    key: str
    """The item's key under care_notes in case.yaml."""
    name: str
    places: tuple[Place, ...]
    note: str
    """The author's reason when the item is not addressed."""
    add_at: Path_
    """Where in case.yaml the item would be written."""

    @property
    def status(self) -> str:
        if self.places:
            return "addressed"
        return "not applicable" if self.note else "missing"


def care_items(case: CaseFile) -> list[CareItem]:
    notes = case.care_notes
    addressed = _places(case)
    items = []
    for number, (key, name, add_at) in enumerate(_ITEMS, start=1):
        note = getattr(notes, key) if notes else None
        items.append(CareItem(number, key, name, addressed[key], note or "", add_at))
    return items


def check_care(case: CaseFile, *, missing_severity: str) -> list[Finding]:
    findings = []
    for item in care_items(case):
        if item.status == "missing":
            findings.append(
                Finding(
                    item.add_at,
                    f"CARE item {item.number} ({item.name.lower()}) is not addressed",
                    f"add {'.'.join(map(str, item.add_at))}, or say why it is missing under "
                    f"care_notes.{item.key}",
                    missing_severity,
                )
            )
        elif item.places and item.note:
            findings.append(
                Finding(
                    ("care_notes", item.key),
                    f"explains why CARE item {item.number} ({item.name.lower()}) is missing, "
                    "but the case addresses it",
                    "remove the note",
                    "warning",
                )
            )
    return findings


_ITEMS: tuple[tuple[str, str, Path_], ...] = (
    ("title", "Title", ("publication", "title")),
    ("keywords", "Key words", ("publication", "keywords")),
    ("abstract", "Abstract", ("abstract",)),
    ("introduction", "Introduction", ("introduction",)),
    ("patient_information", "Patient information", ("patient",)),
    ("clinical_findings", "Clinical findings", ("examination",)),
    ("timeline", "Timeline", ("treatment",)),
    ("diagnostic_assessment", "Diagnostic assessment", ("investigations",)),
    ("therapeutic_intervention", "Therapeutic intervention", ("treatment",)),
    ("follow_up_and_outcomes", "Follow-up and outcomes", ("outcome",)),
    ("discussion", "Discussion", ("discussion",)),
    ("patient_perspective", "Patient perspective", ("patient_perspective",)),
    ("informed_consent", "Informed consent", ("consent",)),
)


def _places(case: CaseFile) -> dict[str, tuple[Place, ...]]:
    def when(condition: object, *places: Place) -> tuple[Place, ...]:
        return places if condition else ()

    reaction = case.adverse_reaction
    diagnostic = (
        when(case.investigations, Place("Investigations", "investigations"))
        + when(case.histology, Place("Histology", "histology"))
        + when(case.diagnosis.differentials, Place("Differential diagnosis", "diagnosis"))
        + when(reaction and _assessed(reaction), Place("Causality", "causality"))
    )
    return {
        "title": (Place("Title", ""),),
        "keywords": (Place("Keywords", ""),),
        "abstract": when(case.abstract, Place("Abstract", "abstract")),
        "introduction": when(case.introduction, Place("Introduction", "introduction")),
        "patient_information": (
            Place("Presentation", "presentation"),
            *when(_background(case), Place("History", "history")),
        ),
        "clinical_findings": _examination_places(case.examination),
        "timeline": when(case.treatment, Place("Timeline", "timeline")),
        "diagnostic_assessment": diagnostic,
        "therapeutic_intervention": when(
            case.treatment, Place("Treatment and outcome", "treatment-and-outcome")
        ),
        "follow_up_and_outcomes": when(case.outcome, Place("Outcome and follow-up", "outcome"))
        + when(case.scores, Place("Outcome scores", "outcome-scores"))
        + when(reaction, Place("Adverse drug reaction", "adverse-drug-reaction")),
        "discussion": when(case.discussion, Place("Discussion", "discussion")),
        "patient_perspective": when(
            case.patient_perspective, Place("Patient perspective", "patient-perspective")
        ),
        "informed_consent": (Place("Consent and declarations", "declarations"),),
    }


def _background(case: CaseFile) -> bool:
    """CARE 5c beyond the plain lists: the page heads these under History."""
    h = case.history
    return bool(
        case.patient.ethnicity
        or h.comorbidities
        or h.medications
        or h.social_history
        or h.allergies
    )


def _examination_places(examination: ExaminationField) -> tuple[Place, ...]:
    if not isinstance(examination, Examination):
        return (Place("Examination", "examination"),) if examination else ()
    places: tuple[Place, ...] = ()
    if examination.vital_signs is not None:
        places += (Place("Vital signs", "vital-signs"),)
    if examination.systems:
        places += (Place("Examination by body system", "examination-systems"),)
    if examination.sites:
        places += (Place("Examination by body site", "examination-sites"),)
    return places


def _assessed(reaction: AdverseReaction) -> bool:
    return any(d.causality for d in reaction.suspected_drugs)
