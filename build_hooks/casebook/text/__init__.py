"""Rules for author text that need no case model: Markdown subset, escapes, tokens, identifiers."""

from __future__ import annotations

from casebook.text.deid import find_identifiers
from casebook.text.markdown_escape import escape_markdown_inline
from casebook.text.policy import check_author_markdown
from casebook.text.tokens import TOKEN_RE, find_tokens, is_figure_key, is_patient_key, pieces
from casebook.text.typst_escape import TypstMarkup, typst_label, typst_string, typst_text

__all__ = [
    "TOKEN_RE",
    "TypstMarkup",
    "check_author_markdown",
    "escape_markdown_inline",
    "find_identifiers",
    "find_tokens",
    "is_figure_key",
    "is_patient_key",
    "pieces",
    "typst_label",
    "typst_string",
    "typst_text",
]
