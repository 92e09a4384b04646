"""The derived, render-ready view of one case: figures in number order, composed legends, tags."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from casebook.article.adverse_reaction import AdverseReactionView, adverse_reaction_view
from casebook.article.background import (
    ExaminationView,
    HistoryView,
    examination_view,
    history_view,
)
from casebook.article.phrases import patient_phrase
from casebook.clinical import ChartView, ClinicalView, ScoreTable
from casebook.models import Biopsy, CaseFile, Figure, Numbering, Reference, panel_letter

_STAIN_NAMES = {"H&E": "haematoxylin and eosin"}

# Which page section a mention in each top-level field belongs to; figures are placed at the
# end of the section that first mentions them.
SECTION_OF_FIELD = {
    "abstract": "introduction",
    "introduction": "introduction",
    "patient": "presentation",
    "history": "presentation",
    "examination": "presentation",
    "investigations": "investigations",
    "histology": "histology",
    "diagnosis": "diagnosis",
    "adverse_reaction": "adverse-reaction",
    "treatment": "treatment",
    "scores": "treatment",
    "outcome": "treatment",
    "patient_perspective": "perspective",
    "discussion": "discussion",
}


@dataclass(frozen=True)
class PanelView:
    letter: str
    anchor: str
    label: str  # "1a"
    file: str  # relative to the case folder
    legend: str
    alt: str
    placeholder: bool
    chart: ChartView | None = None
    """Set when the panel is a chart drawn from the case data instead of an image file."""
    data: ScoreTable | None = None
    """The chart's values as a table: its text equivalent."""


@dataclass(frozen=True)
class FigureView:
    id: str
    number: int
    kind: str
    title: str | None
    panels: tuple[PanelView, ...]

    @property
    def charts(self) -> list[PanelView]:
        return [p for p in self.panels if p.chart is not None]

    @property
    def illustrative(self) -> bool:
        return any(p.data is not None and p.data.illustrative for p in self.panels)

    @property
    def has_placeholders(self) -> bool:
        """Some panel shows a generated placeholder: the caption must say so."""
        return any(p.placeholder for p in self.panels)


@dataclass(frozen=True)
class Article:
    id: str
    folder: Path
    case: CaseFile
    numbering: Numbering
    figures: tuple[FigureView, ...]
    clinical: ClinicalView
    placement: Mapping[str, str]
    """figure id -> the page section that first mentions it, where the figure is shown."""

    @property
    def url(self) -> str:
        return f"cases/{self.id}/"

    @property
    def page_uri(self) -> str:
        return f"cases/{self.id}/index.md"

    @property
    def title(self) -> str:
        return self.case.publication.title

    @property
    def references(self) -> list[Reference]:
        by_id = {r.id: r for r in self.case.references}
        return [by_id[key] for key in self.numbering.reference_order]

    @property
    def diagnoses(self) -> list[str]:
        return [d.name for d in self.case.diagnosis.final]

    @property
    def drugs(self) -> list[str]:
        """The drugs given, then those suspected of an adverse reaction."""
        suspected = self.case.adverse_reaction.suspected_drugs if self.case.adverse_reaction else []
        return list(
            dict.fromkeys(
                [*(step.drug for step in self.case.treatment), *(d.drug for d in suspected)]
            )
        )

    @property
    def main_treatment(self) -> str | None:
        counts = Counter(step.drug for step in self.case.treatment)
        return counts.most_common(1)[0][0] if counts else None

    @property
    def tags(self) -> list[str]:
        values = [*self.diagnoses, *self.drugs, *self.case.publication.specialty]
        return list(dict.fromkeys(v[:1].upper() + v[1:] for v in values))

    @property
    def patient_phrase(self) -> str:
        """'A 20-year-old man', as the presentation of every output opens."""
        return patient_phrase(self.case.patient)

    @property
    def background(self) -> HistoryView:
        """The patient's background (CARE item 5), one phrase per item."""
        return history_view(self.case.patient, self.case.history)

    @property
    def examination(self) -> ExaminationView:
        return examination_view(self.case.examination)

    @property
    def adverse_reaction(self) -> AdverseReactionView | None:
        reaction = self.case.adverse_reaction
        return adverse_reaction_view(reaction) if reaction else None

    @property
    def published(self) -> bool:
        return self.case.publication.status == "published"

    def figures_in(self, section: str) -> list[FigureView]:
        """The figures shown at the end of `section`, in number order."""
        return [f for f in self.figures if self.placement.get(f.id) == section]


def build_article(
    case_id: str,
    *,
    folder: Path,
    case: CaseFile,
    numbering: Numbering,
    clinical: ClinicalView,
) -> Article:
    figures = sorted(
        (f for f in case.figures if f.id in numbering.figure_numbers),
        key=lambda f: numbering.figure_numbers[f.id],
    )
    biopsies = _biopsy_by_key(case.histology)
    views = tuple(
        _figure_view(f, numbering.figure_numbers[f.id], biopsies, case=case, clinical=clinical)
        for f in figures
    )
    return Article(
        case_id,
        folder,
        case,
        numbering,
        views,
        clinical,
        placement=_placement(views, numbering),
    )


def _placement(figures: tuple[FigureView, ...], numbering: Numbering) -> dict[str, str]:
    first_section: dict[str, str] = {}
    owner = {p.anchor: f.id for f in figures for p in f.panels}
    for mention in numbering.mentions:
        figure_id = owner.get(mention.key, mention.key)
        section = SECTION_OF_FIELD.get(str(mention.path[0]), "discussion")
        first_section.setdefault(figure_id, section)
    return first_section


def _biopsy_by_key(histology: list[Biopsy]) -> dict[str, Biopsy]:
    return {key: biopsy for biopsy in histology for key in biopsy.figures}


def _figure_view(
    figure: Figure,
    number: int,
    biopsies: dict[str, Biopsy],
    *,
    case: CaseFile,
    clinical: ClinicalView,
) -> FigureView:
    panels = []
    for index, panel in enumerate(figure.panels):
        letter = panel_letter(index) if len(figure.panels) > 1 else ""
        anchor = panel.id or (f"{figure.id}-{letter}" if letter else figure.id)
        biopsy = biopsies.get(panel.id or "") or (
            biopsies.get(figure.id) if len(figure.panels) == 1 else None
        )
        chart, data = None, None
        if panel.chart is not None:
            chart, data = clinical.panel_chart(
                case, name=anchor, instruments=panel.instruments, alt=panel.alt
            )
        panels.append(
            PanelView(
                letter=letter,
                anchor=anchor,
                label=f"{number}{letter}",
                file=chart.file if chart else str(panel.file),
                legend=compose_legend(panel.legend, biopsy),
                alt=panel.alt,
                placeholder=panel.placeholder,
                chart=chart,
                data=data,
            )
        )
    return FigureView(figure.id, number, figure.kind, figure.title, tuple(panels))


def compose_legend(legend: str, biopsy: Biopsy | None) -> str:
    """The author's legend, completed with stain and magnification from the histology data."""
    text = legend.rstrip()
    if biopsy is None:
        return text
    stain = _STAIN_NAMES.get(biopsy.stain, biopsy.stain)
    stain = stain[:1].upper() + stain[1:]
    detail = (
        f"{stain}, original magnification ×{biopsy.magnification}"
        if biopsy.magnification
        else stain
    )
    if not text.endswith((".", "!", "?")):
        text += "."
    return f"{text} ({detail}.)"
