from __future__ import annotations

import pytest
from casebook.render import bibliography, citeproc_lookups
from citeproc import model

EXPRESSIONS = (
    "cs:macro[@name='author'][1]",
    "./cs:locale[not(@xml:lang)]",
    ".//cs:text[@macro]",
    "./ancestor-or-self::cs:layout[1]",
)


def test_in_use_for_the_pinned_citeproc() -> None:
    bibliography._style()
    assert citeproc_lookups.install()
    assert model.CitationStylesElement.xpath_search is citeproc_lookups._xpath_search
    assert model.Locale.get_term is citeproc_lookups._get_term


def test_a_compiled_lookup_finds_what_lxml_finds() -> None:
    root = bibliography._style().root
    layout = root.bibliography.layout
    for element in (root, layout, layout[0]):
        for expression in EXPRESSIONS:
            found = element.xpath_search(expression)
            assert found == element.xpath(expression, namespaces=citeproc_lookups._NAMESPACES)


def test_each_macro_is_its_own_once_found() -> None:
    root = bibliography._style().root
    text = next(iter(root.iter("{http://purl.org/net/xbiblio/csl}text")))
    author, title = text.get_macro("author"), text.get_macro("title")
    assert (author.get("name"), title.get("name")) == ("author", "title")
    assert text.get_macro("author") is author
    macros = root.findall("{http://purl.org/net/xbiblio/csl}macro")
    assert title is next(m for m in macros if m.get("name") == "title")


def test_a_term_is_the_locales_own_and_a_missing_one_falls_to_the_next_locale() -> None:
    style_locale, system_locale = bibliography._style().root.locales
    for _ in range(2):  # found, then remembered
        own = style_locale.get_term("available at")
        assert own.text == "available from" and own.getparent().getparent() is style_locale
        with pytest.raises(IndexError):
            style_locale.get_term("cited")
        cited = system_locale.get_term("cited")
        assert cited.get("name") == "cited" and cited.get("form") is None
        assert system_locale.get_term("month-01", "short").text == "Jan."
        assert system_locale.get_term("month-01").text == "January"
    text = next(iter(bibliography._style().root.iter("{http://purl.org/net/xbiblio/csl}text")))
    # The style's own locale first, then en-US: the lookup citeproc-py makes of every term.
    assert text.get_term("cited") is cited
