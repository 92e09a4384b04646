"""Figure, panel and reference numbers in order of first mention, computed from the model."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from casebook.models.case import CaseFile
from casebook.models.walk import iter_strings
from casebook.text import find_tokens, is_figure_key

# Sections whose text is not part of the article body's reading order.
_NOT_BODY = {
    "publication",
    "authors",
    "affiliations",
    "figures",
    "references",
    "consent",
    "care_notes",
}


@dataclass(frozen=True)
class Mention:
    """One mention of a key, with the field path where it stands (for error positions)."""

    key: str
    path: tuple[str | int, ...]
    offset: int | None  # position inside a text field; None for a list of figure ids


@dataclass
class Numbering:
    figure_numbers: dict[str, int] = field(default_factory=dict)
    """figure id -> 1, 2, 3 in order of first mention."""
    panel_labels: dict[str, str] = field(default_factory=dict)
    """panel id -> '1a', and figure id -> '1' for figures with one panel."""
    reference_order: list[str] = field(default_factory=list)
    """reference ids in order of first citation; their numbers are index + 1."""
    mentions: list[Mention] = field(default_factory=list)
    patient_numbers: dict[str, int] = field(default_factory=dict)
    """patient id -> 1, 2, 3 in the order a case series lists its patients."""

    def patient_label(self, key: str) -> str:
        """'Patient 2', as the text refers to the second patient of a series."""
        return f"Patient {self.patient_numbers[key]}"

    def reference_number(self, key: str) -> int:
        return self.reference_order.index(key) + 1

    def label(self, key: str) -> str:
        """'1' for a figure, '1a' for a panel."""
        if key in self.figure_numbers:
            return str(self.figure_numbers[key])
        return self.panel_labels[key]


def panel_letter(index: int) -> str:
    return "abcdefghijklmnopqrstuvwxyz"[index]


def iter_mentions(case: CaseFile) -> Iterator[Mention]:
    """Every citation and figure mention in body order: the order of the model's fields."""
    for name in type(case).model_fields:
        if name in _NOT_BODY:
            continue
        for path, text in iter_strings(getattr(case, name), (name,)):
            if len(path) >= 2 and path[-2] == "figures" and isinstance(path[-1], int):
                yield Mention(text, path, None)  # a structured list of figure ids
            else:
                for token in find_tokens(text):
                    for key in token.keys:
                        yield Mention(key, path, token.start)


def number_case(case: CaseFile) -> Numbering:
    """Numbers for every figure and reference that is mentioned; unknown keys are skipped
    here and reported by validation."""
    numbering = Numbering(patient_numbers={p.id: i + 1 for i, p in enumerate(case.patients)})
    owner = {p.id: f.id for f in case.figures for p in f.panels if p.id}
    known_refs = {r.id for r in case.references}
    for mention in iter_mentions(case):
        numbering.mentions.append(mention)
        key = mention.key
        if is_figure_key(key):
            figure_id = owner.get(key, key)
            if figure_id not in numbering.figure_numbers and any(
                f.id == figure_id for f in case.figures
            ):
                numbering.figure_numbers[figure_id] = len(numbering.figure_numbers) + 1
        elif key in known_refs and key not in numbering.reference_order:
            numbering.reference_order.append(key)
    for figure in case.figures:
        number = numbering.figure_numbers.get(figure.id)
        if number is None:
            continue
        for index, panel in enumerate(figure.panels):
            if panel.id:
                numbering.panel_labels[panel.id] = f"{number}{panel_letter(index)}"
    return numbering
