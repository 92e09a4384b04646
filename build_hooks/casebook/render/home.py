"""The home page and the archive pages that continue its listing of cases."""

from __future__ import annotations

from dataclasses import dataclass

from casebook.article import CaseListing
from casebook.models import SiteSettings
from casebook.render.environment import environment
from casebook.render.error_page import CaseErrors


@dataclass(frozen=True)
class ListingPage:
    """Where one page of the case listing stands among the others."""

    number: int
    count: int

    @property
    def uri(self) -> str:
        return "index.md" if self.number == 1 else f"archive/{self.number}.md"

    @property
    def root(self) -> str:
        """The way from this page back to the site's root, for links."""
        return "" if self.number == 1 else "../"

    def link_to(self, number: int) -> str:
        return self.root + ListingPage(number, self.count).uri


def render_home_pages(
    cases: list[CaseListing], *, site: SiteSettings, broken: list[CaseErrors] | None = None
) -> dict[str, str]:
    """The home page, listing the newest cases, and the archive pages that continue it;
    `broken`, the cases with errors that a preview shows error pages for, head the first."""
    ordered = sorted(cases, key=lambda c: (c.date or "", c.id), reverse=True)
    size = site.cases_per_page
    chunks = [ordered[start : start + size] for start in range(0, len(ordered), size)] or [[]]
    template = environment().get_template("home.md.j2")
    pages = {}
    for number, chunk in enumerate(chunks, start=1):
        listing = ListingPage(number, len(chunks))
        pages[listing.uri] = template.render(
            articles=chunk, site=site, listing=listing, broken=broken or []
        )
    return pages
