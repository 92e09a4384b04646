from __future__ import annotations

import pytest
from casebook.errors import SettingsError
from casebook.models.settings import read_settings


def test_base_url_comes_from_site_url() -> None:
    settings = read_settings({}, site_url="https://example.org/casebook/")
    assert settings.base_url == "https://example.org/casebook/"


def test_a_base_url_that_differs_from_site_url_is_an_error() -> None:
    with pytest.raises(SettingsError) as caught:
        read_settings({"base_url": "https://other.org/"}, site_url="https://example.org/cb/")
    assert str(caught.value) == (
        "mkdocs.yml: extra.casebook.base_url: 'https://other.org/' differs from site_url "
        "'https://example.org/cb/' (leave base_url out; site_url is used)"
    )


def test_without_site_url_base_url_stays_optional() -> None:
    assert read_settings({}).base_url is None
