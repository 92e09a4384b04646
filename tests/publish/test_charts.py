"""Chart files: drawn from the data alone, cached by its hash, matplotlib imported only to draw."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from casebook.publish import chart_draw
from casebook.publish.charts import chart_key, publish_chart

from ..support.cases import example_article
from ..support.project import ROOT


def spec(tmp_path: Path) -> dict[str, Any]:
    chart = example_article(tmp_path).clinical.timeline_chart
    assert chart is not None
    return chart.spec


def test_same_data_same_bytes_and_cached(tmp_path: Path) -> None:
    data = spec(tmp_path)
    first = publish_chart(data, cache_dir=tmp_path / "a")
    again = publish_chart(data, cache_dir=tmp_path / "a")
    fresh = publish_chart(data, cache_dir=tmp_path / "b")
    assert (first.from_cache, again.from_cache, fresh.from_cache) == (False, True, False)
    assert first.data == again.data == fresh.data
    assert first.data.startswith(b"<?xml") and b"<dc:date>" not in first.data
    assert b"4 mg" in first.data  # text stays text, readable and searchable


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


def test_a_cached_chart_does_not_import_matplotlib(tmp_path: Path) -> None:
    data = spec(tmp_path)
    publish_chart(data, cache_dir=tmp_path / "cache")
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from casebook.publish.charts import publish_chart\n"
        f"spec = json.loads({json.dumps(data)!r})\n"
        f"result = publish_chart(spec, cache_dir=Path({str(tmp_path / 'cache')!r}))\n"
        "assert result.from_cache\n"
        "print('matplotlib' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "build_hooks")}
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def figure_chart_specs(tmp_path: Path) -> list[dict[str, Any]]:
    article = example_article(tmp_path)
    charts = [p.chart for f in article.figures for p in f.panels if p.chart is not None]
    assert charts
    return [chart.spec for chart in charts]


def test_a_kept_figure_draws_what_a_new_one_draws(tmp_path: Path) -> None:
    """The page's SVG and the JATS package's PNG of a figure's chart, drawn one after the
    other from one kept figure, interleaved with other charts, equal each drawn alone."""
    timeline, scores = spec(tmp_path / "a"), figure_chart_specs(tmp_path / "b")[0]
    alone = {}
    for name, data in (("timeline", timeline), ("scores", scores)):
        for kind, draw in (("svg", chart_draw.draw_svg), ("png", chart_draw.draw_png)):
            chart_draw._kept.clear()
            alone[name, kind] = draw(data)
    chart_draw._kept.clear()
    assert chart_draw.draw_svg(timeline) == alone["timeline", "svg"]
    assert chart_draw.draw_svg(scores) == alone["scores", "svg"]
    assert chart_draw.draw_png(scores) == alone["scores", "png"]
    assert chart_draw.draw_svg(timeline) == alone["timeline", "svg"]
    assert chart_draw.draw_png(timeline) == alone["timeline", "png"]
    assert chart_draw.draw_svg(scores) == alone["scores", "svg"]
    assert alone["scores", "svg"] != alone["timeline", "svg"]


def _period(lane: str, start: float, end: float, **flags: Any) -> dict[str, Any]:
    period = {
        "lane": lane,
        "start": start,
        "end": end,
        "label": flags.pop("label", "4 mg"),
        "level": 0.5,
        "off": False,
        "open_end": False,
        "single_dose": False,
        "approximate": False,
    }
    return {**period, **flags}


def timelines(tmp_path: Path) -> list[dict[str, Any]]:
    """The example's timeline and others unlike it: more lanes and fewer, other axes and
    ticks, stops, single doses, open and approximate ends."""
    example = spec(tmp_path)
    x = example["x"]
    three = {
        **example,
        "x": {**x, "title": "Days since admission", "min": -3.0, "max": 250.0},
        "lanes": ["amoxicillin", "prednisolone 40 mg", "a much longer drug name here"],
        "periods": [
            _period("amoxicillin", 0, 9, label="500 mg three times daily"),
            _period("prednisolone 40 mg", 10, 11, single_dose=True, label="once"),
            _period("a much longer drug name here", 12, 40, off=True, label="off"),
            _period("a much longer drug name here", 40, 250, open_end=True, level=1.0),
            _period("amoxicillin", 100, 103, approximate=True, level=0.1),
        ],
    }
    one = {
        **example,
        "x": {**x, "min": 0.0, "max": 6.0},
        "lanes": ["x"],
        "periods": [_period("x", 0, 6, label="2 g")],
    }
    return [example, three, one, three, example, one]


def test_the_timeline_figure_draws_what_a_new_one_draws(tmp_path: Path) -> None:
    """Timelines drawn one after another on the process's one figure, as SVG and as PNG,
    equal each drawn on a new figure."""
    drawn = timelines(tmp_path)
    alone = {}
    for index, data in enumerate(drawn[:3]):
        for kind, draw in (("svg", chart_draw.draw_svg), ("png", chart_draw.draw_png)):
            chart_draw._timeline_canvas = None
            alone[index, kind] = draw(data)
    assert len({alone[index, "svg"] for index in range(3)}) == 3
    chart_draw._timeline_canvas = None
    for data in drawn:
        index = drawn.index(data)
        assert chart_draw.draw_svg(data) == alone[index, "svg"]
        assert chart_draw.draw_png(data) == alone[index, "png"]
        assert chart_draw.draw_svg(data) == alone[index, "svg"]


def test_few_figures_are_kept(tmp_path: Path) -> None:
    data = figure_chart_specs(tmp_path)[0]
    chart_draw._kept.clear()
    for weeks in range(6):
        chart_draw.draw_svg({**data, "x": {**data["x"], "max": data["x"]["max"] + weeks}})
    assert len(chart_draw._kept) == chart_draw._KEEP
    chart_draw.draw_png({**data, "x": {**data["x"], "max": data["x"]["max"] + 5}})
    assert len(chart_draw._kept) == chart_draw._KEEP - 1
