"""Jinja environments for the HTML, XML and plain-text files made beside the Markdown pages."""

from __future__ import annotations

from functools import cache

import jinja2

from casebook.render import TEMPLATES


def _environment(*, autoescape: bool) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        comment_start_string="{//",
        comment_end_string="//}",
    )


@cache
def markup_environment() -> jinja2.Environment:
    """HTML and XML: every value is escaped unless the code marked it as markup already."""
    return _environment(autoescape=True)


@cache
def text_environment() -> jinja2.Environment:
    """BibTeX and RIS: values are escaped by the format's own filter, never by HTML rules."""
    return _environment(autoescape=False)
