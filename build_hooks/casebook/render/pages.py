"""Render articles to Markdown pages through the Jinja templates in render/templates/."""

from __future__ import annotations

from urllib.parse import quote

from markupsafe import Markup

from casebook.article import Article, CiteView, FigureView
from casebook.checks import CARE_URL, care_items, limits_for, usage
from casebook.models import JournalProfile, SiteSettings, SourceAttribution
from casebook.render.bibliography import format_plain, format_references
from casebook.render.citations import crossref_html, reference_anchor, resolve_tokens
from casebook.render.environment import environment
from casebook.text import escape_markdown_inline


class PageHelpers:
    """What templates may call on one article: token resolution and figure placement."""

    def __init__(self, article: Article) -> None:
        self.article = article

    def md(self, text: str) -> str:
        return resolve_tokens(text, self.article.numbering)

    def figs(self, keys: list[str]) -> Markup:
        return Markup(f" ({crossref_html(keys, self.article.numbering)})") if keys else Markup("")

    def figures_for(self, section: str) -> list[FigureView]:
        return self.article.figures_in(section)

    def reference_anchor(self, key: str) -> str:
        return reference_anchor(key)

    def source_citation(self, source: SourceAttribution) -> str:
        """The work the case was adapted from as the reference list prints it, as Markdown:
        its text literal, its DOI or address a link."""
        [formatted] = format_plain([source.as_reference()])
        out = []
        for kind, text in formatted.pieces():
            if kind == "doi":
                out.append(f"[{text}](https://doi.org/{quote(text, safe='/:;()')})")
            elif kind == "url":
                out.append(f"<{text}>")
            else:
                out.append(escape_markdown_inline(text))
        return "".join(out)


def render_case_page(article: Article, *, site: SiteSettings, cite: CiteView | None = None) -> str:
    template = environment().get_template("case.md.j2")
    return template.render(
        article=article,
        case=article.case,
        page=PageHelpers(article),
        references=list(
            zip(article.references, format_references(article.references), strict=True)
        ),
        clinical=article.clinical,
        site=site,
        cite=cite,
    )


def render_care_page(
    article: Article, *, site: SiteSettings, profile: JournalProfile | None = None
) -> str:
    """The CARE checklist of one case, with where each item is addressed, and its size against
    the journal profile."""
    return (
        environment()
        .get_template("care.md.j2")
        .render(
            article=article,
            items=care_items(article.case),
            usage=usage(article.case, article.numbering, profile),
            profile_set=limits_for(article.case, profile) is not None,
            journal=profile.name if profile and profile.name else None,
            care_url=CARE_URL,
            site=site,
        )
    )
