"""The derived, render-ready view of one case: figures in number order, composed legends, tags."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from casebook.article.adverse_reaction import AdverseReactionView
from casebook.article.background import ExaminationView, HistoryView
from casebook.article.patients import PatientPart, patient_parts
from casebook.clinical import ChartView, ClinicalView, ScoreTable
from casebook.models import Biopsy, CaseFile, Figure, Numbering, Reference, panel_letter

_STAIN_NAMES = {"H&E": "haematoxylin and eosin"}

# Which page section a mention in each top-level field (or field of a patient's record) belongs
# to; figures are placed at the end of the section that first mentions them. In a case series
# each patient's sections are apart: the section is then prefixed with the patient's id.
SECTION_OF_FIELD = {
    "abstract": "introduction",
    "introduction": "introduction",
    "patient": "presentation",
    "history": "presentation",
    "examination": "presentation",
    "timeline": "events",
    "investigations": "investigations",
    "imaging": "imaging",
    "histology": "histology",
    "cultures": "microbiology",
    "pcr_serology": "microbiology",
    "genetics": "genetics",
    "diagnosis": "diagnosis",
    "adverse_reaction": "adverse-reaction",
    "treatment": "treatment",
    "procedures": "treatment",
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
    parts: tuple[PatientPart, ...]
    """Each patient's part of the page: one for a single case, one per patient of a series."""
    placement: Mapping[str, str]
    """figure id -> the page section that first mentions it, where the figure is shown."""

    @property
    def is_series(self) -> bool:
        return self.case.is_series

    @property
    def clinical(self) -> ClinicalView:
        """The clinical view of a single case (of the first patient of a series)."""
        return self.parts[0].clinical

    @property
    def charts(self) -> list[ChartView]:
        """Every chart drawn from the data of every patient, besides the figure panels."""
        return [chart for part in self.parts for chart in part.clinical.charts]

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
        """The final diagnoses of every patient, each once."""
        return list(dict.fromkeys(name for part in self.parts for name in part.diagnoses))

    @property
    def drugs(self) -> list[str]:
        """The drugs given, then those suspected of an adverse reaction, of every patient."""
        return list(dict.fromkeys(drug for part in self.parts for drug in part.drugs))

    @property
    def main_treatment(self) -> str | None:
        counts = Counter(step.drug for part in self.parts for step in part.record.treatment)
        return counts.most_common(1)[0][0] if counts else None

    @property
    def tags(self) -> list[str]:
        values = [*self.diagnoses, *self.drugs, *self.case.publication.specialty]
        return list(dict.fromkeys(v[:1].upper() + v[1:] for v in values))

    @property
    def patient_phrase(self) -> str:
        """'A 20-year-old man', as the presentation of every output opens."""
        return self.parts[0].phrase

    @property
    def kind(self) -> str:
        """'Case report' or 'Case series', as descriptions and listings name the article."""
        return "Case series" if self.is_series else "Case report"

    @property
    def background(self) -> HistoryView:
        """The background of a single case's patient (the first patient of a series)."""
        return self.parts[0].background

    @property
    def examination(self) -> ExaminationView:
        return self.parts[0].examination

    @property
    def adverse_reaction(self) -> AdverseReactionView | None:
        return self.parts[0].adverse_reaction

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
    clinical: tuple[ClinicalView, ...],
) -> Article:
    """`clinical`: each patient's clinical view, in the order of case.records()."""
    parts = patient_parts(case.records(), clinical)
    figures = sorted(
        (f for f in case.figures if f.id in numbering.figure_numbers),
        key=lambda f: numbering.figure_numbers[f.id],
    )
    biopsies = _biopsy_by_key([b for part in parts for b in part.record.histology])
    views = tuple(
        _figure_view(f, numbering.figure_numbers[f.id], biopsies, part=parts[0]) for f in figures
    )
    return Article(
        case_id,
        folder,
        case,
        numbering,
        views,
        parts,
        placement=_placement(views, numbering, parts),
    )


def _placement(
    figures: tuple[FigureView, ...], numbering: Numbering, parts: tuple[PatientPart, ...]
) -> dict[str, str]:
    first_section: dict[str, str] = {}
    owner = {p.anchor: f.id for f in figures for p in f.panels}
    for mention in numbering.mentions:
        figure_id = owner.get(mention.key, mention.key)
        path, section = mention.path, SECTION_OF_FIELD.get(str(mention.path[0]), "discussion")
        if path[0] == "patients" and isinstance(index := path[1], int):
            section = parts[index].anchor(SECTION_OF_FIELD.get(str(path[2]), "discussion"))
        first_section.setdefault(figure_id, section)
    return first_section


def _biopsy_by_key(histology: list[Biopsy]) -> dict[str, Biopsy]:
    return {key: biopsy for biopsy in histology for key in biopsy.figures}


def _figure_view(
    figure: Figure,
    number: int,
    biopsies: dict[str, Biopsy],
    *,
    part: PatientPart,
) -> FigureView:
    """`part`: whose scores a chart panel draws; a series has none (checks refuse them)."""
    panels = []
    for index, panel in enumerate(figure.panels):
        letter = panel_letter(index) if len(figure.panels) > 1 else ""
        anchor = panel.id or (f"{figure.id}-{letter}" if letter else figure.id)
        biopsy = biopsies.get(panel.id or "") or (
            biopsies.get(figure.id) if len(figure.panels) == 1 else None
        )
        chart, data = None, None
        if panel.chart is not None:
            chart, data = part.clinical.panel_chart(
                part.record.scores, name=anchor, instruments=panel.instruments, alt=panel.alt
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
    stain = _STAIN_NAMES.get(biopsy.stain, biopsy.stain) if biopsy.stain_stated else ""
    stain = stain[:1].upper() + stain[1:] if stain else "Stain not stated"
    detail = (
        f"{stain}, original magnification ×{biopsy.magnification}"
        if biopsy.magnification
        else stain
    )
    if not text.endswith((".", "!", "?")):
        text += "."
    return f"{text} ({detail}.)"
