"""HGVS syntax: the forms case reports print are accepted, and a wrong one says how to write it."""

from __future__ import annotations

import pytest
from casebook.models.hgvs import check_protein, check_variant

DNA_EXAMPLE = (
    "write a substitution c.5882G>A, a deletion c.5882del, a duplication c.5882dup, an "
    "insertion c.5881_5882insT or a deletion-insertion c.5882delinsTT"
)
PROTEIN_EXAMPLE = (
    "write p.Arg41Gln or p.(Arg41Gln) for a missense change, p.Arg41Ter for a nonsense "
    "change, p.Arg41fs or p.Arg41GlyfsTer7 for a frameshift, p.Lys2del for a deletion"
)


@pytest.mark.parametrize(
    "variant",
    [
        "NM_000094.4:c.6527dup",
        "NM_000350.3(ABCA4):c.5882G>A",
        "c.5882G>A",
        "c.67-789C>A",
        "c.124+21A>C",
        "c.-15C>T",
        "c.*12del",
        "c.4964_4982delCTGGCCTGACCCCAGAAGA",
        "c.883_886delinsCTT",
        "c.3624_3625insC",
        "c.123_456inv",
        "c.-128_-126GGC[79]",
        "c.(123A>G)",
        "g.123456C>T",
        "NC_000001.11:g.1234del",
        "m.3243A>G",
        "n.421G>A",
        "ENST00000370225.4:c.1A>G",
        "LRG_292t1:c.1A>G",
    ],
)
def test_dna_variants_in_the_forms_reports_use_are_accepted(variant: str) -> None:
    assert check_variant(variant) == variant


@pytest.mark.parametrize(
    ("variant", "message"),
    [
        (
            "5882G>A",
            "'5882G>A' is not an HGVS variant: start with the kind of sequence, c. (coding DNA), "
            "g. (genomic), n. (non-coding DNA) or m. (mitochondrial), e.g. c.5882G>A",
        ),
        ("c.5882G-A", f"'c.5882G-A' is not valid HGVS coding DNA notation: {DNA_EXAMPLE}"),
        ("c.123ins", f"'c.123ins' is not valid HGVS coding DNA notation: {DNA_EXAMPLE}"),
        ("c.123a>g", f"'c.123a>g' is not valid HGVS coding DNA notation: {DNA_EXAMPLE}"),
        ("p.Arg41Gln", "'p.Arg41Gln' is a protein change: write it under protein"),
        (
            "NM000094:c.1A>G",
            "'NM000094' is not a reference sequence: write it like NM_000350.3 before the colon, "
            "or leave it out",
        ),
    ],
)
def test_a_wrong_dna_variant_says_how_hgvs_writes_it(variant: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        check_variant(variant)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "protein",
    [
        "p.(Gly2177Trpfs*113)",
        "p.Arg41Gln",
        "p.(Arg41Gln)",
        "p.Arg41Ter",
        "p.Arg41*",
        "p.Arg97ProfsTer23",
        "p.Arg97fs",
        "p.Lys2_Met3del",
        "p.Ala3dup",
        "p.Lys2_Leu3insGlnSer",
        "p.Cys28delinsTrpVal",
        "p.Met1?",
        "p.Met1ext-5",
        "p.Ter110GlnextTer17",
        "p.*110Glnext*17",
        "p.Gly1961=",
        "p.0",
        "p.?",
        "p.(=)",
        "p.R41Q",
        "p.W24*",
        "NP_000341.2:p.Gly1961Glu",
    ],
)
def test_protein_changes_in_three_and_one_letter_code_are_accepted(protein: str) -> None:
    assert check_protein(protein) == protein


@pytest.mark.parametrize(
    ("protein", "message"),
    [
        ("p.Arg41", f"'p.Arg41' is not valid HGVS protein notation: {PROTEIN_EXAMPLE}"),
        ("p.Foo41Bar", f"'p.Foo41Bar' is not valid HGVS protein notation: {PROTEIN_EXAMPLE}"),
        (
            "Arg41Gln",
            "'Arg41Gln' is not an HGVS protein change: start it with p., e.g. p.(Gly1961Glu)",
        ),
    ],
)
def test_a_wrong_protein_change_says_how_hgvs_writes_it(protein: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        check_protein(protein)
    assert str(caught.value) == message
