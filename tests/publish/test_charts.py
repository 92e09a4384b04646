"""Chart files: drawn from the data alone, cached by its hash, matplotlib imported only to draw."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from casebook.publish import chart_draw
from casebook.publish.charts import chart_key, publish_chart

from ..support.cases import example_article
from ..support.project import ROOT


def spec(tmp_path: Path) -> dict[str, Any]:
    chart = example_article(tmp_path).clinical.timeline_chart
    assert chart is not None
    return chart.spec


@pytest.mark.parametrize("kind", ["timeline", "figure chart"])
def test_same_data_same_bytes_and_cached(tmp_path: Path, kind: str) -> None:
    """Drawn by hand (the timeline) or with matplotlib (a figure's chart), a chart's bytes
    depend on its data alone: no date, no creator, text kept as text."""
    data = spec(tmp_path) if kind == "timeline" else figure_chart_specs(tmp_path)[0]
    first = publish_chart(data, cache_dir=tmp_path / "a")
    again = publish_chart(data, cache_dir=tmp_path / "a")
    fresh = publish_chart(data, cache_dir=tmp_path / "b")
    assert (first.from_cache, again.from_cache, fresh.from_cache) == (False, True, False)
    assert first.data == again.data == fresh.data
    assert first.data.startswith(b"<?xml")
    assert b"<dc:date>" not in first.data and b"matplotlib.org" not in first.data
    # Text stays text, readable and searchable.
    assert (b"4 mg" if kind == "timeline" else b"EASI") in first.data


def test_changed_data_is_drawn_again(tmp_path: Path) -> None:
    data = spec(tmp_path)
    changed = {**data, "lanes": ["baricitinib "]}
    assert chart_key(changed) != chart_key(data)


def test_cache_ignores_modification_times_and_survives_deletion(tmp_path: Path) -> None:
    data = spec(tmp_path)
    cache = tmp_path / "cache"
    first = publish_chart(data, cache_dir=cache)
    entry = cache / f"{first.key}.svg"
    os.utime(entry, (0, 0))
    assert publish_chart(data, cache_dir=cache).from_cache
    entry.write_bytes(b"garbage")
    repaired = publish_chart(data, cache_dir=cache)
    assert not repaired.from_cache and repaired.data == first.data
    entry.unlink()
    assert publish_chart(data, cache_dir=cache).data == first.data


def imports_matplotlib(data: dict[str, Any], *, cache: Path, cached: bool) -> bool:
    """Whether publishing the chart `data` in a new process imports matplotlib."""
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from casebook.publish.charts import publish_chart\n"
        f"spec = json.loads({json.dumps(data)!r})\n"
        f"result = publish_chart(spec, cache_dir=Path({str(cache)!r}))\n"
        f"assert result.from_cache is {cached}\n"
        "print('matplotlib' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "build_hooks")}
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    return {"True": True, "False": False}[out.stdout.strip()]


def test_a_cached_chart_does_not_import_matplotlib(tmp_path: Path) -> None:
    data = figure_chart_specs(tmp_path)[0]
    assert imports_matplotlib(data, cache=tmp_path / "cache", cached=False)
    assert not imports_matplotlib(data, cache=tmp_path / "cache", cached=True)


def test_a_timeline_is_drawn_without_matplotlib(tmp_path: Path) -> None:
    """Every case has a timeline: drawing one must not cost a process matplotlib."""
    assert not imports_matplotlib(spec(tmp_path), cache=tmp_path / "cache", cached=False)


def figure_chart_specs(tmp_path: Path) -> list[dict[str, Any]]:
    article = example_article(tmp_path)
    charts = [p.chart for f in article.figures for p in f.panels if p.chart is not None]
    assert charts
    return [chart.spec for chart in charts]


def test_a_kept_figure_draws_what_a_new_one_draws(tmp_path: Path) -> None:
    """The page's SVG and the JATS package's PNG of a figure's chart, drawn one after the
    other from one kept figure, interleaved with other charts, equal each drawn alone."""
    scores = figure_chart_specs(tmp_path)[0]
    longer = {**scores, "x": {**scores["x"], "max": scores["x"]["max"] + 8}}
    alone = {}
    for name, data in (("scores", scores), ("longer", longer)):
        for kind, draw in (("svg", chart_draw.draw_svg), ("png", chart_draw.draw_png)):
            chart_draw._kept.clear()
            alone[name, kind] = draw(data)
    chart_draw._kept.clear()
    assert chart_draw.draw_svg(longer) == alone["longer", "svg"]
    assert chart_draw.draw_svg(scores) == alone["scores", "svg"]
    assert chart_draw.draw_png(scores) == alone["scores", "png"]
    assert chart_draw.draw_svg(longer) == alone["longer", "svg"]
    assert chart_draw.draw_png(longer) == alone["longer", "png"]
    assert chart_draw.draw_svg(scores) == alone["scores", "svg"]
    assert alone["scores", "svg"] != alone["longer", "svg"]


def test_few_figures_are_kept(tmp_path: Path) -> None:
    data = figure_chart_specs(tmp_path)[0]
    chart_draw._kept.clear()
    for weeks in range(6):
        chart_draw.draw_svg({**data, "x": {**data["x"], "max": data["x"]["max"] + weeks}})
    assert len(chart_draw._kept) == chart_draw._KEEP
    chart_draw.draw_png({**data, "x": {**data["x"], "max": data["x"]["max"] + 5}})
    assert len(chart_draw._kept) == chart_draw._KEEP - 1
