"""The site settings (extra.casebook in mkdocs.yml): read, and every error at its line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from casebook.errors import SettingsError
from casebook.load import read_settings

# Tags that MkDocs resolves and Casebook's loader refuses: the positions must survive them.
MKDOCS = """\
site_name: Test
site_url: !ENV [SITE_URL, "https://example.org/cb/"]
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
extra:
  casebook:
    title: Cases
    cases_per_page: many
    titel: Casebook
    base_url: https://other.org/
    journal_profile:
      letter: {word_limit: lots}
"""
# What MkDocs hands the hooks for the mapping above.
RAW = {
    "title": "Cases",
    "cases_per_page": "many",
    "titel": "Casebook",
    "base_url": "https://other.org/",
    "journal_profile": {"letter": {"word_limit": "lots"}},
}


def settings_error(
    raw: dict[str, Any], *, site_url: str | None = None, source: Path | None = None
) -> SettingsError:
    with pytest.raises(SettingsError) as caught:
        read_settings(raw, site_url=site_url, source=source)
    return caught.value


def test_base_url_comes_from_site_url() -> None:
    settings = read_settings({}, site_url="https://example.org/casebook/")
    assert settings.base_url == "https://example.org/casebook/"


def test_without_site_url_base_url_stays_optional() -> None:
    assert read_settings({}).base_url is None


def test_every_settings_error_at_its_line_in_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    error = settings_error(RAW, site_url="https://example.org/cb/", source=tmp_path / "mkdocs.yml")
    assert str(error) == (
        "mkdocs.yml:9:21: extra.casebook.cases_per_page: expected a number, got 'many' "
        "(write the number without units)\n"
        "mkdocs.yml:10:5: extra.casebook.titel: unknown key 'titel' (did you mean 'title'?)\n"
        "mkdocs.yml:11:15: extra.casebook.base_url: 'https://other.org/' differs from site_url "
        "'https://example.org/cb/' (leave base_url out; site_url is used)\n"
        "mkdocs.yml:13:28: extra.casebook.journal_profile.letter.word_limit: expected a number, "
        "got 'lots' (write the number without units)\n"
        "4 errors in the site settings"
    )
    assert error.heading == "the site settings (extra.casebook in mkdocs.yml) are wrong"


def test_settings_handed_over_without_their_file_name_no_line() -> None:
    error = settings_error({"titel": "Casebook"})
    assert str(error) == (
        "mkdocs.yml: extra.casebook.titel: unknown key 'titel' (did you mean 'title'?)\n"
        "1 error in the site settings"
    )


def test_a_settings_file_that_cannot_be_read_names_no_line(tmp_path: Path) -> None:
    error = settings_error({"cases_per_page": 5}, source=tmp_path / "site.yml")
    assert str(error) == (
        "site.yml: extra.casebook.cases_per_page: 5 is out of range: input should be greater "
        "than or equal to 10\n"
        "1 error in the site settings"
    )
    assert error.heading == "the site settings (extra.casebook in site.yml) are wrong"


def test_a_settings_key_gets_no_clinical_synonym_and_the_keys_are_listed() -> None:
    # 'labs' in a case would be sent to investigations; in the settings it is only unknown.
    error = settings_error({"journal_profile": {"letter": {"labs": 1}}})
    assert str(error) == (
        "mkdocs.yml: extra.casebook.journal_profile.letter.labs: unknown key 'labs' (known keys "
        "here: word_limit, max_references, max_figures, max_panels)\n"
        "1 error in the site settings"
    )
