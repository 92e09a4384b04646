"""Clinical facts derived from a case: time axis, timeline, labs, scores, codes, their charts,
vital signs and the Naranjo score."""

from __future__ import annotations

from casebook.clinical.chart_specs import ChartView
from casebook.clinical.labs import range_text, result_text
from casebook.clinical.naranjo import NaranjoScore, naranjo_category, naranjo_score
from casebook.clinical.view import ClinicalView, ScoreTable, analyse_case
from casebook.clinical.vitals import VitalRow, computed_bmi, vital_rows

__all__ = [
    "ChartView",
    "ClinicalView",
    "NaranjoScore",
    "ScoreTable",
    "VitalRow",
    "analyse_case",
    "computed_bmi",
    "naranjo_category",
    "naranjo_score",
    "range_text",
    "result_text",
    "vital_rows",
]
