"""Genetic findings: the gene, the variant in HGVS form, its zygosity, inheritance and class."""

from __future__ import annotations

import re
import typing
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from casebook.models.base import FigureRef, Holds, Strict, Text
from casebook.models.choices import one_of
from casebook.models.hgvs import check_protein, check_variant

# HGNC symbols are upper-case letters and digits, with a hyphen in some (HLA-B, MT-ND1) and
# 'orf' in the open reading frames of unknown function (C1orf112).
_GENE_SYMBOL = re.compile(r"^[A-Z][A-Z0-9]*(?:orf\d+)?(?:-[A-Z0-9]+)*$")


def _gene_symbol(text: str) -> str:
    if not _GENE_SYMBOL.match(text):
        raise ValueError(
            f"'{text}' is not an HGNC gene symbol: write the approved symbol in capitals, "
            "e.g. COL7A1, BRCA1 or HLA-B"
        )
    return text


GeneSymbol = Annotated[
    str,
    AfterValidator(_gene_symbol),
    Holds.FORM_CHECKED,
    Field(examples=["COL7A1", "BRCA1", "HLA-B"]),
]
"""An HGNC-approved gene symbol, e.g. COL7A1."""
HgvsVariant = Annotated[
    str,
    AfterValidator(check_variant),
    Holds.FORM_CHECKED,
    Field(examples=["NM_000094.4:c.6527dup", "c.5882G>A", "g.123456C>T"]),
]
"""A DNA variant in HGVS notation, with or without its reference sequence."""
HgvsProtein = Annotated[
    str,
    AfterValidator(check_protein),
    Holds.FORM_CHECKED,
    Field(examples=["p.(Gly2177Trpfs*113)", "p.Arg41Gln"]),
]
"""A protein change in HGVS notation."""

AcmgClass = Literal[
    "pathogenic", "likely pathogenic", "uncertain significance", "likely benign", "benign"
]
_ACMG_ALIASES = {
    "vus": "uncertain significance",
    "variant of uncertain significance": ("uncertain significance"),
}
TestMethod = Literal[
    "exome sequencing",
    "genome sequencing",
    "gene panel",
    "Sanger sequencing",
    "targeted variant testing",
    "chromosomal microarray",
    "MLPA",
    "karyotype",
    "FISH",
    "not stated",
]
_METHOD_ALIASES = {
    "wes": "exome sequencing",
    "whole exome sequencing": "exome sequencing",
    "wgs": "genome sequencing",
    "whole genome sequencing": "genome sequencing",
    "ngs panel": "gene panel",
    "array cgh": "chromosomal microarray",
}


class GeneticFinding(Strict):
    """One variant found by genetic testing, classified as the ACMG/AMP guideline does."""

    gene: GeneSymbol
    """The HGNC-approved gene symbol, e.g. COL7A1."""
    variant: HgvsVariant
    """The DNA change in HGVS notation, best with its reference sequence, e.g.
    NM_000094.4:c.6527dup; checked for its form."""
    protein: HgvsProtein | None = None
    """The predicted protein change in HGVS notation, e.g. p.(Gly2177Trpfs*113)."""
    zygosity: Literal[
        "heterozygous",
        "homozygous",
        "compound heterozygous",
        "hemizygous",
        "mosaic",
        "not stated",
    ]
    """How many copies carry the variant."""
    inheritance: Literal[
        "autosomal dominant",
        "autosomal recessive",
        "X-linked dominant",
        "X-linked recessive",
        "mitochondrial",
        "not stated",
    ] = "not stated"
    """The mode of inheritance of the condition the variant causes."""
    origin: Literal["de novo", "maternal", "paternal", "inherited", "somatic", "not tested"] = (
        "not tested"
    )
    """Where the variant came from, when the parents were tested."""
    classification: Annotated[
        AcmgClass, one_of("ACMG class", typing.get_args(AcmgClass), _ACMG_ALIASES)
    ]
    """The ACMG/AMP class: pathogenic, likely pathogenic, uncertain significance (a VUS),
    likely benign or benign."""
    method: Annotated[
        TestMethod, one_of("test method", typing.get_args(TestMethod), _METHOD_ALIASES)
    ]
    """The test that found the variant, e.g. exome sequencing or gene panel."""
    condition: Text | None = None
    """The condition the variant explains, e.g. recessive dystrophic epidermolysis bullosa."""
    figures: list[FigureRef] = []
    """Figures that show this finding, e.g. a pedigree or a sequence trace."""
