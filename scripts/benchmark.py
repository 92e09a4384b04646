"""Benchmark Casebook on synthetic sites of 10, 100 and 1,000 cases; see docs/guide/performance.md.

For each size, in rounds: a build with an empty cache (cold) without the PDFs and one with
them, a build with the cache filled (warm), and the same pages written as plain Markdown built
by plain mkdocs-material, so the cost of Casebook's layer is a ratio measured in one run. The plain
build makes no PDFs: the cold build without them is the one to compare with it. Then the time
from saving one case to the page showing the edit under `mkdocs serve --dirty`.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import yaml
from synthetic_cases import GENERATOR_VERSION, case_id, write_corpus

ROOT = Path(__file__).resolve().parents[1]
SITE_PARTS = ("mkdocs.yml", "docs", "build_hooks", "overrides", "schema")
_IGNORED = shutil.ignore_patterns("__pycache__")
LAYER = re.compile(r"Casebook: built \d+ cases? in ([\d.]+) seconds")


@dataclass
class Build:
    seconds: float
    peak_mb: float
    """The largest sum of the tree's resident memory (RSS), which counts a page shared by
    several processes (the interpreter, the libraries' code) once in each."""
    layer_seconds: float | None
    pss_mb: float = 0.0
    """The largest sum of the tree's proportional memory (PSS): a shared page counted once,
    split between its processes; what the tree takes of the machine's memory."""


def mkdocs_env(project: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(project / "build_hooks"), NO_MKDOCS_2_WARNING="1")
    # Authors' Python caches compiled modules; without it every run would compile the core and
    # MkDocs again, which is not what an author waits for.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def tree_kib(pid: int) -> tuple[int, int]:
    """Resident and proportional memory of a process and all its descendants, in KiB (Linux
    /proc; PSS is RSS where smaps_rollup is missing)."""
    rss = pss = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        with contextlib.suppress(OSError, ValueError):
            found = _memory_kib(current)
            rss, pss = rss + found[0], pss + found[1]
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as children:
                    pending.extend(int(child) for child in children.read().split())
    return rss, pss


def _memory_kib(pid: int) -> tuple[int, int]:
    fields: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                name, _, rest = line.partition(":")
                if name in ("Rss", "Pss"):
                    fields[name] = int(rest.split()[0])
    except FileNotFoundError:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    fields["Rss"] = int(line.split()[1])
    rss = fields.get("Rss", 0)
    return rss, fields.get("Pss", rss)


class TreePeak(threading.Thread):
    """The largest sum of resident memory of a process and its children, sampled: Casebook
    renders many new cases in a child process (casebook.assemble.prefill), and a peak measured per
    process would leave out whichever was not the largest."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kib, self.pss_peak_kib = pid, 0, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            rss, pss = tree_kib(self.pid)
            self.peak_kib = max(self.peak_kib, rss)
            self.pss_peak_kib = max(self.pss_peak_kib, pss)


def run_build(project: Path, site: Path) -> Build:
    """One `mkdocs build --strict` in its own process, as an author runs it."""
    shutil.rmtree(site, ignore_errors=True)
    env = mkdocs_env(project)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    sampler = TreePeak(process.pid)
    sampler.start()
    assert process.stderr is not None
    log = process.stderr.read().decode()
    sampler.done.set()
    sampler.join()
    # wait4 adds the largest single process's own peak, which sampling may fall between.
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{log}")
    match = LAYER.search(log)
    peak_kib = max(sampler.peak_kib, usage.ru_maxrss)
    layer = float(match.group(1)) if match else None
    return Build(seconds, peak_kib / 1024, layer, pss_mb=sampler.pss_peak_kib / 1024)


BENCHMARK_SITE_URL = "https://benchmark.casebook.test/casebook/"


def make_project(workdir: Path, corpus: Path, count: int, *, pdf: bool = True) -> Path:
    """A copy of the site sources with the first `count` synthetic cases; `pdf`: whether the
    site typesets a PDF of each case (the site setting)."""
    project = workdir / f"casebook-{count}"
    if not (project / "case_data" / case_id(count - 1)).is_dir():
        shutil.rmtree(project, ignore_errors=True)
        (project / "case_data").mkdir(parents=True)
        for index in range(count):
            shutil.copytree(corpus / case_id(index), project / "case_data" / case_id(index))
    # The site sources may have changed since the cases were copied.
    for part in SITE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.rmtree(project / part, ignore_errors=True)
            shutil.copytree(source, project / part, ignore=_IGNORED)
        else:
            shutil.copy2(source, project / part)
    # The build refuses to publish cases of one's own at the example project's address; a
    # reserved .test name keeps the benchmark site unreachable as the example address is.
    config = project / "mkdocs.yml"
    text = re.sub(r"(?m)^site_url:.*$", f"site_url: {BENCHMARK_SITE_URL}", config.read_text())
    if not pdf:
        text = text.replace("\n  casebook:\n", "\n  casebook:\n    pdf: false\n", 1)
    config.write_text(text)
    return project


def make_plain_project(workdir: Path, project: Path, count: int) -> Path:
    """The same pages as plain Markdown files, for plain mkdocs-material without our hooks."""
    plain = workdir / f"plain-{count}"
    shutil.rmtree(plain, ignore_errors=True)
    env = mkdocs_env(project)
    # `casebook render` writes a folder of its own (it replaces it whole); the hand-written
    # pages go in after it.
    render = ["render", str(plain / "docs")]
    subprocess.run(
        [sys.executable, "-m", "casebook.cli", "--root", str(project), *render],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    shutil.copytree(project / "docs", plain / "docs", dirs_exist_ok=True)
    shutil.copytree(project / "overrides", plain / "overrides")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("hooks", "watch"):
        config.pop(key, None)
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return plain


def median(builds: list[Build]) -> Build:
    layers = [b.layer_seconds for b in builds if b.layer_seconds is not None]
    return Build(
        statistics.median(b.seconds for b in builds),
        max(b.peak_mb for b in builds),
        statistics.median(layers) if layers else None,
        pss_mb=max(b.pss_mb for b in builds),
    )


def cold_builds(workdir: Path, corpus: Path, count: int) -> tuple[Path, Build, Build]:
    """A build of `count` cases from an empty cache without the PDFs, then one with them; the
    project, left with its cache filled by the second."""
    site = workdir / "site"
    builds = []
    for pdf in (False, True):
        project = make_project(workdir, corpus, count, pdf=pdf)
        shutil.rmtree(project / ".cache", ignore_errors=True)
        builds.append(run_build(project, site))
    return project, builds[0], builds[1]


def measure(
    workdir: Path, corpus: Path, count: int, *, repeat: int
) -> tuple[Build, Build, Build, Build]:
    """Medians of `repeat` rounds of: a cold build without PDFs, a cold build with them, a warm
    build and a plain build. All four in each round, so that a change in the machine's speed
    (other jobs on its host) weighs on each alike: on a shared machine the plain build of the
    same pages took from 25 to 89 s on two days."""
    site = workdir / "site"
    builds: dict[str, list[Build]] = {"bare": [], "cold": [], "warm": [], "plain": []}
    plain: Path | None = None
    for round_ in range(repeat):
        project, without, with_pdf = cold_builds(workdir, corpus, count)
        builds["bare"].append(without)
        builds["cold"].append(with_pdf)
        if plain is None:
            plain = make_plain_project(workdir, project, count)
        builds["warm"].append(run_build(project, site))
        builds["plain"].append(run_build(plain, site))
        taken = ", ".join(f"{kind} {runs[-1].seconds:.1f} s" for kind, runs in builds.items())
        print(f"  round {round_ + 1}: {taken}", file=sys.stderr)
    return (
        median(builds["bare"]),
        median(builds["cold"]),
        median(builds["warm"]),
        median(builds["plain"]),
    )


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, needle: str, *, timeout: float, server: subprocess.Popen[bytes]) -> str:
    """The text of `url` once it shows `needle`, polling every half second."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if server.poll() is not None:
            raise SystemExit(f"mkdocs serve stopped with exit code {server.returncode}")
        if needle in (text := fetch(url)):
            return text
        time.sleep(0.5)
    raise SystemExit(f"{needle!r} did not appear at {url} within {timeout} s")


def reload_until(origin: str, url: str, needle: str, *, epoch: int, timeout: float) -> None:
    """Do what the browser does: wait on MkDocs' livereload request until a newer build is
    visible, then load the page again; until the page shows `needle`. Polling the page instead
    would keep the server busy answering and slow down the build being measured."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        epoch = int(fetch(f"{origin}/livereload/{epoch}/1") or epoch)
        if needle in fetch(url):
            return
    raise SystemExit(f"{needle!r} did not appear at {url} within {timeout} s")


def page_epoch(text: str) -> int:
    """The build a served page belongs to, from the livereload script MkDocs injects."""
    match = re.search(r"livereload\((\d+), \d+\)", text)
    assert match, "no livereload script in the served page"
    return int(match.group(1))


def serve_latency(project: Path, *, edits: int, dirty: bool, port: int) -> list[float]:
    """Save one case at a time and time how long until the served page shows the edit."""
    env = mkdocs_env(project)
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    if dirty:
        command.append("--dirty")
    log = (project.parent / f"serve{'-dirty' if dirty else ''}.log").open("wb")
    process = subprocess.Popen(command, cwd=project, env=env, stdout=log, stderr=log)
    origin = f"http://127.0.0.1:{port}"
    base = f"{origin}/casebook/cases"
    try:
        wait_for(f"{base}/{case_id(0)}/", "Synthetic case report 0", timeout=600, server=process)
        latencies = []
        for edit in range(edits):
            index = edit * 7 % len(list((project / "case_data").iterdir()))
            path = project / "case_data" / case_id(index) / "case.yaml"
            text = path.read_text(encoding="utf-8")
            marker = f"edit {time.time_ns()}"
            # Alternate an edit shown on the case page only with one the home page lists too.
            field, value = (
                ("statement", f"Synthetic benchmark data ({marker}).")
                if edit % 2 == 0
                else ("title", f"Synthetic case report {index} ({marker})")
            )
            edited, found = re.subn(rf"(?m)^  {field}: .*$", f"  {field}: '{value}'", text, count=1)
            assert found == 1, (path, field)
            time.sleep(1.0)  # let the server settle after the previous rebuild
            page = f"{base}/{case_id(index)}/"
            epoch = page_epoch(fetch(page))
            started = time.perf_counter()
            path.write_text(edited, encoding="utf-8")
            reload_until(origin, page, marker, epoch=epoch, timeout=300)
            latencies.append(time.perf_counter() - started)
        return latencies
    finally:
        process.terminate()
        process.wait(timeout=60)
        log.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument(
        "--repeat", type=int, default=3, help="rounds of the four builds per size (median)"
    )
    parser.add_argument("--edits", type=int, default=6, help="saves timed under mkdocs serve")
    parser.add_argument("--full-serve", action="store_true", help="also time serve without --dirty")
    parser.add_argument("--serve-only", action="store_true", help="skip the build timings")
    parser.add_argument(
        "--pdf-cost",
        action="store_true",
        help="only time cold builds with and without the PDFs, taken in turns",
    )
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument(
        "--workdir", type=Path, default=ROOT / ".cache" / "benchmark", help="(default: %(default)s)"
    )
    args = parser.parse_args(argv)
    corpus = args.workdir / f"corpus-v{GENERATOR_VERSION}"
    print(f"generating {max(args.sizes)} synthetic cases in {corpus} (once)...", file=sys.stderr)
    write_corpus(corpus, count=max(args.sizes))
    if args.pdf_cost:
        for count in sorted(args.sizes):
            print(pdf_cost(args.workdir, corpus, count, repeat=args.repeat))
        return 0
    rows: list[Row] = []
    for count in [] if args.serve_only else sorted(args.sizes):
        print(f"building {count} cases...", file=sys.stderr)
        rows.append(Row(count, *measure(args.workdir, corpus, count, repeat=args.repeat)))
    if rows:
        print(report(rows, load=os.getloadavg()[0]))
    largest = make_project(args.workdir, corpus, max(args.sizes))
    for dirty in (True, False) if args.full_serve else (True,):
        edits = args.edits if dirty else 2
        latencies = serve_latency(largest, edits=edits, dirty=dirty, port=args.port)
        mode = "mkdocs serve --dirty" if dirty else "mkdocs serve"
        shown = ", ".join(f"{s:.2f}" for s in latencies)
        print(
            f"\n{mode}, {max(args.sizes)} cases: save to page shown in {shown} s "
            f"(median {statistics.median(latencies):.2f} s, max {max(latencies):.2f} s)"
        )
    return 0


def pdf_cost(workdir: Path, corpus: Path, count: int, *, repeat: int) -> str:
    """Cold builds of `count` cases without and with PDFs, in turns: what typesetting adds."""
    rounds = [cold_builds(workdir, corpus, count)[1:] for _ in range(repeat)]
    without, with_pdf = median([r[0] for r in rounds]), median([r[1] for r in rounds])
    return (
        f"{count:,} cases, cold: {without.seconds:.1f} s without PDFs, {with_pdf.seconds:.1f} s "
        f"with ({with_pdf.seconds / without.seconds - 1:+.1%}); peak {without.peak_mb:.0f} MB "
        f"(PSS {without.pss_mb:.0f} MB) without, {with_pdf.peak_mb:.0f} MB "
        f"(PSS {with_pdf.pss_mb:.0f} MB) with; median of {repeat}; "
        f"load average {os.getloadavg()[0]:.2f}."
    )


class Row(NamedTuple):
    cases: int
    bare: Build
    """cold, without PDFs"""
    cold: Build
    warm: Build
    plain: Build


def report(rows: list[Row], *, load: float) -> str:
    """A table row per size."""
    lines = [
        "| Cases | Cold, no PDFs | Cold | Warm build | Plain Markdown | Warm / plain "
        "| Cold / plain, no PDFs | Cold / plain | Casebook layer | Layer / plain | Warm per case "
        "| Peak, warm | Peak, cold, no PDFs (RSS / PSS) | Peak, cold (RSS / PSS) | Plain peak |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: | ---: | ---: |",
    ]
    for count, bare, cold, warm, plain in rows:
        layer = warm.layer_seconds or 0.0
        lines.append(
            f"| {count:,} | {bare.seconds:.1f} s | {cold.seconds:.1f} s | {warm.seconds:.1f} s "
            f"| {plain.seconds:.1f} s | {warm.seconds / plain.seconds:.2f} "
            f"| {bare.seconds / plain.seconds:.2f} | {cold.seconds / plain.seconds:.2f} "
            f"| {layer:.2f} s | {layer / plain.seconds:.1%} | {warm.seconds / count * 1000:.0f} ms "
            f"| {warm.peak_mb:.0f} MB | {bare.peak_mb:.0f} / {bare.pss_mb:.0f} MB "
            f"| {cold.peak_mb:.0f} / {cold.pss_mb:.0f} MB | {plain.peak_mb:.0f} MB |"
        )
    lines.append("")
    for before, after in itertools.pairwise(rows):
        lines.append(
            f"{before.cases:,} -> {after.cases:,} cases ({after.cases / before.cases:.0f}x): "
            f"warm build {after.warm.seconds / before.warm.seconds:.2f}x the time, plain "
            f"{after.plain.seconds / before.plain.seconds:.2f}x, cold without PDFs "
            f"{after.bare.seconds / before.bare.seconds:.2f}x"
        )
    lines.append(f"{os.cpu_count()} CPUs, load average {load:.2f} at the end.")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
