"""'not stated' where a source leaves a fact out: the biopsy's site and stain and the presenting
complaint take it as a value of its own, and the page and the JATS say so."""

from __future__ import annotations

from pathlib import Path

from casebook.models.settings import SiteSettings
from casebook.render.pages import render_case_page
from casebook.scholarly.jats import case_jats
from casebook.scholarly.record import build_record

from ..support.cases import example_article, example_text, line_of, replace_once, variant_messages
from ..support.jats_dtd import dtd_errors

F = "case_data/ppp-ad-baricitinib/case.yaml"
COMPLAINTS = (
    "  presenting_complaints:\n"
    "    - description: Itchy redness spread over much of the body\n"
    "      duration: 5 years\n"
    "    - description: Repeated crops of pustules on red skin of both soles\n"
    "      duration: 2 years\n"
)
SOLE = "    site: Right sole\n    stain: H&E\n"


def unstated(complaints: str = "  presenting_complaints:\n    - description: Not stated\n") -> str:
    text = replace_once(example_text(), COMPLAINTS, complaints)
    return replace_once(text, SOLE, "    site: not stated\n    stain: not stated\n")


def test_the_page_and_the_jats_say_what_is_not_stated(tmp_path: Path) -> None:
    article = example_article(tmp_path, unstated())
    page = render_case_page(article, site=SiteSettings())
    assert "A 20-year-old man presented; the presenting complaint is not stated.\n" in page
    assert "presented with:" not in page
    assert "**Site not stated** (stain not stated, ×100)" in page
    assert "(Stain not stated, original magnification ×100.)" in page
    xml = case_jats(article, build_record(article, settings=SiteSettings()))
    assert "<p>A 20-year-old man presented; the presenting complaint is not stated.</p>" in xml
    assert "<p><bold>Site not stated</bold> (stain not stated, ×100)" in xml
    assert "(Stain not stated, original magnification ×100.)" in xml
    assert dtd_errors(xml) == []


def test_a_complaint_not_stated_has_no_duration(tmp_path: Path) -> None:
    text = unstated(
        "  presenting_complaints:\n    - description: not stated\n      duration: 5 years\n"
    )
    line = line_of(text, "    - description: not stated")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:7: history.presenting_complaints[0]: a presenting complaint that is not "
        "stated has no duration: describe the complaint the duration belongs to, or remove the "
        "duration"
    ]


def test_a_complaint_not_stated_stands_alone(tmp_path: Path) -> None:
    text = unstated(
        "  presenting_complaints:\n    - description: not stated\n"
        "    - description: Pustules on the soles\n"
    )
    line = line_of(text, "  presenting_complaints:")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:3: history: presenting_complaints lists a complaint 'not stated' beside "
        "stated ones: remove the one that is not stated"
    ]
