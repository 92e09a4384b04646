from __future__ import annotations

from pathlib import Path

from casebook.article.article import compose_legend
from casebook.models import Biopsy

from ..support.cases import example_text, load_variant
from ..support.golden_cases import EXAMPLE_ID, SYNTHETIC, golden_article


def biopsy(magnification: int | None) -> Biopsy:
    return Biopsy.model_validate(
        {
            "id": "b",
            "site": "back",
            "stain": "H&E",
            "magnification": magnification,
            "findings": ["x"],
        }
    )


def test_legend_gets_stain_and_magnification_from_the_biopsy() -> None:
    assert compose_legend("Dermal infiltrate", biopsy(40)) == (
        "Dermal infiltrate. (Haematoxylin and eosin, original magnification ×40.)"
    )
    assert compose_legend("Dermal infiltrate.", biopsy(None)) == (
        "Dermal infiltrate. (Haematoxylin and eosin.)"
    )
    assert compose_legend("Clinical photo", None) == "Clinical photo"


def test_tags_and_main_treatment_come_from_the_data(tmp_path: Path) -> None:
    article, _ = load_variant(tmp_path, example_text())
    assert article is not None
    assert article.tags == [
        "Palmoplantar pustulosis",
        "Atopic dermatitis",
        "Baricitinib",
        "Dermatology",
    ]
    assert article.main_treatment == "baricitinib"
    assert article.url == "cases/ppp-ad-baricitinib/"


def test_captions_and_tables_know_what_they_must_say() -> None:
    example, synthetic = golden_article(EXAMPLE_ID), golden_article(SYNTHETIC)
    assert [f.has_placeholders for f in example.figures] == [True, False, True]
    assert [f.has_placeholders for f in synthetic.figures] == [True, False, False]
    assert example.clinical.any_illustrative
    assert not synthetic.clinical.any_illustrative
    assert (example.patient_phrase, synthetic.patient_phrase) == (
        "A 20-year-old man",
        "A 7-year-old girl",
    )
