"""The home page listing: newest first, continued on archive pages of a fixed length."""

from __future__ import annotations

from casebook.article.listing import CaseListing
from casebook.models.settings import SiteSettings
from casebook.render.home import render_home_pages


def listing(number: int) -> CaseListing:
    return CaseListing(
        id=f"case-{number:02d}",
        title=f"Case {number}",
        page_uri=f"cases/case-{number:02d}/index.md",
        diagnoses=("Condition",),
        main_treatment="drug",
        date=f"2024-01-{number:02d}",
        published=True,
        tags=("Condition",),
    )


def site(per_page: int) -> SiteSettings:
    return SiteSettings(title="Casebook", cases_per_page=per_page)


def rows(page: str) -> list[str]:
    return [line.split("](")[0] for line in page.splitlines() if line.startswith("| [")]


def test_cases_continue_on_archive_pages() -> None:
    pages = render_home_pages([listing(n) for n in range(1, 26)], site=site(10))
    assert list(pages) == ["index.md", "archive/2.md", "archive/3.md"]
    assert rows(pages["index.md"])[:2] == ["| [Case 25", "| [Case 24"]
    assert rows(pages["archive/3.md"]) == [f"| [Case {n}" for n in range(5, 0, -1)]
    assert "**Pages:** 1 · [2](archive/2.md) · [3](archive/3.md)\n" in pages["index.md"]
    second = pages["archive/2.md"]
    assert "**Pages:** [1](../index.md) · 2 · [3](../archive/3.md)\n" in second
    assert 'title: "Casebook, page 2"' in second
    assert "| [Case 15](../cases/case-15/index.md) |" in second
    assert "Browse by [tag](../tags.md)" in second


def test_one_page_needs_no_page_links() -> None:
    pages = render_home_pages([listing(n) for n in range(1, 11)], site=site(10))
    assert list(pages) == ["index.md"]
    assert "**Pages:**" not in pages["index.md"]
    assert "| [Case 10](cases/case-10/index.md) |" in pages["index.md"]


def test_no_cases_still_makes_a_home_page() -> None:
    pages = render_home_pages([], site=site(10))
    assert list(pages) == ["index.md"]
    assert "No cases yet." in pages["index.md"]
