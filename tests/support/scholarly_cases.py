"""Cases and settings for the scholarly-metadata tests: the example as it is, and a variant
with everything the example lacks (persons with ORCID, DOI, volume, codes)."""

from __future__ import annotations

from pathlib import Path

from casebook.article.article import Article
from casebook.load import load_case
from casebook.models.settings import SiteSettings

from .cases import EXAMPLE, example_text, load_variant, replace_once

SETTINGS = SiteSettings(
    title="Casebook",
    journal_title="Casebook Example Collection",
    journal_abbreviation="Casebook Ex Coll",
    issn="0000-0000",
    publisher="Casebook project",
    base_url="https://example.org/casebook/",
    logo="assets/logo.png",
)
"""Site settings with every field set; the ISSN is a placeholder of valid shape."""

VARIANT_AUTHORS = """\
authors:
  - given: Ana María
    family: García-López
    orcid: 0000-0002-1825-0097
    affiliations: [derm, lab]
    corresponding: true
    email: ana@example.org
  - collective: Skin Study Group
    affiliations: [derm]

affiliations:
  - id: derm
    name: Department of Dermatology, Example Hospital
    city: Springfield
    country: Freedonia
  - id: lab
    name: Pathology Laboratory
"""


def example_article() -> Article:
    article, diagnostics = load_case(EXAMPLE, project_root=EXAMPLE.parent.parent)
    assert article is not None, diagnostics
    return article


def variant_text() -> str:
    text = example_text()
    start, end = text.index("authors:\n"), text.index("patient:\n")
    text = text[:start] + VARIANT_AUTHORS + "\n" + text[end:]
    text = replace_once(
        text,
        "  language: en\n",
        '  language: en\n  doi: 10.5555/casebook.2026.001\n  volume: "3"\n  issue: "2"\n'
        '  first_page: "e101"\n',
    )
    # The example already codes its diagnoses (ICD-10 L40.3 for PPP).
    return text


def variant_article(tmp_path: Path, text: str | None = None) -> Article:
    article, diagnostics = load_variant(tmp_path, text if text is not None else variant_text())
    assert article is not None, [d.format() for d in diagnostics]
    return article
