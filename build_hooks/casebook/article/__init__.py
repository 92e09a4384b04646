"""The render-ready view model of one case: figures and panels in order, legends, listing,
and the phrases every output words alike."""

from __future__ import annotations

from casebook.article.article import Article, FigureView, PanelView, build_article
from casebook.article.cite import CiteView
from casebook.article.listing import CaseListing, case_listing
from casebook.article.patients import PatientPart
from casebook.article.phrases import outcome_time_phrases, regimen_phrase, study_phrase

__all__ = [
    "Article",
    "CaseListing",
    "CiteView",
    "FigureView",
    "PanelView",
    "PatientPart",
    "build_article",
    "case_listing",
    "outcome_time_phrases",
    "regimen_phrase",
    "study_phrase",
]
