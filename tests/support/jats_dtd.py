"""Validation of a JATS article against the official NISO JATS 1.2d1 DTDs, offline.

The DTDs (Journal Publishing and Archiving and Interchange, public domain, from NCBI/NLM) are
kept in tests/support/jats-dtd/ with their README. The article's DOCTYPE says which tag set
it declares; it is validated against that one. A new _jats_*.xml.j2 section is checked by
rendering a fixture that has it and calling `assert_valid_jats` on the text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

DTD_FOLDER = Path(__file__).resolve().parent / "jats-dtd"
PUBLISHING = "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.2d1 20170631//EN"
ARCHIVING = "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.2d1 20170631//EN"
DTD_FILES = {
    PUBLISHING: DTD_FOLDER / "publishing-1.2d1" / "JATS-journalpublishing1.dtd",
    ARCHIVING: DTD_FOLDER / "archiving-1.2d1" / "JATS-archivearticle1.dtd",
}


@cache
def _dtd(public_id: str) -> etree.DTD:
    # lxml resolves the DTD's own modules relative to its file; nothing is fetched.
    return etree.DTD(str(DTD_FILES[public_id]))


def declared_tag_set(xml: bytes | str) -> str | None:
    """The public identifier in the article's DOCTYPE, or None when it declares none."""
    public_id: str | None = _parse(xml).docinfo.public_id
    return public_id


def dtd_errors(xml: bytes | str) -> list[str]:
    """Every validation error as 'line N: message'; empty when the article is valid against
    the DTD its DOCTYPE declares."""
    tree = _parse(xml)
    public_id = tree.docinfo.public_id
    if public_id not in DTD_FILES:
        return [f"DOCTYPE declares {public_id!r}, not a JATS 1.2d1 tag set kept here"]
    dtd = _dtd(public_id)
    if dtd.validate(tree):
        return []
    return [f"line {error.line}: {error.message}" for error in dtd.error_log]


def assert_valid_jats(xml: bytes | str) -> None:
    assert dtd_errors(xml) == []


def _parse(xml: bytes | str) -> etree._ElementTree:
    data = xml.encode("utf-8") if isinstance(xml, str) else xml
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
    return etree.fromstring(data, parser).getroottree()
