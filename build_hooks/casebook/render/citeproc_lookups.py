"""Make citeproc-py's lookups in the style cheap: each XPath is compiled once, not per call.

citeproc-py finds a macro, a term or an element's layout by evaluating an XPath expression on
the style, and lxml compiles the expression on every call: a fifth of formatting a reference.
The same 40-odd expressions recur for every reference, so each is compiled once here; a macro,
found by its name among the style's top-level elements, is found once per style, and a term,
found by scanning the hundreds of a locale, once per locale. The results are the same
elements: only the compiling and the searching are saved.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import citeproc
from citeproc import model
from lxml import etree

# The release these methods were read from. Another may look things up differently, and then it
# runs as it is, only slower.
_FOR_VERSION = "0.11.1"
_NAMESPACES = dict(model.CitationStylesElement.nsmap)
# The memos' attributes on the style's root element and on each locale element, where
# citeproc-py keeps its own state (`locales`, `formatter`): they live and go with the parsed
# style, which holds its locales.
_MACROS = "casebook_macros"
_TERMS = "casebook_terms"
# A term a locale does not have: citeproc-py then asks the next locale.
_NO_TERM = object()


def install() -> bool:
    """Use the compiled lookups from now on; whether they are in use (they are not for a
    citeproc-py release other than the one they were written for)."""
    if citeproc.__version__ != _FOR_VERSION:
        return False
    model.CitationStylesElement.xpath_search = _xpath_search
    model.CitationStylesElement.get_macro = _get_macro
    model.Locale.get_term = _get_term
    return True


# Expressions name the style's macros and terms and the locales, so they are a few dozen for a
# style; the bound only keeps a style with unusual names from holding more.
@lru_cache(maxsize=256)
def _compiled(expression: str) -> etree.XPath:
    return etree.XPath(expression, namespaces=_NAMESPACES)


def _xpath_search(self: Any, expression: str) -> Any:
    return _compiled(expression)(self)


def _get_macro(self: Any, name: str) -> Any:
    """citeproc-py 0.11.1's get_macro, remembered. Written out, not wrapped: the core is imported
    afresh when its code changes under `mkdocs serve`, and a wrapper would wrap the last one."""
    root = self.get_root()
    # A missing attribute reads as a missing child element here (citeproc-py's __getattr__).
    macros: dict[str, Any] | None = root.__dict__.get(_MACROS)
    if macros is None:
        macros = {}
        setattr(root, _MACROS, macros)
    found = macros.get(name)
    if found is None:
        found = macros[name] = root.xpath_search(f"cs:macro[@name='{name}'][1]")[0]
    return found


def _get_term(self: Any, name: str, form: str | None = None, zero_padded: bool = False) -> Any:
    """citeproc-py 0.11.1's Locale.get_term, remembered; written out for the same reason."""
    # A missing attribute reads as a missing child element here (citeproc-py's __getattr__).
    terms: dict[tuple[str, str | None, bool], Any] | None = self.__dict__.get(_TERMS)
    if terms is None:
        terms = {}
        setattr(self, _TERMS, terms)
    key = (name, form, zero_padded)
    found = terms.get(key)
    if found is None:
        found = terms[key] = _find_term(self, name, form=form, zero_padded=zero_padded)
    if found is _NO_TERM:
        raise IndexError(name)
    return found


def _find_term(locale: Any, name: str, *, form: str | None, zero_padded: bool) -> Any:
    attributes = f"@name='{name}'"
    attributes += f" and @form='{form}'" if form is not None else " and not(@form)"
    if zero_padded:
        attributes += "and not(@match='whole-number')and not(@match='last-two-digits')"
    holder = locale.find("cs:terms", _NAMESPACES)
    found = holder.xpath_search(f"./cs:term[{attributes}]") if holder is not None else []
    return found[0] if found else _NO_TERM
