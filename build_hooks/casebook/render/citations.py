"""Replace citation and cross-reference tokens in author text with numbered links."""

from __future__ import annotations

from markupsafe import escape

from casebook.models import Numbering
from casebook.text import pieces


def reference_anchor(key: str) -> str:
    return f"ref-{key}"


def resolve_tokens(text: str, numbering: Numbering) -> str:
    """Markdown with [@key] turned into superscript numbers and @fig-id into 'Figure 1a' links."""
    out: list[str] = []
    for piece in pieces(text):
        out.append(piece.text)
        if piece.refs:
            out.append(citation_html(list(piece.refs), numbering))
        if piece.figures:
            xref = crossref_html(list(piece.figures), numbering)
            out.append(f"({xref})" if piece.bracketed else xref)
        if piece.patients:
            xref = patient_xref_html(list(piece.patients), numbering)
            out.append(f"({xref})" if piece.bracketed else xref)
    return "".join(out)


def citation_html(keys: list[str], numbering: Numbering) -> str:
    numbered = sorted({numbering.reference_number(k): k for k in keys}.items())
    pieces = []
    for run in _runs([n for n, _ in numbered]):
        first, last = run[0], run[-1]
        by_number = dict(numbered)
        if len(run) >= 3:
            pieces.append(
                f"{_cite_link(first, by_number[first])}&ndash;{_cite_link(last, by_number[last])}"
            )
        else:
            pieces.extend(_cite_link(n, by_number[n]) for n in run)
    return f'<sup class="cb-cite">{",".join(pieces)}</sup>'


def _cite_link(number: int, key: str) -> str:
    return f'<a href="#{escape(reference_anchor(key))}">{number}</a>'


def _runs(numbers: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for n in numbers:
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs


def crossref_html(keys: list[str], numbering: Numbering) -> str:
    if len(keys) == 1:
        return _xref_link(keys[0], f"Figure {numbering.label(keys[0])}")
    return "Figures " + ", ".join(_xref_link(key, numbering.label(key)) for key in keys)


def patient_xref_html(keys: list[str], numbering: Numbering) -> str:
    """'Patient 2', or 'Patients 1, 3', linked to each patient's section of a series."""
    if len(keys) == 1:
        return _xref_link(keys[0], numbering.patient_label(keys[0]))
    return "Patients " + ", ".join(
        _xref_link(key, str(numbering.patient_numbers[key])) for key in keys
    )


def _xref_link(key: str, text: str) -> str:
    return f'<a class="cb-xref" href="#{escape(key)}">{escape(text)}</a>'
