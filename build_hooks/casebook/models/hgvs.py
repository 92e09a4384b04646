"""The syntax of HGVS variant descriptions (c., g., n., m. and p.), checked offline: the form
of the description, not whether the variant exists on its reference sequence, which needs the
sequence itself."""

from __future__ import annotations

import re

# A reference sequence as RefSeq, Ensembl and LRG write them (NM_000350.3, ENST00000370225.4,
# LRG_292t1), optionally followed by the gene in brackets, as ClinVar prints them.
_ACCESSION = re.compile(
    r"^(?:[A-Z]{2}_\d+(?:\.\d+)?|ENS[A-Z]*\d+(?:\.\d+)?|LRG_\d+(?:[tp]\d+)?)"
    r"(?:\([A-Za-z0-9-]+\))?$"
)
_BASE = "[ACGTN]"
# c. and n. count from the start codon or the transcript start: '-' before it, '*' after the
# stop codon, '+' and '-' offsets into an intron; g. and m. count along the sequence.
_TRANSCRIPT_POSITION = r"[-*]?\d+(?:[+-]\d+)?"
_SEQUENCE_POSITION = r"\d+"

_DNA_NAMES = {
    "c": "coding DNA",
    "g": "genomic",
    "n": "non-coding DNA",
    "m": "mitochondrial",
}
_DNA_EXAMPLE = (
    "a substitution {t}.5882G>A, a deletion {t}.5882del, a duplication {t}.5882dup, an "
    "insertion {t}.5881_5882insT or a deletion-insertion {t}.5882delinsTT"
)


def _dna_change(position: str) -> re.Pattern[str]:
    one = position
    span = f"{position}_{position}"
    either = f"(?:{span}|{one})"
    forms = (
        f"{one}{_BASE}>{_BASE}",  # substitution
        f"{either}delins{_BASE}+",
        f"{either}del{_BASE}*",  # the deleted bases may be given, though HGVS no longer asks
        f"{span}ins{_BASE}+",
        f"{either}dup{_BASE}*",
        f"{span}inv",
        f"{either}{_BASE}+\\[\\d+\\]",  # a repeat: CAG[23]
        f"{either}=",  # no change
    )
    return re.compile(rf"^\(?(?:{'|'.join(forms)})\)?$")


_DNA_CHANGES = {
    "c": _dna_change(_TRANSCRIPT_POSITION),
    "n": _dna_change(_TRANSCRIPT_POSITION),
    "g": _dna_change(_SEQUENCE_POSITION),
    "m": _dna_change(_SEQUENCE_POSITION),
}

_AA3 = "Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val|Sec|Pyl|Xaa"


def _protein_change(residue: str, stop: str) -> str:
    any_residue = f"(?:{residue}|{stop})"
    one = rf"{any_residue}\d+"
    either = f"{one}(?:_{one})?"
    forms = (
        rf"{one}(?:{any_residue}|=|\?)",  # missense, nonsense, synonymous, unknown
        f"{either}delins{any_residue}+",
        f"{either}del",
        f"{one}_{one}ins{any_residue}+",
        f"{either}dup",
        rf"{one}(?:{residue})?fs(?:{stop}(?:\d+|\?))?",  # frameshift: Arg97ProfsTer23
        rf"{one}(?:{any_residue})?ext(?:{stop}?\d+|{stop}\?|-\d+)?",  # extension: Met1ext-5
    )
    return "|".join(forms)


_THREE_LETTER = _protein_change(f"(?:{_AA3})", r"(?:Ter|\*)")
_ONE_LETTER = _protein_change("[ACDEFGHIKLMNPQRSTVWYUOX]", r"\*")
# Whole-protein changes (p.0 no protein, p.? unknown, p.= unchanged), or one change in three-
# or one-letter amino acids, in brackets when it is predicted rather than shown.
_PROTEIN_CHANGE = re.compile(
    rf"^(?:0\??|\?|=|\(=\)|\(?(?:{_THREE_LETTER})\)?|\(?(?:{_ONE_LETTER})\)?)$"
)
_PROTEIN_EXAMPLE = (
    "p.Arg41Gln or p.(Arg41Gln) for a missense change, p.Arg41Ter for a nonsense change, "
    "p.Arg41fs or p.Arg41GlyfsTer7 for a frameshift, p.Lys2del for a deletion"
)


def _parts(text: str, *, example: str) -> tuple[str, str, str, str]:
    """(description, kind, dot, change) of 'accession:kind.change', the accession checked."""
    accession, _, description = text.rpartition(":")
    if accession and not _ACCESSION.match(accession):
        raise ValueError(
            f"'{accession}' is not a reference sequence: write it like {example} before "
            "the colon, or leave it out"
        )
    kind, dot, change = description.partition(".")
    return description, kind, dot, change


def check_variant(text: str) -> str:
    """A DNA variant in HGVS form, e.g. NM_000350.3:c.5882G>A or c.5882G>A; ValueError
    says what is wrong with any other text, and how HGVS writes it."""
    description, kind, dot, change = _parts(text, example="NM_000350.3")
    if kind == "p" and dot:
        raise ValueError(f"'{text}' is a protein change: write it under protein")
    if not dot or kind not in _DNA_CHANGES:
        raise ValueError(
            f"'{text}' is not an HGVS variant: start with the kind of sequence, c. (coding "
            "DNA), g. (genomic), n. (non-coding DNA) or m. (mitochondrial), e.g. c.5882G>A"
        )
    if not _DNA_CHANGES[kind].match(change):
        raise ValueError(
            f"'{description}' is not valid HGVS {_DNA_NAMES[kind]} notation: write "
            + _DNA_EXAMPLE.format(t=kind)
        )
    return text


def check_protein(text: str) -> str:
    """A protein change in HGVS form, e.g. p.(Gly1961Glu) or NP_000341.2:p.Gly1961Glu."""
    description, kind, dot, change = _parts(text, example="NP_000341.2")
    if kind != "p" or not dot:
        raise ValueError(
            f"'{text}' is not an HGVS protein change: start it with p., e.g. p.(Gly1961Glu)"
        )
    if not _PROTEIN_CHANGE.match(change):
        raise ValueError(
            f"'{description}' is not valid HGVS protein notation: write {_PROTEIN_EXAMPLE}"
        )
    return text
