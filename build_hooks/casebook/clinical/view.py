"""The clinical content of one case, checked and laid out for the page: the timeline, score
summaries and tables, laboratory groups, and the charts drawn from them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from casebook.clinical.adverse_reaction import check_adverse_reaction
from casebook.clinical.chart_specs import (
    ChartView,
    SeriesData,
    lab_chart,
    scores_chart,
    timeline_chart,
)
from casebook.clinical.diagnosis_codes import check_codes
from casebook.clinical.labs import LabGroup, check_labs, lab_groups
from casebook.clinical.scores import ScoreSummary, check_scores, series_label, summarise
from casebook.clinical.time_axis import TimeAxis, build_axis, time_points
from casebook.clinical.timeline import Timeline, build_timeline, place_steps
from casebook.clinical.vitals import check_examination
from casebook.findings import Finding
from casebook.models import CaseFile, Instrument, ScoreSeries

ILLUSTRATIVE_NOTE = (
    "Illustrative values: the source gives no numbers for these scores. The values only follow "
    "the course it describes in words and must not be read as measurements."
)


@dataclass(frozen=True)
class ScoreTable:
    """The text equivalent of a scores chart: one row per time, one column per series."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]
    illustrative: bool


@dataclass(frozen=True)
class ClinicalView:
    timeline: Timeline
    timeline_chart: ChartView | None
    summaries: tuple[ScoreSummary, ...]
    score_table: ScoreTable | None
    score_chart: ChartView | None
    """A scores chart of its own, when no figure panel draws the scores."""
    labs: tuple[LabGroup, ...]
    lab_charts: Mapping[str, ChartView]
    """test name -> trend chart, for tests measured more than once."""
    illustrative_note: str = ILLUSTRATIVE_NOTE

    def panel_chart(
        self, case: CaseFile, *, name: str, instruments: list[str], alt: str
    ) -> tuple[ChartView, ScoreTable]:
        chosen = [s for s in case.scores if not instruments or s.instrument in instruments]
        return _scores_chart(name, chosen, self.timeline, alt=alt), _score_table(
            chosen, self.timeline
        )

    @property
    def any_illustrative(self) -> bool:
        """Some score series holds illustrative values: the summary table must say so."""
        return any(s.illustrative for s in self.summaries)

    @property
    def labs_timed(self) -> bool:
        return any(row.when for group in self.labs for row in group.rows)

    @property
    def charts(self) -> list[ChartView]:
        out = [c for c in (self.timeline_chart, self.score_chart) if c is not None]
        return out + list(self.lab_charts.values())


def analyse_case(
    case: CaseFile, *, registry: Mapping[str, Instrument]
) -> tuple[ClinicalView | None, list[Finding]]:
    """Check the clinical data; the view is None when any check failed."""
    axis, findings = build_axis(case)
    usable = None if findings else axis
    findings += check_scores(case, registry, usable)
    findings += check_labs(case, usable)
    findings += check_codes(case)
    findings += check_examination(case.examination, ("examination",))
    if case.adverse_reaction is not None:
        findings += check_adverse_reaction(case.adverse_reaction, ("adverse_reaction",))
    findings += _check_chart_panels(case)
    if usable is None:
        return None, findings
    placed, problems = place_steps(case, usable)
    findings += problems
    if findings:
        return None, findings
    other_times = [usable.days(text) for _, text in time_points(case)]
    timeline = build_timeline(case, usable, placed, other_times=other_times)
    return _view(case, timeline, usable, registry), []


def _view(
    case: CaseFile, timeline: Timeline, axis: TimeAxis, registry: Mapping[str, Instrument]
) -> ClinicalView:
    scale = timeline.scale
    summaries = tuple(
        summarise(s, registry[s.instrument], axis=axis, scale=scale) for s in case.scores
    )
    drawn_in_figure = any(p.chart == "scores" for f in case.figures for p in f.panels)
    score_chart = None
    if case.scores and not drawn_in_figure:
        names = " and ".join(dict.fromkeys(s.instrument for s in case.scores))
        alt = (
            f"Line chart of {names} over time, with the treatment periods shaded. "
            "The table below gives the same values."
        )
        score_chart = _scores_chart("scores", case.scores, timeline, alt=alt)
    labs = tuple(lab_groups(case, axis=axis, scale=scale))
    lab_charts = {
        g.test: lab_chart(f"lab-{_slug(g.test)}", g, timeline=timeline, scale=scale)
        for g in labs
        if g.repeated
    }
    return ClinicalView(
        timeline=timeline,
        timeline_chart=timeline_chart(timeline) if timeline.steps else None,
        summaries=summaries,
        score_table=_score_table(case.scores, timeline) if case.scores else None,
        score_chart=score_chart,
        labs=labs,
        lab_charts=lab_charts,
    )


def _scores_chart(
    name: str, chosen: list[ScoreSeries], timeline: Timeline, *, alt: str
) -> ChartView:
    axis_days = timeline.axis.days
    series = [
        SeriesData(series_label(s), tuple((axis_days(p.when), p.value) for p in s.values))
        for s in chosen
    ]
    return scores_chart(
        name,
        series=series,
        timeline=timeline,
        illustrative=any(s.illustrative for s in chosen),
        alt=alt,
    )


def _score_table(chosen: list[ScoreSeries], timeline: Timeline) -> ScoreTable:
    axis_days = timeline.axis.days
    times = sorted({axis_days(p.when) for s in chosen for p in s.values})
    rows = []
    for day in times:
        cells = []
        for series in chosen:
            found = [p.value for p in series.values if axis_days(p.when) == day]
            cells.append(f"{found[0]:g}" if found else "–")
        rows.append((timeline.scale.label(day), tuple(cells)))
    return ScoreTable(
        tuple(series_label(s) for s in chosen),
        tuple(rows),
        any(s.illustrative for s in chosen),
    )


def _check_chart_panels(case: CaseFile) -> list[Finding]:
    findings = []
    measured = {s.instrument for s in case.scores}
    for i, figure in enumerate(case.figures):
        for j, panel in enumerate(figure.panels):
            if panel.chart != "scores":
                continue
            if not case.scores:
                findings.append(
                    Finding(
                        ("figures", i, "panels", j, "chart"),
                        "a scores chart needs score data",
                        "add the series under scores",
                    )
                )
            for k, name in enumerate(panel.instruments):
                if name not in measured:
                    findings.append(
                        Finding(
                            ("figures", i, "panels", j, "instruments", k),
                            f"the case has no {name} scores",
                            "add them under scores, or remove the name",
                        )
                    )
    return findings


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "test"
