"""Author text (Markdown with [@key] and @fig-id tokens) as JATS inline markup and paragraphs."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from casebook.models import Numbering
from casebook.render import reference_anchor
from casebook.text import pieces

# The Markdown the site's pages render, applied to text that is already XML-escaped, so the
# markup added here is the only markup.
_INLINE_RULES = (
    (re.compile(r"`([^`\n]+)`"), r"<monospace>\1</monospace>"),
    (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), r"<bold>\1</bold>"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"<italic>\1</italic>"),
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"<italic>\1</italic>"),
    (
        re.compile(r"\[([^\]\n]+)\]\((https?://[^)\s]+)\)"),
        r'<ext-link ext-link-type="uri" xlink:href="\2">\1</ext-link>',
    ),
)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def inline(text: str, numbering: Numbering) -> Markup:
    """One paragraph's text: emphasis, links, citations and figure references as JATS."""
    out: list[str] = []
    for piece in pieces(text):
        out.append(_plain(piece.text))
        if piece.refs:
            out.append(_citation(list(piece.refs), numbering))
        if piece.figures:
            xref = _figure_xrefs(list(piece.figures), numbering)
            out.append(f"({xref})" if piece.bracketed else xref)
        if piece.patients:
            xref = _patient_xrefs(list(piece.patients), numbering)
            out.append(f"({xref})" if piece.bracketed else xref)
    return Markup("".join(out))


def paragraphs(text: str, numbering: Numbering) -> Markup:
    """Blank-line separated Markdown paragraphs as <p> elements."""
    blocks = [b.strip() for b in _PARAGRAPH_BREAK.split(text) if b.strip()]
    return Markup("\n").join(
        Markup("<p>{}</p>").format(inline(" ".join(b.split()), numbering)) for b in blocks
    )


def _plain(text: str) -> str:
    converted = str(escape(text))
    for pattern, replacement in _INLINE_RULES:
        converted = pattern.sub(replacement, converted)
    return converted


def _citation(keys: list[str], numbering: Numbering) -> str:
    numbered = sorted({numbering.reference_number(k): k for k in keys}.items())
    links = (
        f'<xref ref-type="bibr" rid="{escape(reference_anchor(key))}">{number}</xref>'
        for number, key in numbered
    )
    return f"<sup>{','.join(links)}</sup>"


def _figure_xrefs(keys: list[str], numbering: Numbering) -> str:
    if len(keys) == 1:
        return _figure_xref(keys[0], f"Figure {numbering.label(keys[0])}")
    return "Figures " + ", ".join(_figure_xref(key, numbering.label(key)) for key in keys)


def _figure_xref(key: str, text: str) -> str:
    return f'<xref ref-type="fig" rid="{escape(key)}">{escape(text)}</xref>'


def _patient_xrefs(keys: list[str], numbering: Numbering) -> str:
    """A patient of a series is a section of the body: <xref ref-type="sec">."""
    links = [
        (
            key,
            numbering.patient_label(key) if len(keys) == 1 else str(numbering.patient_numbers[key]),
        )
        for key in keys
    ]
    joined = ", ".join(
        f'<xref ref-type="sec" rid="{escape(key)}">{escape(text)}</xref>' for key, text in links
    )
    return joined if len(keys) == 1 else f"Patients {joined}"
