"""Each patient's part of the page: the record, its clinical view, its headings and anchors, and
its row of a case series' summary table. A single case is one part with no number."""

from __future__ import annotations

from dataclasses import dataclass

from casebook.article.adverse_reaction import AdverseReactionView, adverse_reaction_view
from casebook.article.background import (
    ExaminationView,
    HistoryView,
    examination_view,
    history_view,
)
from casebook.article.phrases import patient_phrase
from casebook.clinical import ClinicalView
from casebook.models import PatientRecord, RecordAt
from casebook.positions import Path_


@dataclass(frozen=True)
class PatientPart:
    record: PatientRecord
    clinical: ClinicalView
    path: Path_
    """Where the record stands in case.yaml: () or ('patients', i)."""
    number: int | None = None
    """1, 2, 3 in a case series; None for a single case."""
    id: str | None = None

    @property
    def label(self) -> str:
        """'Patient 2'; '' for a single case, whose page has no patient headings."""
        return f"Patient {self.number}" if self.number else ""

    def anchor(self, name: str) -> str:
        """The heading id of one of this patient's sections: 'patient-2-imaging' in a
        series, so that no two patients' sections share an id; 'imaging' alone otherwise."""
        return f"{self.id}-{name}" if self.id else name

    def h(self, level: int) -> str:
        """The Markdown heading mark of a section at `level` of a single case: in a series
        every section sits one level below its patient's heading."""
        return "#" * (level + (1 if self.id else 0))

    @property
    def phrase(self) -> str:
        """'A 20-year-old man', as the presentation opens."""
        return patient_phrase(self.record.patient)

    @property
    def age_and_sex(self) -> str:
        """'20-year-old man', for the summary table of a series."""
        return self.phrase.removeprefix("A ").removeprefix("An ")

    @property
    def diagnoses(self) -> list[str]:
        return [d.name for d in self.record.diagnosis.final]

    @property
    def background(self) -> HistoryView:
        """The patient's background (CARE item 5), one phrase per item."""
        return history_view(self.record.patient, self.record.history)

    @property
    def examination(self) -> ExaminationView:
        return examination_view(self.record.examination)

    @property
    def adverse_reaction(self) -> AdverseReactionView | None:
        reaction = self.record.adverse_reaction
        return adverse_reaction_view(reaction) if reaction else None

    @property
    def drugs(self) -> list[str]:
        """The drugs given, then those suspected of an adverse reaction."""
        reaction = self.record.adverse_reaction
        suspected = reaction.suspected_drugs if reaction else []
        return list(
            dict.fromkeys([*(s.drug for s in self.record.treatment), *(d.drug for d in suspected)])
        )

    @property
    def treatments(self) -> list[str]:
        """The drugs given and the therapeutic procedures done, in the order the case gives;
        not a drug suspected of an adverse reaction."""
        given = dict.fromkeys(step.drug for step in self.record.treatment)
        procedures = [p.name for p in self.record.procedures if p.purpose != "diagnostic"]
        return [*given, *procedures]


def patient_parts(
    records: tuple[RecordAt, ...], clinical: tuple[ClinicalView, ...]
) -> tuple[PatientPart, ...]:
    return tuple(
        PatientPart(at.record, view, at.path, number=at.number, id=at.id)
        for at, view in zip(records, clinical, strict=True)
    )
