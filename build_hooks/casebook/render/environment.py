"""The one Jinja setup every page and file is written through, and its filters."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from urllib.parse import quote

import jinja2

from casebook.article import outcome_time_phrases, regimen_phrase, study_phrase
from casebook.models import DiagnosisCode, parse_duration
from casebook.text import escape_markdown_inline, typst_string, typst_text

TEMPLATES = Path(__file__).parent / "templates"


def make_environment(
    *, autoescape: bool, finalize: Callable[[object], object] | None = None
) -> jinja2.Environment:
    """The one template setup: Markdown pages unescaped, HTML and XML files autoescaped."""
    env = jinja2.Environment(
        finalize=finalize,
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # attr_list's `{#id}` would open a Jinja comment with the default delimiters.
        comment_start_string="{//",
        comment_end_string="//}",
    )
    env.filters["cell"] = table_cell
    env.filters["literal"] = escape_markdown_inline
    env.filters["duration"] = lambda text: parse_duration(text).text()
    env.filters["yaml_string"] = lambda value: json.dumps(value, ensure_ascii=False)
    env.filters["num"] = lambda value: f"{value:g}"
    env.filters["codes"] = codes_text
    env.filters["regimen"] = regimen_phrase
    # Percent-encoded, so that a character Markdown reads in a link's address cannot end it.
    env.filters["mailto"] = lambda email: "mailto:" + quote(email, safe="@")
    env.filters["study"] = study_phrase
    env.filters["outcome_times"] = outcome_time_phrases
    return env


@cache
def environment() -> jinja2.Environment:
    """Markdown pages and plain-text files, which escape by their own rules."""
    return make_environment(autoescape=False)


def codes_text(codes: list[DiagnosisCode]) -> str:
    return "; ".join(f"{c.system} {c.code}" for c in codes)


def table_cell(text: object) -> str:
    """Author text inside a Markdown table cell: pipes and line breaks would end the cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


@cache
def markup_environment() -> jinja2.Environment:
    """HTML and XML: every value is escaped unless the code marked it as markup already."""
    return make_environment(autoescape=True)


@cache
def typst_environment() -> jinja2.Environment:
    """Typst documents: every value is shown as text unless the code made it Typst markup
    (casebook.text.typst_escape), so no case text can become Typst code."""
    env = make_environment(autoescape=False, finalize=typst_text)
    # A value in a code position (`title: ...`) is a string literal, never markup.
    env.filters["str"] = typst_string
    return env


@cache
def text_environment() -> jinja2.Environment:
    """BibTeX and RIS: values are escaped by the format's own filter, never by HTML rules."""
    return environment()
