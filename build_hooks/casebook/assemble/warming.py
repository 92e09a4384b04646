"""A preview's process, made ready for the first edit: see casebook.render.warming."""

from __future__ import annotations

from casebook.publish import warm_up_typesetting
from casebook.render import warm_up as warm_up_rendering


def warm_up() -> None:
    """Compile the templates, parse the citation style and load the PDF's fonts, once the
    preview serves its first build, so that the first save is as quick as the next."""
    warm_up_rendering()
    warm_up_typesetting()
