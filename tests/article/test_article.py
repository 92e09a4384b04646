from __future__ import annotations

from pathlib import Path

from casebook.article.article import compose_legend
from casebook.models import Biopsy

from ..support.cases import example_text, load_variant


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
