"""What a preview shows of a case with errors: a page at the case's own address listing every
problem, and a notice at the top of the home page."""

from __future__ import annotations

from dataclasses import dataclass

from casebook.errors import Diagnostic, format_report
from casebook.load import is_case_id
from casebook.models import SiteSettings
from casebook.render.environment import environment


@dataclass(frozen=True)
class CaseErrors:
    """A case that could not be built: its folder name and every problem found in it."""

    case_id: str
    """The case's folder name (not necessarily a valid case id: that may be the error)."""
    diagnostics: tuple[Diagnostic, ...]

    @property
    def page_uri(self) -> str | None:
        """Where the case's own page would be (as Article.page_uri), or None when the folder
        name cannot be an address; the home page's notice still lists it."""
        return f"cases/{self.case_id}/index.md" if is_case_id(self.case_id) else None

    @property
    def file(self) -> str:
        return self.diagnostics[0].file if self.diagnostics else f"{self.case_id}/case.yaml"

    @property
    def report(self) -> str:
        """The problems as the terminal prints them: one line each, then the count."""
        return format_report(self.diagnostics, files=1)

    @property
    def counted(self) -> str:
        """'2 errors, 1 warning': the report's last line without its 'in 1 case file'."""
        return self.report.rsplit("\n", 1)[-1].removesuffix(" in 1 case file")


def render_error_page(case: CaseErrors, *, site: SiteSettings) -> str:
    """The Markdown page shown in a preview where the case's page would be."""
    sorted_diagnostics = sorted(case.diagnostics)
    report = case.report
    # A fence longer than any run of backticks in the report keeps it one literal block.
    fence = "`" * max(3, _longest_backtick_run(report) + 1)
    return (
        environment()
        .get_template("error_page.md.j2")
        .render(case=case, diagnostics=sorted_diagnostics, fence=fence, site=site)
    )


def error_pages(cases: list[CaseErrors], *, site: SiteSettings) -> dict[str, str]:
    """Site path -> Markdown of the error page of each case that has an address."""
    return {
        case.page_uri: render_error_page(case, site=site)
        for case in cases
        if case.page_uri is not None
    }


def _longest_backtick_run(text: str) -> int:
    longest = run = 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    return longest
