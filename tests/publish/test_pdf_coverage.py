"""The characters a PDF may be typeset later for are the ones its fonts print."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from casebook.publish.pdf_coverage import covered_characters, surely_printable
from casebook.publish.typst_compiler import compile_pdf
from casebook.text import typst_string


def test_every_covered_character_is_printed_under_the_standards(tmp_path: Path) -> None:
    # PDF/A and PDF/UA refuse a character without a glyph, so one compile checks them all.
    shown, between = [], []
    for char in covered_characters():
        category = unicodedata.category(char)
        if category.startswith("M"):
            shown.append("o" + char)  # a combining mark, on a letter
        elif category[0] in "CZ":
            between.append(char)  # spaces and format characters, between letters
        else:
            shown.append(char)
    source = (
        f"#set document(title: {typst_string('coverage')})\n"
        '#set text(font: "Libertinus Serif", lang: "en")\n'
        f"#{typst_string(' '.join(shown))}\n"
        f"#{typst_string('a'.join(between))}\n"
    )
    # compile_pdf drops the standards, and says so, only for text it cannot print.
    assert compile_pdf(source, root=tmp_path).unprintable == ""


@pytest.mark.parametrize(
    "text",
    [
        "Eosinophils 0.8 ×10⁹/L, IgE ≥ 99 kU/L; 37.8 °C → 36.5 °C",
        "Ångström, Ñuñez, Łódź, Œuvre, ẞ, ǅ",
        "α-synuclein, β₂-microglobulin, Ω",
        "Кирилл",
        "“quoted” – dash — long dash … ‰ † ‡ • € £",
        "tab\tnewline\ncontrol\x07",
    ],
)
def test_text_in_the_covered_blocks_is_sure(text: str) -> None:
    assert surely_printable(text)


@pytest.mark.parametrize("text", ["掌蹠膿疱症", "العربية", "emoji 🙂", "℞ prescription", "\ue000"])
def test_text_outside_them_is_not(text: str) -> None:
    assert not surely_printable("plain text", text)


def test_an_unsure_character_is_found_by_typst(tmp_path: Path) -> None:
    # The other side of the contract: outside the blocks, Typst may well find no glyph.
    source = (
        f"#set document(title: {typst_string('x')})\n"
        f'#set text(lang: "en")\n#{typst_string("掌蹠膿疱症")}\n'
    )
    assert compile_pdf(source, root=tmp_path).unprintable
