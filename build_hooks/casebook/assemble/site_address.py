"""The build refuses to publish a site of one's own at the example project's address."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from urllib.parse import urlsplit

from casebook.errors import Diagnostic, SettingsError
from casebook.models import EXAMPLE_CASE, SiteSettings
from casebook.source import load_yaml_file

# Reserved for examples (RFC 2606, RFC 6761): no reader can ever reach a site there.
_EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net")


def check_site_address(
    settings: SiteSettings, *, published: Collection[str], settings_file: Path | None
) -> None:
    """Raise SettingsError when a site publishes cases of its own at an example address:
    their canonical links, citations, the feed and the sitemap would all point there. The
    example project itself (publishing its example case, or nothing) may build there; that
    is how a fork is built before `casebook init`."""
    if settings.base_url is None or not is_example_address(settings.base_url):
        return
    if not set(published) - {EXAMPLE_CASE}:
        return
    display = settings_file.name if settings_file else "mkdocs.yml"
    mark = _site_url_mark(settings_file)
    raise SettingsError(
        [
            Diagnostic(
                display,
                mark[0],
                mark[1],
                "site_url",
                f"'{settings.base_url}' is an example address, not this site's: its links, "
                "citations, feed and sitemap would point there",
                "run ./dev.sh init to give the site its own address, title, publisher and licence",
            )
        ],
        file=display,
        section="site_url",
    )


def is_example_address(url: str) -> bool:
    """Whether `url` is at a domain reserved for examples."""
    host = (urlsplit(url).hostname or "").lower()
    return host.endswith(".example") or any(
        host == domain or host.endswith(f".{domain}") for domain in _EXAMPLE_DOMAINS
    )


def _site_url_mark(settings_file: Path | None) -> tuple[int, int]:
    if settings_file is None or not settings_file.is_file():
        return 0, 0
    mark = load_yaml_file(settings_file, display=settings_file.name).positions.of(("site_url",))
    return (mark.line, mark.column) if mark.line > 1 or mark.column > 1 else (0, 0)
