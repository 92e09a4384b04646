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
from casebook.clinical.events import EventRow, event_rows
from casebook.clinical.labs import LabGroup, check_labs, lab_groups
from casebook.clinical.scores import ScoreSummary, check_scores, series_label, summarise
from casebook.clinical.step_order import check_outcome_time
from casebook.clinical.time_axis import TimeAxis, build_axis, time_points
from casebook.clinical.timeline import Timeline, build_timeline, place_steps
from casebook.clinical.vitals import check_examination
from casebook.findings import Finding
from casebook.models import CaseFile, Instrument, PatientRecord, ScoreSeries

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
    events: tuple[EventRow, ...] = ()
    """The CARE timeline, earliest first."""
    illustrative_note: str = ILLUSTRATIVE_NOTE

    def time_label(self, when: str | None) -> str:
        """A study's, procedure's or specimen's time, shown as every time on the page is:
        counted from the start of treatment, never as a date."""
        if when is None:
            return "not stated"
        return self.timeline.scale.label(self.timeline.axis.days(when))

    def panel_chart(
        self, scores: list[ScoreSeries], *, name: str, instruments: list[str], alt: str
    ) -> tuple[ChartView, ScoreTable]:
        chosen = [s for s in scores if not instruments or s.instrument in instruments]
        return _scores_chart(name, chosen, self.timeline, alt=alt), _score_table(
            chosen, self.timeline
        )

    @property
    def any_illustrative(self) -> bool:
        """Some score series holds illustrative values: the summary table must say so."""
        return any(s.illustrative for s in self.summaries)

    @property
    def labs_timed(self) -> bool:
        return any(row.days is not None for group in self.labs for row in group.rows)

    @property
    def charts(self) -> list[ChartView]:
        out = [c for c in (self.timeline_chart, self.score_chart) if c is not None]
        return out + list(self.lab_charts.values())


def analyse_case(
    case: CaseFile, *, registry: Mapping[str, Instrument]
) -> tuple[tuple[ClinicalView, ...] | None, list[Finding]]:
    """Check the clinical data of every patient; one view per patient, in order, or None
    when any check failed. Each patient of a series has a time axis and charts of their own."""
    findings = _check_chart_panels(case)
    drawn_in_figure = any(p.chart == "scores" for f in case.figures for p in f.panels)
    views = []
    for at in case.records():
        view, found = analyse_record(
            at.record,
            registry=registry,
            chart_prefix=f"{at.id}-" if at.id else "",
            scores_in_figure=drawn_in_figure,
        )
        findings += [f.under(at.path) for f in found]
        views.append(view)
    if findings:
        return None, findings
    return tuple(v for v in views if v is not None), []


def analyse_record(
    record: PatientRecord,
    *,
    registry: Mapping[str, Instrument],
    chart_prefix: str = "",
    scores_in_figure: bool = False,
) -> tuple[ClinicalView | None, list[Finding]]:
    """One patient's clinical data checked, with paths within the record; `chart_prefix`
    keeps the chart names of the patients of a series apart."""
    axis, findings = build_axis(record)
    usable = None if findings else axis
    findings += check_scores(record, registry, usable)
    findings += check_labs(record, usable)
    findings += check_codes(record)
    findings += check_outcome_time(record)
    findings += check_examination(record.examination, ("examination",))
    if record.adverse_reaction is not None:
        findings += check_adverse_reaction(record.adverse_reaction, ("adverse_reaction",))
    if usable is None:
        return None, findings
    placed, problems = place_steps(record, usable)
    findings += problems
    if findings:
        return None, findings
    other_times = [usable.days(text) for _, text in time_points(record)]
    timeline = build_timeline(record, usable, placed, other_times=other_times)
    view = _view(
        record,
        timeline,
        usable,
        registry,
        prefix=chart_prefix,
        scores_in_figure=scores_in_figure,
    )
    return view, []


def _view(
    record: PatientRecord,
    timeline: Timeline,
    axis: TimeAxis,
    registry: Mapping[str, Instrument],
    *,
    prefix: str,
    scores_in_figure: bool,
) -> ClinicalView:
    scale = timeline.scale
    summaries = tuple(
        summarise(s, registry[s.instrument], axis=axis, scale=scale) for s in record.scores
    )
    score_chart = None
    if record.scores and not scores_in_figure:
        names = " and ".join(dict.fromkeys(s.instrument for s in record.scores))
        alt = (
            f"Line chart of {names} over time, with the treatment periods shaded. "
            "The table below gives the same values."
        )
        score_chart = _scores_chart(f"{prefix}scores", record.scores, timeline, alt=alt)
    labs = tuple(lab_groups(record, axis=axis, scale=scale))
    lab_charts = {
        g.test: lab_chart(f"{prefix}lab-{_slug(g.test)}", g, timeline=timeline, scale=scale)
        for g in labs
        if g.charted
    }
    return ClinicalView(
        timeline=timeline,
        timeline_chart=timeline_chart(timeline, name=f"{prefix}timeline")
        if timeline.drawable
        else None,
        summaries=summaries,
        score_table=_score_table(record.scores, timeline) if record.scores else None,
        score_chart=score_chart,
        labs=labs,
        lab_charts=lab_charts,
        events=event_rows(record),
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
    scores = case.scores if not case.is_series else []
    measured = {s.instrument for s in scores}
    for i, figure in enumerate(case.figures):
        for j, panel in enumerate(figure.panels):
            if panel.chart != "scores":
                continue
            if case.is_series:
                findings.append(
                    Finding(
                        ("figures", i, "panels", j, "chart"),
                        "a scores chart draws one patient's scores, and a case series has "
                        "several patients",
                        "remove the panel: each patient's scores are charted in their section",
                    )
                )
                continue
            if not scores:
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
