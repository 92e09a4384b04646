"""The page a preview shows in place of a case with errors, and the home page's notice."""

from __future__ import annotations

from casebook.errors import Diagnostic
from casebook.models.settings import SiteSettings
from casebook.render.error_page import CaseErrors, error_pages, render_error_page
from casebook.render.home import render_home_pages

FILE = "case_data/new-case/case.yaml"
BROKEN = CaseErrors(
    "new-case",
    (
        Diagnostic(FILE, 9, 3, "publication.colour", "unknown key 'colour'", "remove it"),
        Diagnostic(FILE, 0, 0, "", "a <b>whole-file</b> problem with `ticks` ```"),
        Diagnostic(FILE, 5, 1, "abstract", "CARE item 3 is not addressed", "", "warning"),
    ),
)


def test_error_page_lists_every_problem_located_and_as_the_terminal_prints_it() -> None:
    page = render_error_page(BROKEN, site=SiteSettings())
    assert page == (
        "---\n"
        'title: "Errors in new-case"\n'
        "hide:\n"
        "  - navigation\n"
        "search:\n"
        "  exclude: true\n"
        "---\n"
        "\n"
        "# new\\-case has errors { #case-errors }\n"
        "\n"
        '!!! failure "This case is not shown: 2 errors, 1 warning"\n'
        "\n"
        "    The preview shows this page at the case's address until its errors are fixed. "
        "Fix them\n"
        "    in case\\_data/new\\-case/case\\.yaml and save: this page reloads by itself. "
        "A build\n"
        "    (`./dev.sh build`) refuses to publish the site while a case has errors.\n"
        "\n"
        "1. **the whole file**: a &lt;b\\>whole\\-file&lt;/b\\> problem with \\`ticks\\` "
        "\\`\\`\\`\n"
        "1. **warning**, **line 5, column 1**, field **abstract**: CARE item 3 is not "
        "addressed\n"
        "1. **line 9, column 3**, field **publication\\.colour**: unknown key 'colour'  \n"
        "   *How to fix:* remove it\n"
        "\n"
        "As the terminal and `./dev.sh check` print them:\n"
        "\n"
        "````text\n"
        "case_data/new-case/case.yaml: a <b>whole-file</b> problem with `ticks` ```\n"
        "case_data/new-case/case.yaml:5:1: warning: abstract: CARE item 3 is not addressed\n"
        "case_data/new-case/case.yaml:9:3: publication.colour: unknown key 'colour' "
        "(remove it)\n"
        "2 errors, 1 warning in 1 case file\n"
        "````\n"
    )


def test_error_pages_stand_at_the_case_address_and_only_there() -> None:
    nameless = CaseErrors(
        "Not A Case", (Diagnostic("case_data/Not A Case/case.yaml", 0, 0, "", "x"),)
    )
    pages = error_pages([BROKEN, nameless], site=SiteSettings())
    assert list(pages) == ["cases/new-case/index.md"]


def test_home_page_names_the_cases_with_errors_first() -> None:
    nameless = CaseErrors("Bad_Name", (Diagnostic("case_data/Bad_Name/case.yaml", 0, 0, "", "x"),))
    home = render_home_pages([], site=SiteSettings(), broken=[BROKEN, nameless])["index.md"]
    notice = home[home.index("!!! failure") : home.index("No cases yet.")]
    assert notice == (
        '!!! failure "Preview: 2 cases with errors, not listed below"\n'
        "\n"
        "    - [new\\-case](cases/new-case/index.md): 2 errors, 1 warning in "
        "case\\_data/new\\-case/case\\.yaml\n"
        "    - Bad\\_Name: 1 error in case\\_data/Bad\\_Name/case\\.yaml\n"
        "\n"
        "    Each one's page lists its errors. A build refuses to publish the site while a "
        "case has errors.\n"
        "\n"
    )
    assert "!!! failure" not in render_home_pages([], site=SiteSettings())["index.md"]
