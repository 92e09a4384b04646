from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from casebook.models.settings import SiteSettings
from casebook.scholarly.record import build_record, licence_url, page_range

from ..support.scholarly_cases import SETTINGS, example_article, variant_article


@pytest.mark.parametrize(
    ("spdx", "url"),
    [
        ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"),
        ("CC-BY-NC-SA-4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/"),
        ("CC-BY-NC-ND-3.0", "https://creativecommons.org/licenses/by-nc-nd/3.0/"),
        ("CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
        ("MIT", "https://spdx.org/licenses/MIT.html"),
    ],
)
def test_licence_deed_urls(spdx: str, url: str) -> None:
    assert licence_url(spdx) == url


@pytest.mark.parametrize(
    ("page", "pages"),
    [
        ("913-921.e9", ("913", "921.e9")),
        ("101–110", ("101", "110")),
        (" 12 - 15 ", ("12", "15")),
        ("001383", ("001383", None)),
        ("S1–S5, S7", ("S1–S5, S7", None)),
        ("-5", ("-5", None)),
    ],
)
def test_page_range_splits_only_a_plain_range(page: str, pages: tuple[str, str | None]) -> None:
    assert page_range(page) == pages


def test_example_record_holds_only_what_the_case_states() -> None:
    record = build_record(example_article(), settings=SiteSettings(journal_title="Collection"))
    assert record.title == (
        "Palmoplantar pustulosis with atopic dermatitis responding to baricitinib"
    )
    [author] = record.authors
    assert (author.name, author.collective, author.family, author.orcid) == (
        "Casebook example editors",
        "Casebook example editors",
        None,
        None,
    )
    assert author.inverted_name == "Casebook example editors"
    assert record.date == datetime.date(2026, 11, 26)
    # The example is a page of our own site: the source letter's volume is not its volume.
    assert (record.doi, record.volume, record.issue, record.first_page) == (None, None, None, None)
    assert record.url is None  # no base URL, no absolute address
    assert record.drugs == ("baricitinib",)
    assert [c.name for c in record.conditions] == ["Palmoplantar pustulosis", "Atopic dermatitis"]
    assert record.references[0].id == "yamamoto2021"


def test_variant_record_has_people_orcid_doi_and_codes(tmp_path: Path) -> None:
    record = build_record(variant_article(tmp_path), settings=SETTINGS)
    person, group = record.authors
    assert person.inverted_name == "García-López, Ana María"
    assert person.orcid_url == "https://orcid.org/0000-0002-1825-0097"
    assert [a.id for a in person.affiliations] == ["derm", "lab"]
    assert group.name == "Skin Study Group"
    assert (record.doi, record.volume, record.issue, record.first_page) == (
        "10.5555/casebook.2026.001",
        "3",
        "2",
        "e101",
    )
    assert record.url == "https://example.org/casebook/cases/ppp-ad-baricitinib/"
    assert record.conditions[0].codes == (("ICD-10", "L40.3"),)
