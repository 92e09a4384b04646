"""The Atom feed of the newest published cases, so readers and aggregators see new cases."""

from __future__ import annotations

from casebook.models import SiteSettings
from casebook.render import markup_environment
from casebook.scholarly.record import ScholarlyRecord

FEED_PATH = "feed.xml"


def feed_title(settings: SiteSettings) -> str:
    return settings.journal_title or settings.title


def atom_feed(records: list[ScholarlyRecord], *, settings: SiteSettings) -> str | None:
    """The feed's XML, or None when there is nothing to announce or no public address to
    announce it at (Atom ids and links must be absolute)."""
    published = [r for r in records if r.date is not None and r.url is not None]
    if not published or settings.base_url is None:
        return None
    newest = sorted(published, key=lambda r: (r.date, r.case_id), reverse=True)
    entries = newest[: settings.feed_entries]
    return (
        markup_environment()
        .get_template("feed.atom.j2")
        .render(
            title=feed_title(settings),
            subtitle=settings.description,
            base_url=settings.base_url,
            feed_url=f"{settings.base_url}{FEED_PATH}",
            # The newest publication date, not the build time: the same cases give the same feed.
            updated=entries[0].date,
            entries=entries,
        )
    )
