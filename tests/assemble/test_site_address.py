"""A site of one's own is never published at the example project's address."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from casebook.assemble import build_site_output
from casebook.assemble.site_address import check_site_address, is_example_address
from casebook.errors import SettingsError
from casebook.models.settings import SiteSettings

from ..support.project import ROOT

EXAMPLE_URL = "https://example.org/casebook/"


def refusal(settings_file: Path | None, url: str = EXAMPLE_URL, *cases: str) -> str:
    with pytest.raises(SettingsError) as raised:
        check_site_address(
            SiteSettings(base_url=url), published=list(cases), settings_file=settings_file
        )
    return f"{raised.value.heading}:\n{raised.value}"


def test_a_site_of_ones_own_at_the_example_address_is_refused_at_its_line() -> None:
    assert refusal(ROOT / "mkdocs.yml", EXAMPLE_URL, "ppp-ad-baricitinib", "my-case") == (
        "the site settings (site_url in mkdocs.yml) are wrong:\n"
        "mkdocs.yml:3:11: site_url: 'https://example.org/casebook/' is an example address, "
        "not this site's: its links, citations, feed and sitemap would point there (run "
        "./dev.sh init to give the site its own address, title, publisher and licence)\n"
        "1 error in the site settings"
    )


def test_every_example_domain_is_refused_and_the_example_project_is_not() -> None:
    for url in ("https://cases.example.com/", "http://example.net/x/", "https://a.example/"):
        assert is_example_address(url), url
        assert "is an example address" in refusal(None, url, "ppp-ad-baricitinib", "mine")
    assert "mkdocs.yml: site_url: 'https://example.org/casebook/'" in refusal(
        None, EXAMPLE_URL, "a"
    )
    # The example project itself: publishing its own case, or nothing.
    for published in (["ppp-ad-baricitinib"], []):
        check_site_address(
            SiteSettings(base_url=EXAMPLE_URL), published=published, settings_file=None
        )
    for url in ("https://someone.github.io/cases/", "https://myexample.org/"):
        assert not is_example_address(url)
        check_site_address(SiteSettings(base_url=url), published=["a"], settings_file=None)
    check_site_address(SiteSettings(), published=["a"], settings_file=None)


def test_a_build_refuses_a_published_case_of_ones_own_and_a_preview_does_not(
    project_copy: Path,
) -> None:
    example = project_copy / "case_data" / "ppp-ad-baricitinib"
    shutil.copytree(example, project_copy / "case_data" / "my-own-case")
    settings = SiteSettings(base_url=EXAMPLE_URL)
    with pytest.raises(SettingsError, match="is an example address"):
        build_site_output(
            project_copy,
            settings=settings,
            include_drafts=False,
            settings_file=project_copy / "mkdocs.yml",
        )
    preview = build_site_output(
        project_copy, settings=settings, include_drafts=True, show_errors=True
    )
    assert len(preview.cases) == 2
