from __future__ import annotations

from casebook.models import CaseFile, Reference
from casebook.render.field_reference import field_reference_page


def test_every_top_level_and_alias_field_is_documented() -> None:
    page = field_reference_page()
    for name in CaseFile.model_fields:
        assert f"| `{name}` |" in page
    for name, field in Reference.model_fields.items():
        assert f"| `{field.alias or name}` |" in page
    assert "| `container-title` | text, one line |  | Journal or book title. |" in page


def test_the_reference_says_which_fields_may_span_lines() -> None:
    page = field_reference_page()
    assert "| `discussion` | Markdown, may span lines |" in page
    assert "| `reference_note` | text, one line |" in page
