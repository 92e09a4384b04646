"""Jinja environments for the HTML, XML and plain-text files made beside the Markdown pages."""

from __future__ import annotations

from functools import cache

import jinja2

from casebook.render.pages import environment, make_environment


@cache
def markup_environment() -> jinja2.Environment:
    """HTML and XML: every value is escaped unless the code marked it as markup already."""
    return make_environment(autoescape=True)


@cache
def text_environment() -> jinja2.Environment:
    """BibTeX and RIS: values are escaped by the format's own filter, never by HTML rules."""
    return environment()
