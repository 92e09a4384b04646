"""Every chart of the synthetic case, as the data its SVG is drawn from."""

from __future__ import annotations

import json
from collections.abc import Callable

from ..support.golden_cases import SYNTHETIC, golden_article


def test_synthetic_case_charts_match_golden(golden: Callable[[str, str], None]) -> None:
    article = golden_article(SYNTHETIC)
    panels = [p.chart for f in article.figures for p in f.panels if p.chart is not None]
    charts = [*article.clinical.charts, *panels]
    assert [c.file for c in charts] == [
        "charts/timeline.svg",
        "charts/lab-white-cell-count.svg",
        "charts/fig-scores-a.svg",
        "charts/fig-scores-b.svg",
    ]
    for chart in charts:
        spec = {"alt": chart.alt, **chart.spec}
        golden(f"{SYNTHETIC}/charts/{chart.name}.json", json.dumps(spec, indent=2) + "\n")
