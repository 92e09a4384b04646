"""The JATS read back by epijats (pip, pinned), a JATS reader that is not ours: it rewrites the
article as what it understood (restyle_xml), and everything of its model must be there.

epijats 3.2.1 models persons as authors and has no model for <collab>, <fig> or <fig-group>,
nor for <citation-alternatives> (its parse/front.py and parse/back.py): the group author,
the figures and the references are outside what it reads, and are not asserted here. (Its
element-citation reader also needs Python 3.12: `value in StrEnum` raises TypeError on 3.11.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from casebook.scholarly.jats import case_jats
from epijats import restyle_xml
from lxml import etree

from ..support.golden_cases import GOLDEN_CASES, SYNTHETIC, golden_article, golden_record


def _read_back(case_id: str, tmp_path: Path) -> tuple[etree._Element, list[str]]:
    source = tmp_path / "case.xml"
    source.write_text(case_jats(golden_article(case_id), golden_record(case_id)), "utf-8")
    issues: list[str] = []
    assert restyle_xml(source, tmp_path / "out", lambda issue: issues.append(str(issue)))
    return etree.parse(str(tmp_path / "out" / "article.xml")).getroot(), issues


def _text(element: etree._Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


@pytest.mark.parametrize("case_id", GOLDEN_CASES)
def test_title_licence_copyright_and_sections_survive(case_id: str, tmp_path: Path) -> None:
    record = golden_record(case_id)
    read, _ = _read_back(case_id, tmp_path)
    meta = read.find("front/article-meta")
    assert _text(meta.find("title-group/article-title")) == record.title
    permissions = meta.find("permissions")
    assert _text(permissions.find("copyright-statement")) == (
        f"© {record.date.year} {record.copyright_holders}" if record.date else ""
    )
    assert permissions.findtext("license/license-ref") == record.licence_url
    # Every section and sub-section, in order, with its title (written back as HTML-like
    # <section> and <h2>/<h3>).
    sent = etree.fromstring(case_jats(golden_article(case_id), record).encode())
    assert [(s.get("id"), _text(s[0])) for s in read.find("article-body").iter("section")] == [
        (s.get("id"), _text(s.find("title"))) for s in sent.find("body").iter("sec")
    ]


def test_persons_with_their_orcid_and_the_abstract_survive(tmp_path: Path) -> None:
    read, issues = _read_back(SYNTHETIC, tmp_path)
    meta = read.find("front/article-meta")
    people = [
        (c.findtext("name/surname"), c.findtext("name/given-names"), c.findtext("contrib-id"))
        for c in meta.iterfind("contrib-group/contrib")
    ]
    assert people == [
        ("Núñez-O'Brien", "Zoë Ångström", "https://orcid.org/0000-0002-1825-0097"),
        ("Иванов", "Дмитрий", None),
    ]
    assert _text(meta.find("abstract")).startswith("A made-up case for the test suite: emphasis")
    # What it has no model for, it says so, rather than misreading it.
    assert any(i.startswith("Unsupported XML element 'contrib'/'collab'") for i in issues)
