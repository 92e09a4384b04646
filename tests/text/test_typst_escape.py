from __future__ import annotations

import io

import pypdf
import pytest
import typst
from casebook.text import TypstMarkup, typst_label, typst_string, typst_text

# Each line is Typst syntax that would do something if it were read as markup or code.
HOSTILE = [
    '#set text(fill: red) #panic("boom")',
    "*strong* _emph_ `raw` $x^2$ <label> @ref ~ \\ \\# [bracket] ]",
    '" closes the string? #"',
    "// a comment  /* a block comment",
    "https://example.org/a_b*c",
    "= Not a heading",
    "- not a list\n+ not an enum\n/ Term: not a term list",
    "line\nbreak\ttab\rreturn",
    "control \x01 and \x7f characters",
    "-- --- ... -? 'quotes' ¡Ünïcödé! Ελληνικά кириллица",
    '#import "/etc/passwd"',
    '#read("/etc/hostname")',
]


def _shown(markup: str) -> str:
    """What a reader sees of `markup` in a PDF Typst made of it."""
    source = f'#set document(title: "t")\n#set page(width: 30cm, height: auto)\n{markup}'
    pdf = typst.Compiler(ignore_system_fonts=True).compile(input=source.encode(), format="pdf")
    assert isinstance(pdf, bytes)
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_shown_exactly_and_runs_nothing(text: str) -> None:
    markup = typst_text(text)
    assert isinstance(markup, TypstMarkup)
    shown = _shown(markup)
    # Line breaks are laid out as white space; control characters, as on a web page, not at all.
    visible = "".join(c for c in text if c.isprintable() and not c.isspace())
    assert "".join(shown.split()) == visible


def test_string_literal_escapes_quote_backslash_and_control_characters() -> None:
    assert typst_string('a "b" \\ c\nd\x01') == '"a \\"b\\" \\\\ c\\nd\\u{1}"'


def test_markup_made_by_casebook_passes_through_and_empty_text_is_nothing() -> None:
    made = TypstMarkup("#strong[x]")
    assert typst_text(made) is made
    assert typst_text("") == ""
    assert typst_text(3) == '#"3"'


@pytest.mark.parametrize(
    ("name", "label"),
    [("fig-1", "<fig-1>"), ("ref-smith.2020:a_b", "<ref-smith.2020:a_b>"), ("x> #y", None)],
)
def test_labels_are_made_only_of_label_characters(name: str, label: str | None) -> None:
    assert typst_label(name) == label
