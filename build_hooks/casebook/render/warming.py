"""Do now what the first edit of a preview would otherwise wait for.

A preview renders no case in its own process at first: a cold start renders them in child
processes, a warm one reads them from the cache. So the first save of a case was the first
time the process compiled the templates (forty of them, 0.4 s), parsed the citation style and
loaded the PDF's fonts: that save took 1.1 s at a thousand cases, the next ones 0.3 s.
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2

from casebook.render.bibliography import warm_style
from casebook.render.environment import environment, markup_environment, typst_environment

# Which environment renders a template, by the end of its name (see the get_template calls).
_ENVIRONMENTS: tuple[tuple[tuple[str, ...], Callable[[], jinja2.Environment]], ...] = (
    ((".xml.j2", ".html.j2", ".atom.j2"), markup_environment),
    ((".typ.j2",), typst_environment),
    ((".md.j2", ".bib.j2", ".ris.j2"), environment),
)


def compile_templates() -> int:
    """Compile every template into the environment that renders it; how many."""
    compiled = 0
    for endings, make in _ENVIRONMENTS:
        env = make()
        for name in [name for name in env.list_templates() if name.endswith(endings)]:
            env.get_template(name)
            compiled += 1
    return compiled


def warm_up() -> None:
    compile_templates()
    warm_style()
