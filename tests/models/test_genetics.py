"""Genetic findings: gene symbols, HGVS variants and ACMG classes, each error at its value."""

from __future__ import annotations

from pathlib import Path

from ..support.cases import line_of, load_variant, variant_messages
from .test_studies import F, with_block

FINDING = """\
genetics:
  - gene: {gene}
    variant: {variant}
    zygosity: heterozygous
    classification: {acmg}
    method: gene panel
"""


def genetics(*, gene: str = "COL7A1", variant: str = "c.5882G>A", acmg: str = "pathogenic") -> str:
    return with_block(FINDING.format(gene=gene, variant=variant, acmg=acmg))


def test_a_finding_loads_with_its_defaults(tmp_path: Path) -> None:
    article, problems = load_variant(tmp_path, genetics())
    assert problems == [] and article is not None
    [finding] = article.case.genetics
    assert (finding.inheritance, finding.origin, finding.protein) == (
        "not stated",
        "not tested",
        None,
    )


def test_a_gene_symbol_in_lower_case_is_refused(tmp_path: Path) -> None:
    text = genetics(gene="col7a1")
    line = line_of(text, "gene: col7a1")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:11: genetics[0].gene: 'col7a1' is not an HGNC gene symbol: write the "
        "approved symbol in capitals, e.g. COL7A1, BRCA1 or HLA-B"
    ]


def test_a_variant_that_is_not_hgvs_says_how_to_write_it(tmp_path: Path) -> None:
    text = genetics(variant="c.5882G-A")
    line = line_of(text, "variant: c.5882G-A")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:14: genetics[0].variant: 'c.5882G-A' is not valid HGVS coding DNA "
        "notation: write a substitution c.5882G>A, a deletion c.5882del, a duplication "
        "c.5882dup, an insertion c.5881_5882insT or a deletion-insertion c.5882delinsTT"
    ]


def test_vus_is_read_as_the_acmg_wording_it_stands_for(tmp_path: Path) -> None:
    text = genetics(acmg="VUS")
    line = line_of(text, "classification: VUS")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:21: genetics[0].classification: unknown ACMG class 'VUS': did you mean "
        "'uncertain significance'? use one of pathogenic, likely pathogenic, uncertain "
        "significance, likely benign, benign"
    ]
