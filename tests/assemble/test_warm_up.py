"""A preview's process, warmed up, renders a case without compiling a template."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest
from casebook.assemble import warm_up
from casebook.assemble.case_output import render_case_output
from casebook.render import environment as environments
from casebook.render import render_home_pages

from ..support.scholarly_cases import SETTINGS, example_article


def test_after_warming_up_a_case_renders_without_compiling_a_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for made in (
        environments.environment,
        environments.markup_environment,
        environments.typst_environment,
    ):
        made.cache_clear()  # as in a new process
    warm_up()
    compiled: list[str | None] = []
    real = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: Any, name: str | None = None, *a: Any) -> Any:
        compiled.append(name)
        return real(self, source, name, *a)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    # The page, the CARE page, the head, the JATS, the citation files and the PDF.
    output = render_case_output(example_article(), settings=SETTINGS, cache_root=tmp_path)
    render_home_pages([output.listing], site=SETTINGS, broken=[])
    assert output.pdf is not None and output.downloads  # it did render all of them
    assert compiled == []
