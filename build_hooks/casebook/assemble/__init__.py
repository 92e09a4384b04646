"""Orchestration: every case's output, from the cache or rendered, and the whole site's."""

from __future__ import annotations

from casebook.assemble.site import SiteOutput, build_site_output
from casebook.assemble.site_address import is_example_address
from casebook.assemble.typesetting import PdfsFailed
from casebook.assemble.warming import warm_up

__all__ = ["PdfsFailed", "SiteOutput", "build_site_output", "is_example_address", "warm_up"]
