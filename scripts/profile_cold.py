"""Time each stage of rendering synthetic cases cold, in one process; see docs/guide/performance.md.

Uses the benchmark's corpus (scripts/benchmark.py writes and keeps it under .cache/benchmark/),
or `--corpus example`: the example case copied N times, each copy's reference volumes changed so
that no copy's references are formatted from an earlier one's. Loads and renders N cases, each
with an empty build cache of its own, and prints the seconds per case that each
stage took: loading with every check (of which decoding figures for their checks), publishing
figures, drawing charts, the scholarly outputs (of which citeproc, wherever it runs), rendering
the pages, the PDF (turning the page into Typst, and typesetting it), and the whole. One case
is rendered first and left out, so imports (matplotlib, citeproc's style) are not counted
against the cold per-case cost.
"""

from __future__ import annotations

import argparse
import functools
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import casebook.assemble.case_output as case_output
import casebook.checks.images as check_images
import casebook.render.bibliography as bibliography
from casebook.cli.site_config import site_settings
from casebook.load import load_case
from casebook.models import SiteSettings
from synthetic_cases import GENERATOR_VERSION, case_id, write_corpus

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "case_data" / "ppp-ad-baricitinib"
BENCHMARK_SITE_URL = "https://benchmark.casebook.test/casebook/"
STAGES = (
    ("load", "load+checks"),
    ("figure_checks", "  of which figure checks"),
    ("images", "images"),
    ("charts", "charts"),
    ("scholarly", "citations/scholarly"),
    ("citeproc", "  citeproc (anywhere)"),
    ("pages", "page render"),
    ("pdf", "PDF"),
    ("total", "total"),
)


class StageTimer:
    """Seconds spent in each stage; a stage entered again while it runs is counted once."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._running: set[str] = set()

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if name in self._running:
            yield
            return
        self._running.add(name)
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - started
            self._running.discard(name)

    def wrap(self, owner: Any, attribute: str, name: str) -> None:
        """Time every call of `owner.attribute` (looked up by callers at call time)."""
        original: Callable[..., Any] = getattr(owner, attribute)

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.stage(name):
                return original(*args, **kwargs)

        setattr(owner, attribute, timed)


def instrument(timer: StageTimer) -> None:
    timer.wrap(check_images, "_content_issues", "figure_checks")
    timer.wrap(case_output, "publish_image", "images")
    timer.wrap(case_output, "publish_chart", "charts")
    timer.wrap(case_output, "scholarly_output", "scholarly")
    timer.wrap(case_output, "render_case_page", "pages")
    timer.wrap(case_output, "render_care_page", "pages")
    # The page is turned into Typst when its job is made, and typeset afterwards.
    timer.wrap(case_output, "pdf_job", "pdf")
    timer.wrap(case_output, "typeset_job", "pdf")
    timer.wrap(bibliography, "_entry", "citeproc")


def settings_for(*, pdf: bool) -> SiteSettings:
    settings = site_settings(ROOT)
    return settings.model_copy(update={"pdf": pdf, "base_url": BENCHMARK_SITE_URL})


def write_example_copies(case_root: Path, *, count: int) -> None:
    """`count` copies of the example case, `example-<n>`, rewritten whenever the example is."""
    source = (EXAMPLE / "case.yaml").read_text(encoding="utf-8")
    for index in range(count):
        folder = case_root / f"example-{index}"
        # Each copy's references differ, as different cases' do (formatting is memoised).
        text = re.sub(r'(?m)^(    volume: ")(\d+)"', rf'\g<1>\g<2>{index}"', source)
        if (folder / "case.yaml").is_file() and (folder / "case.yaml").read_text() == text:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(EXAMPLE, folder)
        (folder / "case.yaml").write_text(text, encoding="utf-8")


def render_cold(folders: list[Path], *, settings: SiteSettings, timer: StageTimer) -> None:
    for folder in folders:
        # An empty cache for every case: copies of one case would otherwise share their charts.
        with (
            tempfile.TemporaryDirectory(prefix="casebook-profile-") as cache,
            timer.stage("total"),
        ):
            with timer.stage("load"):
                article, diagnostics = load_case(folder, project_root=ROOT, settings=settings)
            if article is None:
                raise SystemExit("\n".join(str(d) for d in diagnostics))
            case_output.render_case_output(article, settings=settings, cache_root=Path(cache))


def report(timer: StageTimer, *, count: int) -> str:
    lines = [f"{label:<26} {timer.seconds[key] / count:7.3f} s/case" for key, label in STAGES]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=19, help="cases timed (default: %(default)s)")
    parser.add_argument("--pdf", action="store_true", help="typeset each case's PDF too")
    parser.add_argument("--corpus", choices=("synthetic", "example"), default="synthetic")
    parser.add_argument(
        "--workdir", type=Path, default=ROOT / ".cache" / "benchmark", help="(default: %(default)s)"
    )
    args = parser.parse_args(argv)
    if args.corpus == "synthetic":
        corpus = args.workdir / f"corpus-v{GENERATOR_VERSION}"
        write_corpus(corpus, count=args.cases + 1)
        folders = [corpus / case_id(index) for index in range(args.cases + 1)]
    else:
        corpus = args.workdir / "example-copies"
        write_example_copies(corpus, count=args.cases + 1)
        folders = [corpus / f"example-{index}" for index in range(args.cases + 1)]
    settings = settings_for(pdf=args.pdf)
    # The first case pays for imports and one-off set-up; it is not counted.
    render_cold(folders[-1:], settings=settings, timer=StageTimer())
    timer = StageTimer()
    instrument(timer)
    render_cold(folders[:-1], settings=settings, timer=timer)
    pdfs = "on" if args.pdf else "off"
    print(f"{args.cases} {args.corpus} cases cold, one process, PDFs {pdfs}:")
    print(report(timer, count=args.cases))
    return 0


if __name__ == "__main__":
    sys.exit(main())
