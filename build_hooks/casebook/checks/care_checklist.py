"""The CARE checklist for one case: each of its 13 items, where the case addresses it, or the
author's note on why it is not reported or does not apply; an item neither addressed nor
explained is a build warning (or error, by site setting)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from casebook.findings import Finding
from casebook.models import (
    AdverseReaction,
    CaseFile,
    Examination,
    ExaminationField,
    PatientRecord,
    RecordAt,
    RecordFields,
    TreatmentStep,
)
from casebook.positions import Path_, dotted

NOT_STATED = "not stated"

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
    """The author's note when the item is not addressed: why it is not reported, or, when
    `not_applicable`, why it does not apply."""
    add_at: Path_
    """Where in case.yaml the item would be written."""
    not_applicable: bool = False
    addressed_as: str = "addressed"
    """What the places show: consent is 'stated' or 'not seen'."""

    @property
    def status(self) -> str:
        if self.places:
            return self.addressed_as
        if not self.note:
            return "missing"
        return "not applicable" if self.not_applicable else "not reported"


def care_items(case: CaseFile) -> list[CareItem]:
    notes = case.care_notes
    addressed = _places(case)
    items = []
    for number, (key, name, add_at) in enumerate(_ITEMS, start=1):
        note = getattr(notes, key) if notes else None
        if case.is_series and add_at[0] in RecordFields.model_fields:
            add_at = ("patients", 0, *add_at)  # each patient's record holds it in a series
        items.append(
            CareItem(
                number,
                key,
                name,
                addressed[key],
                note or "",
                add_at,
                not_applicable=bool(notes and key in notes.not_applicable),
                addressed_as=_consent_seen(case) if key == "informed_consent" else "addressed",
            )
        )
    return items


def check_care(case: CaseFile, *, missing_severity: str) -> list[Finding]:
    findings = []
    for item in care_items(case):
        if item.status == "missing" and item.key == "informed_consent":
            continue  # an empty consent basis: the consent check says what to write
        if item.status == "missing":
            findings.append(
                Finding(
                    item.add_at,
                    f"CARE item {item.number} ({item.name.lower()}) is not addressed",
                    f"{_to_address(case, item)}, or say why it is missing under "
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
    return findings + _without_reason(case)


def _without_reason(case: CaseFile) -> list[Finding]:
    """An item listed as not applicable needs its note: the reason is what the page shows."""
    notes = case.care_notes
    if notes is None:
        return []
    numbers = {key: number for number, (key, _, _) in enumerate(_ITEMS, start=1)}
    return [
        Finding(
            ("care_notes", "not_applicable", index),
            f"CARE item {numbers[key]} ({key.replace('_', ' ')}) is listed as not applicable "
            "without a reason",
            f"say why it does not apply under care_notes.{key}",
        )
        for index, key in enumerate(notes.not_applicable)
        if not getattr(notes, key)
    ]


def _to_address(case: CaseFile, item: CareItem) -> str:
    """How to address an item; for two items, what is there that does not count yet."""
    if item.key == "title":
        words = "'case series' or 'case report'" if case.is_series else "'case report'"
        return f"add the words {words} to publication.title"
    if item.key == "timeline" and any(at.record.treatment for at in case.records()):
        return "give a treatment step its start, or add timeline events with their times"
    return f"add {dotted(item.add_at)}"


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

    records = case.records()

    def per_patient(places_of: Callable[[PatientRecord], tuple[Place, ...]]) -> tuple[Place, ...]:
        """The places in every patient's sections: one patient's for a single case."""
        return tuple(_in_patient(at, place) for at in records for place in places_of(at.record))

    def each(test: Callable[[PatientRecord], object], label: str, anchor: str) -> tuple[Place, ...]:
        return per_patient(lambda r: when(test(r), Place(label, anchor)))

    diagnostic = (
        each(lambda r: r.investigations, "Investigations", "investigations")
        + each(lambda r: r.imaging, "Imaging and other studies", "imaging")
        + each(lambda r: r.histology, "Histology", "histology")
        + each(lambda r: r.cultures or r.pcr_serology, "Microbiology and serology", "microbiology")
        + each(lambda r: r.genetics, "Genetic testing", "genetics")
        + each(lambda r: r.diagnosis.differentials, "Differential diagnosis", "diagnosis")
        + each(
            lambda r: r.adverse_reaction and _assessed(r.adverse_reaction), "Causality", "causality"
        )
    )
    return {
        "title": when(_says_case_report(case), Place("Title", "")),
        "keywords": (Place("Keywords", ""),),
        "abstract": when(case.abstract, Place("Abstract", "abstract")),
        "introduction": when(case.introduction, Place("Introduction", "introduction")),
        "patient_information": when(
            case.is_series, Place("Summary of the patients", "series-summary")
        )
        + per_patient(
            lambda r: (
                Place("Presentation", "presentation"),
                *when(_background(r), Place("History", "history")),
            )
        ),
        "clinical_findings": per_patient(lambda r: _examination_places(r.examination)),
        # Timeline events always carry their time. Treatment steps are in order, but an order
        # with no time given says nothing the treatment table does not: steps count only when
        # one has a start (the model has no notion of an explicit order of its own).
        "timeline": each(lambda r: r.timeline, "Timeline of events", "events")
        + each(lambda r: any(_timed(s) for s in r.treatment), "Timeline", "timeline"),
        "diagnostic_assessment": diagnostic,
        "therapeutic_intervention": each(
            lambda r: r.treatment, "Treatment and outcome", "treatment-and-outcome"
        )
        + each(lambda r: r.procedures, "Procedures", "procedures"),
        "follow_up_and_outcomes": each(lambda r: r.outcome, "Outcome and follow-up", "outcome")
        + each(lambda r: r.scores, "Outcome scores", "outcome-scores")
        + each(lambda r: r.adverse_reaction, "Adverse drug reaction", "adverse-drug-reaction"),
        "discussion": when(case.discussion, Place("Discussion", "discussion")),
        "patient_perspective": when(
            case.patient_perspective, Place("Patient perspective", "patient-perspective")
        ),
        "informed_consent": when(
            case.consent.basis, Place("Consent and declarations", "declarations")
        ),
    }


def _says_case_report(case: CaseFile) -> bool:
    """CARE 1: the title names the article a case report (or, for several patients, a case
    series), whatever the case."""
    title = " ".join(case.publication.title.lower().split())
    return "case report" in title or (case.is_series and "case series" in title)


def _timed(step: TreatmentStep) -> bool:
    return step.start is not None and step.start != NOT_STATED


def _consent_seen(case: CaseFile) -> str:
    """CARE 13 as the consent data has it: seen by the authors, or a source's consent that
    nobody here has seen (unless the author says it was)."""
    consent = case.consent
    if consent.seen == "no":
        return "not seen"
    if consent.basis == "previously published" and consent.seen != "yes":
        return "not seen"
    return "stated"


def _in_patient(at: RecordAt, place: Place) -> Place:
    """In a series, a patient's section is labelled and anchored with the patient."""
    if at.number is None:
        return place
    return Place(f"Patient {at.number}: {place.label.lower()}", f"{at.id}-{place.anchor}")


def _background(record: PatientRecord) -> bool:
    """CARE 5c beyond the plain lists: the page heads these under History."""
    h = record.history
    return bool(
        record.patient.ethnicity
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
