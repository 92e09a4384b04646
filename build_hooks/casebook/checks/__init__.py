"""Validating a case: schema errors, template leftovers, references, consent, author text,
figures, CARE, limits."""

from __future__ import annotations

from casebook.checks.author_text import check_case_text
from casebook.checks.care_checklist import CARE_URL, care_items, check_care
from casebook.checks.consent import check_consent
from casebook.checks.crossrefs import check_crossrefs
from casebook.checks.history_dates import check_history_dates
from casebook.checks.images import (
    ALLOWED_FORMATS,
    MAX_FIGURE_BYTES,
    MAX_FIGURE_PIXELS,
    ContentCheck,
    check_figure_files,
)
from casebook.checks.journal_limits import check_journal, limits_for, usage
from casebook.checks.schema_errors import findings_from_validation
from casebook.checks.template_leftovers import check_leftovers

__all__ = [
    "ALLOWED_FORMATS",
    "CARE_URL",
    "MAX_FIGURE_BYTES",
    "MAX_FIGURE_PIXELS",
    "ContentCheck",
    "care_items",
    "check_care",
    "check_case_text",
    "check_consent",
    "check_crossrefs",
    "check_figure_files",
    "check_history_dates",
    "check_journal",
    "check_leftovers",
    "findings_from_validation",
    "limits_for",
    "usage",
]
