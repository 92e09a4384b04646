"""The patient's background and examination as the page and the JATS article show them:
history phrases per CARE item 5, vital signs with units, findings by system and by site."""

from __future__ import annotations

from dataclasses import dataclass

from casebook.article.phrases import regimen_phrase
from casebook.clinical import VitalRow, vital_rows
from casebook.models import (
    ExamFinding,
    Examination,
    ExaminationField,
    History,
    Patient,
    SystemFinding,
)

_SMOKING = {"never": "never smoked", "former": "former smoker", "current": "current smoker"}
_ALCOHOL = {
    "none": "no alcohol",
    "within guidelines": "alcohol within guidelines",
    "above guidelines": "alcohol above guidelines",
}


@dataclass(frozen=True)
class HistoryView:
    """Each item as one phrase, in the order the page lists them; empty when not given."""

    ethnicity: str | None
    comorbidities: tuple[str, ...]
    current_medication: tuple[str, ...]
    past_medication: tuple[str, ...]
    social: str | None
    allergies: tuple[str, ...]

    @property
    def structured(self) -> bool:
        """The case gives more than the plain lists: the page heads its history 'History'."""
        return bool(
            self.ethnicity
            or self.comorbidities
            or self.current_medication
            or self.past_medication
            or self.social
            or self.allergies
        )


@dataclass(frozen=True)
class SystemRow:
    system: str
    finding: SystemFinding


@dataclass(frozen=True)
class ExaminationView:
    sectioned: bool
    """Given as a mapping of sections, which the page heads one by one."""
    vitals: tuple[VitalRow, ...]
    vitals_when: str | None
    systems: tuple[SystemRow, ...]
    sites: tuple[ExamFinding, ...]

    @property
    def any(self) -> bool:
        return bool(self.vitals or self.systems or self.sites)


def _with_codes(name: str, details: str | None, codes: list[tuple[str, str]]) -> str:
    text = f"{name}, {details}" if details else name
    if codes:
        text += " (" + "; ".join(f"{system} {code}" for system, code in codes) + ")"
    return text


def history_view(patient: Patient, history: History) -> HistoryView:
    """What the page shows of one patient's background; a case series calls it per patient."""
    social = None
    if history.social_history is not None:
        s = history.social_history
        parts = []
        if s.smoking in _SMOKING:
            smoking = _SMOKING[s.smoking]
            if s.pack_years is not None:
                smoking += f", {s.pack_years:g} pack-years"
            parts.append(smoking)
        if s.alcohol in _ALCOHOL:
            parts.append(_ALCOHOL[s.alcohol])
        parts += s.other
        social = "; ".join(parts) or "smoking and alcohol not stated"

    def medication(status: str) -> tuple[str, ...]:
        return tuple(
            regimen_phrase(m) + (f" for {m.indication}" if m.indication else "")
            for m in history.medications
            if m.status == status
        )

    ethnicity = patient.ethnicity
    return HistoryView(
        ethnicity=f"{ethnicity.group} ({ethnicity.relevance})" if ethnicity else None,
        comorbidities=tuple(
            _with_codes(c.name, c.details, [(k.system, k.code) for k in c.codes])
            for c in history.comorbidities
        ),
        current_medication=medication("current"),
        past_medication=medication("past"),
        social=social,
        allergies=tuple(
            f"{a.substance} ({a.reaction})" if a.reaction else a.substance
            for a in history.allergies
        ),
    )


def examination_view(examination: ExaminationField) -> ExaminationView:
    if not isinstance(examination, Examination):
        return ExaminationView(False, (), None, (), tuple(examination))
    vitals = examination.vital_signs
    return ExaminationView(
        sectioned=True,
        vitals=vital_rows(vitals) if vitals else (),
        vitals_when=vitals.when if vitals else None,
        systems=tuple(
            SystemRow(f.system[:1].upper() + f.system[1:], f) for f in examination.systems
        ),
        sites=tuple(examination.sites),
    )
