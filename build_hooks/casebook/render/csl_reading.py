"""CSL-JSON as citeproc-js reads it, for citeproc-py to format.

citeproc-js formats the references of Zotero, Mendeley and most reference managers, so a reader
who imports our CSL-JSON sees its output. citeproc-py, which formats them here, reads some
text differently; each item is adjusted before formatting, never in the CSL-JSON we publish,
so that both processors give the same text (tests/scholarly/test_citation_texts.py
compares them):

- citeproc-js prints straight quotes as typographic ones: "x" as “x”, 'x' as ‘x’ and an
  apostrophe as ’; citeproc-py prints them as they are.
- citeproc-js collapses a page range ('101-110' to '101–10') only when both ends are page
  numbers; '913-921.e9' stays as written. citeproc-py collapses it to '913–21.e9', and drops
  the end of '100-10'.
- citeproc-js spaces an ampersand in an issue or volume ('3&4' as '3 & 4').
"""

from __future__ import annotations

import copy
import re
from typing import Any

_QUOTED_FIELDS = ("title", "container-title", "container-title-short")
_NAME_FIELDS = ("family", "given", "literal")
_NAME_VARIABLES = ("author", "editor")
# A page number as citeproc-js recognises one: optional letters, then digits; or roman.
_PAGE_NUMBER = re.compile(r"^(?:[A-Za-z]*\d+|[ivxlcdm]+|[IVXLCDM]+)$")
_RANGE = re.compile(r"^(\s*)([^\s\-–]+)(\s*)([-–])(\s*)(\S+)(\s*)$")
_AMPERSAND = re.compile(r"\s*&\s*")
# Stand-ins for a hyphen or en dash that citeproc-py must not read as a range; never in text.
_KEPT_DASHES = {"-": "\ue000", "–": "\ue001"}


def as_citeproc_js_reads(item: dict[str, Any]) -> dict[str, Any]:
    """A copy of the CSL item that citeproc-py formats as citeproc-js formats the original."""
    item = copy.deepcopy(item)
    for key in _QUOTED_FIELDS:
        if isinstance(item.get(key), str):
            item[key] = typographic_quotes(item[key])
    for variable in _NAME_VARIABLES:
        for name in item.get(variable, []):
            for key in _NAME_FIELDS:
                if isinstance(name.get(key), str):
                    name[key] = typographic_quotes(name[key])
    for key in ("issue", "volume"):
        if isinstance(item.get(key), str):
            item[key] = _AMPERSAND.sub(" & ", item[key])
    if isinstance(item.get("page"), str):
        item["page"] = ", ".join(_page_item(part) for part in item["page"].split(","))
    return item


def restore_kept_dashes(text: str) -> str:
    """The formatted text with the dashes hidden from citeproc-py's range reading put back."""
    for dash, stand_in in _KEPT_DASHES.items():
        text = text.replace(stand_in, dash)
    return text


def typographic_quotes(text: str) -> str:
    """Paired straight double quotes as “ ”, an opening single quote as ‘ and every other
    straight single quote (a closing one, an apostrophe) as ’. Unpaired double quotes stay."""
    if text.count('"') % 2 == 0:
        parts = text.split('"')
        text = (
            "".join(
                part + ("“" if index % 2 == 0 else "”") for index, part in enumerate(parts[:-1])
            )
            + parts[-1]
        )
    out: list[str] = []
    for index, char in enumerate(text):
        if char == "'":
            before = text[index - 1] if index else " "
            char = "’" if before.isalnum() or before in ".,;:!?)]’”" else "‘"
        out.append(char)
    return "".join(out)


def _page_item(part: str) -> str:
    match = _RANGE.match(part)
    if not match:
        return part
    lead, first, gap1, dash, gap2, last, trail = match.groups()
    if _PAGE_NUMBER.match(first) and _PAGE_NUMBER.match(last):
        if first.isdigit() and last.isdigit() and len(last) < len(first):
            last = first[: len(first) - len(last)] + last  # '100-10' is 100 to 110
        return f"{lead}{first}{gap1}{dash}{gap2}{last}{trail}"
    return f"{lead}{first}{gap1}{_KEPT_DASHES[dash]}{gap2}{last}{trail}"
