"""How well the de-identification check does on its test corpus: caught, missed, false positives.

    .venv/bin/python scripts/deid_figures.py          # figures per corpus file
    .venv/bin/python scripts/deid_figures.py -v       # and every miss and false positive

The corpus is tests/text/deid_corpus/: identifiers*.tsv hold one identifier a line (text, kind,
the span that must be found), lookalikes*.txt hold clinical text that must give no finding
(eponyms, drugs, doses, citations). An identifier counts as caught when a finding covers its
span, whatever kind it is given; a look-alike with any finding is a false positive. Run with
PYTHONPATH pointing at another checkout's build_hooks/ to measure that version's check.
"""

from __future__ import annotations

import argparse
import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from casebook.text.deid import find_identifiers

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "text" / "deid_corpus"
# The corpus's birth years are written for this year; older versions of the check ignore it.
AS_OF = 2026


@dataclass
class Figures:
    name: str
    entries: int = 0
    caught: int = 0
    exact: int = 0
    false_positives: int = 0
    notes: list[str] = field(default_factory=list)


def corpus_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def identifiers(path: Path) -> list[tuple[str, str, str]]:
    rows = [tuple(line.split("\t")) for line in corpus_lines(path)]
    for row in rows:
        if len(row) != 3 or row[2] not in row[0]:
            raise SystemExit(f"{path.name}: not 'text<TAB>kind<TAB>span of the text': {row}")
    return rows  # type: ignore[return-value]


def _finder() -> Callable[[str], list[tuple[int, int, str]]]:
    takes_year = "as_of" in inspect.signature(find_identifiers).parameters

    def find(text: str) -> list[tuple[int, int, str]]:
        found = find_identifiers(text, as_of=AS_OF) if takes_year else find_identifiers(text)
        return [(f.start, f.end, f.kind) for f in found]

    return find


def measure_identifiers(path: Path, find: Callable[[str], list[tuple[int, int, str]]]) -> Figures:
    figures = Figures(path.name)
    for text, kind, span in identifiers(path):
        figures.entries += 1
        start = text.index(span)
        end = start + len(span)
        found = find(text)
        if any(s <= start and end <= e for s, e, _ in found):
            figures.caught += 1
            figures.exact += (start, end, kind) in found
        else:
            figures.notes.append(f"missed: {text!r} ({kind} {span!r})")
        extra = [text[s:e] for s, e, _ in found if e <= start or s >= end]
        if extra:
            figures.false_positives += 1
            figures.notes.append(f"also found: {text!r}: {extra}")
    return figures


def measure_lookalikes(path: Path, find: Callable[[str], list[tuple[int, int, str]]]) -> Figures:
    figures = Figures(path.name)
    texts = [path.read_text(encoding="utf-8")] if path.suffix == ".md" else corpus_lines(path)
    for text in texts:
        figures.entries += 1
        found = find(text)
        if found:
            figures.false_positives += 1
            shown = [f"{kind} {text[s:e]!r}" for s, e, kind in found]
            figures.notes.append(f"false positive: {text[:60]!r}: {shown}")
    return figures


def measure(corpus: Path = CORPUS) -> list[Figures]:
    find = _finder()
    out = [measure_identifiers(p, find) for p in sorted(corpus.glob("identifiers*.tsv"))]
    out += [measure_lookalikes(p, find) for p in sorted(corpus.glob("lookalikes*.txt"))]
    out += [measure_lookalikes(p, find) for p in sorted(corpus.glob("*.md"))]
    return out


def table(figures: list[Figures]) -> str:
    rows = [
        "| corpus file | entries | caught | missed | false positives |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for f in figures:
        identifying = f.name.startswith("identifiers")
        caught = f"{f.caught} ({f.exact} as that kind)" if identifying else "-"
        missed = str(f.entries - f.caught) if identifying else "-"
        rows.append(f"| {f.name} | {f.entries} | {caught} | {missed} | {f.false_positives} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and errors")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="corpus folder")
    arguments = parser.parse_args(argv)
    figures = measure(arguments.corpus)
    print(table(figures))
    if arguments.verbose:
        for f in figures:
            for note in f.notes:
                print(f"{f.name}: {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
