"""Immunohistochemistry, immunofluorescence, cultures and assays: what each needs is checked."""

from __future__ import annotations

from pathlib import Path

from ..support.cases import example_text, line_of, load_variant, replace_once, variant_messages
from .test_studies import F, with_block


def test_a_biopsy_carries_markers_stains_and_immunofluorescence(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        "    figures: [fig-histology-sole]\n",
        "    figures: [fig-histology-sole]\n"
        "    immunohistochemistry:\n      - {marker: CD3, result: positive}\n"
        "    special_stains:\n      - {marker: PAS, result: negative, detail: no fungi}\n"
        "    immunofluorescence:\n      - {reactant: C3, result: negative}\n",
    )
    article, problems = load_variant(tmp_path, text)
    assert problems == [] and article is not None
    biopsy = article.case.histology[-1]
    assert [m.marker for m in biopsy.immunohistochemistry + biopsy.special_stains] == ["CD3", "PAS"]
    assert biopsy.immunofluorescence[0].reactant == "C3"


def test_a_culture_that_grew_needs_the_organism(tmp_path: Path) -> None:
    text = with_block("cultures:\n  - specimen: Pustule swab\n    growth: grown\n")
    line = line_of(text, "  - specimen: Pustule swab")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:5: cultures[0]: a culture that grew an organism needs organism: e.g. "
        "Candida albicans"
    ]


def test_a_sterile_culture_has_no_organism(tmp_path: Path) -> None:
    text = with_block(
        "cultures:\n  - specimen: Blood\n    growth: no growth\n    organism: E. coli\n"
    )
    line = line_of(text, "  - specimen: Blood")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:5: cultures[0]: a culture with no growth has no organism or "
        "susceptibility: set growth: grown, or remove them"
    ]


def test_an_assay_result_outside_its_values_is_refused(tmp_path: Path) -> None:
    text = with_block(
        "pcr_serology:\n  - method: PCR\n    target: HSV-1 DNA\n    result: weakly positive\n"
    )
    line = line_of(text, "result: weakly positive")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:13: pcr_serology[0].result: unknown value 'weakly positive' (did you mean "
        "'positive'?)"
    ]
