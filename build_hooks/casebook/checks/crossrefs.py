"""Cross-reference checks: ids unique, every cited key defined, every figure and source cited."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from casebook.findings import Finding
from casebook.models import CaseFile, Numbering
from casebook.positions import Path_
from casebook.text import is_figure_key, is_patient_key


def check_crossrefs(case: CaseFile, numbering: Numbering) -> list[Finding]:
    out: list[Finding] = []
    figure_ids = {f.id for f in case.figures}
    panel_ids = {p.id for f in case.figures for p in f.panels if p.id}
    reference_ids = {r.id for r in case.references}
    seen: dict[str, set[str]] = {}
    for path, kind, key in _all_ids(case):
        if key in seen.setdefault(kind, set()):
            out.append(Finding(path, f"duplicate {kind} id '{key}'", "give each one its own id"))
        seen[kind].add(key)
    for index, author in enumerate(case.authors):
        known = {a.id for a in case.affiliations}
        for j, affiliation in enumerate(author.affiliations):
            if affiliation not in known:
                out.append(
                    Finding(
                        ("authors", index, "affiliations", j),
                        f"affiliation '{affiliation}' is not defined",
                        _suggest(affiliation, known, "add it under affiliations"),
                    )
                )
    cited: set[str] = set()
    # Ids a mistyped citation was taken to mean: saying they are never cited as well would
    # invite deleting the very figure or reference the author meant.
    meant: set[str] = set()
    for mention in numbering.mentions:
        cited.add(mention.key)
        if is_patient_key(mention.key):
            out.extend(_patient_mention(mention.key, mention.path, numbering))
        elif is_figure_key(mention.key):
            if mention.key not in figure_ids | panel_ids:
                meant.update(_close(mention.key, figure_ids | panel_ids))
                out.append(
                    Finding(
                        mention.path,
                        f"figure '{mention.key}' is cited but not defined",
                        _suggest(mention.key, figure_ids | panel_ids, "add it under figures"),
                    )
                )
        elif mention.key not in reference_ids:
            meant.update(_close(mention.key, reference_ids))
            out.append(
                Finding(
                    mention.path,
                    f"reference '{mention.key}' is cited but not defined",
                    _suggest(mention.key, reference_ids, "add it under references"),
                )
            )
    for index, figure in enumerate(case.figures):
        if figure.id not in numbering.figure_numbers and figure.id not in meant:
            out.append(
                Finding(
                    ("figures", index, "id"),
                    f"figure '{figure.id}' is never cited",
                    f"cite it in the text as @{figure.id}, or remove it",
                )
            )
    for index, reference in enumerate(case.references):
        if reference.id not in cited and reference.id not in meant:
            out.append(
                Finding(
                    ("references", index, "id"),
                    f"reference '{reference.id}' is never cited",
                    f"cite it in the text as [@{reference.id}], or remove it",
                )
            )
    return out


def _all_ids(case: CaseFile) -> Iterator[tuple[Path_, str, str]]:
    for i, figure in enumerate(case.figures):
        yield ("figures", i, "id"), "figure", figure.id
        for j, panel in enumerate(figure.panels):
            if panel.id:
                yield ("figures", i, "panels", j, "id"), "figure", panel.id
    for i, reference in enumerate(case.references):
        yield ("references", i, "id"), "reference", reference.id
    for at in case.records():
        for i, biopsy in enumerate(at.record.histology):
            yield at.under("histology", i, "id"), "biopsy", biopsy.id
    for i, patient in enumerate(case.patients):
        yield ("patients", i, "id"), "patient", patient.id
    for i, affiliation in enumerate(case.affiliations):
        yield ("affiliations", i, "id"), "affiliation", affiliation.id


def _patient_mention(key: str, path: Path_, numbering: Numbering) -> list[Finding]:
    known = set(numbering.patient_numbers)
    if key in known:
        return []
    if not known:
        return [
            Finding(
                path,
                f"'@{key}' refers to a patient of a case series, and this case has one patient",
                "write 'the patient', or list the patients under patients",
            )
        ]
    return [
        Finding(
            path,
            f"patient '{key}' is mentioned but not defined",
            _suggest(key, known, "give that id to one of the patients"),
        )
    ]


def _close(key: str, known: set[str]) -> list[str]:
    """The one known id that `key` is most likely a typo of, if any."""
    return difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)


def _suggest(key: str, known: set[str], fallback: str) -> str:
    close = _close(key, known)
    return f"did you mean '{close[0]}'?" if close else fallback
