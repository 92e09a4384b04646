"""Site settings read from mkdocs.yml for the command line, as MkDocs would pass them."""

from __future__ import annotations

from pathlib import Path

import pytest
from casebook.cli.site_config import site_settings
from casebook.errors import SettingsError

from ..support.project import ROOT

MKDOCS = """\
site_name: Test
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
extra:
  casebook:
    care_missing: error
    instruments:
      UAS7: {full_name: Urticaria Activity Score over 7 days, max: 42, whole_numbers: true}
"""


def test_settings_come_from_extra_casebook(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    settings = site_settings(tmp_path)
    assert settings.care_missing == "error"
    assert settings.instruments["UAS7"].max == 42


def test_defaults_without_mkdocs_yml(tmp_path: Path) -> None:
    assert site_settings(tmp_path).care_missing == "warning"


def test_the_example_site_settings_are_valid() -> None:
    settings = site_settings(ROOT)
    assert settings.journal_profile is not None and settings.journal_profile.letter is not None
    assert settings.journal_profile.letter.word_limit == 1000


def test_a_wrong_setting_is_reported_at_its_line_in_mkdocs_yml(tmp_path: Path) -> None:
    text = MKDOCS.replace("care_missing: error", "care_missing: sometimes")
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        site_settings(tmp_path)
    assert str(raised.value) == (
        "mkdocs.yml:7:19: extra.casebook.care_missing: unknown value 'sometimes' "
        "(use one of: warning, error)\n"
        "1 error in the site settings"
    )


def test_site_url_is_the_base_url_as_mkdocs_passes_it(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_url: https://example.org/cases\n" + MKDOCS)
    assert site_settings(tmp_path).base_url == "https://example.org/cases/"
