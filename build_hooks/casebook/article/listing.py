"""What the home page and other site-wide pages know about one case."""

from __future__ import annotations

from dataclasses import dataclass

from casebook.article.article import Article


@dataclass(frozen=True)
class CaseListing:
    """What the home page and other site-wide pages need to know about one case."""

    id: str
    title: str
    page_uri: str
    diagnoses: tuple[str, ...]
    main_treatment: str | None
    date: str | None
    published: bool
    tags: tuple[str, ...]
    patients: int = 1
    """How many patients the case reports: more than one for a case series."""


def case_listing(article: Article) -> CaseListing:
    date = article.case.publication.date
    return CaseListing(
        id=article.id,
        title=article.title,
        page_uri=article.page_uri,
        diagnoses=tuple(article.diagnoses),
        main_treatment=article.main_treatment,
        date=date.isoformat() if date else None,
        published=article.published,
        tags=tuple(article.tags),
        patients=len(article.parts),
    )
