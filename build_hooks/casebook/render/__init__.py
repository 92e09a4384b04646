"""Markdown pages from the view model, through the Jinja templates in render/templates/."""

from __future__ import annotations

from casebook.render.bibliography import (
    FormattedReference,
    format_csl,
    format_plain,
    format_references,
    to_csl,
)
from casebook.render.citations import reference_anchor
from casebook.render.environment import markup_environment, text_environment, typst_environment
from casebook.render.error_page import CaseErrors, error_pages
from casebook.render.field_reference import field_reference_page
from casebook.render.home import render_home_pages
from casebook.render.new_case import NewCaseError, case_kinds, create_case
from casebook.render.pages import render_care_page, render_case_page
from casebook.render.warming import warm_up

__all__ = [
    "CaseErrors",
    "FormattedReference",
    "NewCaseError",
    "case_kinds",
    "create_case",
    "error_pages",
    "field_reference_page",
    "format_csl",
    "format_plain",
    "format_references",
    "markup_environment",
    "reference_anchor",
    "render_care_page",
    "render_case_page",
    "render_home_pages",
    "text_environment",
    "to_csl",
    "typst_environment",
    "warm_up",
]
