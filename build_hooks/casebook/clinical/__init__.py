"""Clinical facts derived from a case: time axis, timeline, labs, scores, codes, their charts."""

from __future__ import annotations

from casebook.clinical.chart_specs import ChartView
from casebook.clinical.labs import range_text
from casebook.clinical.view import ClinicalView, ScoreTable, analyse_case

__all__ = ["ChartView", "ClinicalView", "ScoreTable", "analyse_case", "range_text"]
