"""The JATS says what the case page says: for the same data, the tables of the treatment
course, the laboratory results and the outcome scores, and the sentences about times, carry
the same text in both outputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from casebook.article import Article
from casebook.load import load_case
from casebook.models.settings import SiteSettings
from casebook.render.pages import render_case_page
from casebook.scholarly.jats import case_jats
from casebook.scholarly.record import build_record
from lxml import etree

from ..support.cases import EXAMPLE
from ..support.kind_cases import ADVERSE_REACTION, UNTIMED_COURSE, fixture_folder
from ..support.project import ROOT
from ..support.scholarly_cases import SETTINGS

# Columns compared; the treatment table's Reason and Response hold author Markdown, whose
# links and citations each output marks up in its own way.
TABLES = {"treatment": 4, "investigations": None, "scores": None}


def _folder(case_id: str) -> Path:
    return EXAMPLE if case_id == EXAMPLE.name else fixture_folder(case_id)


def _article(case_id: str) -> Article:
    article, diagnostics = load_case(_folder(case_id), project_root=ROOT)
    assert article is not None and diagnostics == [], [d.format() for d in diagnostics]
    return article


def _page_rows(page: str, header: str) -> list[list[str]]:
    lines = page.splitlines()
    start = lines.index(header) + 2
    rows = []
    for line in lines[start:]:
        if not line.startswith("| "):
            break
        rows.append([cell.strip() for cell in line.strip("|").split(" | ")])
    return rows


def _jats_rows(root: etree._Element, table_id: str) -> list[list[str]]:
    rows = root.xpath(f"//table-wrap[@id='{table_id}']//tbody/tr")
    return [["".join(td.itertext()).strip() for td in tr.xpath("td")] for tr in rows]


_HEADERS = {
    "treatment": "| Step | Drug and dose | Start | Duration | Reason | Response |",
    "scores": "| Score | Baseline | Last | Change from baseline | Response |",
}


def _lab_header(page: str) -> str:
    return next(line for line in page.splitlines() if line.startswith("| Test |"))


@pytest.mark.parametrize("case_id", [EXAMPLE.name, ADVERSE_REACTION, UNTIMED_COURSE])
def test_page_and_jats_tables_carry_the_same_text(case_id: str) -> None:
    article = _article(case_id)
    page = render_case_page(article, site=SiteSettings())
    root = etree.fromstring(case_jats(article, build_record(article, settings=SETTINGS)).encode())
    compared = 0
    for name, columns in TABLES.items():
        jats = _jats_rows(root, f"table-{name}")
        header = _lab_header(page) if name == "investigations" else _HEADERS[name]
        if header not in page.splitlines():
            assert jats == [], name
            continue
        on_page = [row[:columns] for row in _page_rows(page, header)]
        assert on_page == [row[:columns] for row in jats], name
        compared += 1
    assert compared >= 2


@pytest.mark.parametrize(
    ("case_id", "sentences"),
    [
        (
            EXAMPLE.name,
            [
                "Times are counted from the start of treatment (week 0).",
                "Follow-up after the last change of treatment: 2 months.",
            ],
        ),
        (
            UNTIMED_COURSE,
            [
                "Times are counted from the start of treatment (week 0). Where the source does "
                "not state a time, the table says so and lists the steps in the order the "
                "source gives them.",
                "Outcome assessed 8 weeks after starting ustekinumab.",
            ],
        ),
    ],
)
def test_page_and_jats_say_the_same_of_times(case_id: str, sentences: list[str]) -> None:
    article = _article(case_id)
    page = render_case_page(article, site=SiteSettings())
    xml = case_jats(article, build_record(article, settings=SETTINGS))
    for sentence in sentences:
        assert sentence in page, sentence
        assert sentence in xml, sentence


def test_what_the_jats_used_to_drop_is_there() -> None:
    """'high (as reported)', 'not stated' and 'single dose' were on the page only."""
    article = _article(UNTIMED_COURSE)
    root = etree.fromstring(case_jats(article, build_record(article, settings=SETTINGS)).encode())
    assert _jats_rows(root, "table-investigations") == [
        ["Alanine aminotransferase", "95 U/L", "not stated", "high (as reported)"]
    ]
    starts = [row[2:4] for row in _jats_rows(root, "table-treatment")]
    assert starts == [
        ["week 0", "not stated"],
        ["not stated", ""],
        ["not stated", "single dose"],
        ["not stated", "not stated"],
    ]
