"""The model says what every text field holds, so the de-identification check knows its rules."""

from __future__ import annotations

from typing import Literal

from casebook.models import CaseFile, Holds, case_schema, iter_texts, unmarked_text_fields
from casebook.models.base import AuthorText, Markdown, Strict, Text
from casebook.source.yaml_loader import load_yaml_text

from ..support.cases import example_text
from ..support.project import ROOT


def test_every_text_field_of_the_case_model_says_what_it_holds() -> None:
    assert unmarked_text_fields(CaseFile) == []


class _Inner(Strict):
    plain: str | None = None
    marked: Text | None = None
    chosen: Literal["a", "b"] = "a"


class _Probe(Strict):
    note: str
    names: list[AuthorText]
    inner: list[_Inner]


def test_a_text_field_without_a_marker_is_found_however_deep() -> None:
    assert unmarked_text_fields(_Probe) == ["_Probe.note", "_Inner.plain"]


class _CaseWithANewField(CaseFile):
    new_note: str | None = None


def test_a_new_unmarked_field_on_the_case_fails_the_walk() -> None:
    assert unmarked_text_fields(_CaseWithANewField) == ["_CaseWithANewField.new_note"]


def test_texts_come_with_what_their_field_holds() -> None:
    probe = _Probe(note="n", names=["Jane Doe"], inner=[_Inner(plain="p", marked="m")])
    assert list(iter_texts(probe)) == [
        (("note",), "n", None),
        (("names", 0), "Jane Doe", Holds.AUTHOR_IDENTITY),
        (("inner", 0, "plain"), "p", None),
        (("inner", 0, "marked"), "m", Holds.CASE_TEXT),
        (("inner", 0, "chosen"), "a", Holds.FORM_CHECKED),
    ]


def test_the_example_case_fields_hold_what_they_say() -> None:
    # Read as the build reads it: YAML 1.1's loader would make `seen: no` a boolean.
    case = CaseFile.model_validate(load_yaml_text(example_text(), display="case.yaml").data)
    holds = {path: held for path, _, held in iter_texts(case)}
    assert holds[("reference_note",)] is Holds.CASE_TEXT
    assert holds[("publication", "adapted_from", "note")] is Holds.CASE_TEXT
    assert holds[("publication", "adapted_from", "title")] is Holds.CITED_WORK
    assert holds[("authors", 0, "collective")] is Holds.AUTHOR_IDENTITY
    assert holds[("affiliations", 0, "name")] is Holds.AUTHOR_IDENTITY
    assert holds[("references", 0, "author", 0, "family")] is Holds.AUTHOR_IDENTITY
    assert holds[("references", 0, "title")] is Holds.CITED_WORK
    assert holds[("references", 0, "DOI")] is Holds.FORM_CHECKED
    assert holds[("discussion",)] is Holds.CASE_TEXT
    assert None not in holds.values()


def test_the_json_schema_says_which_fields_are_one_line_and_which_markdown() -> None:
    properties = case_schema()["properties"]
    assert properties["discussion"]["anyOf"][0]["contentMediaType"] == "text/markdown"
    one_line = properties["reference_note"]["anyOf"][0]
    assert one_line["pattern"] == "^[^\\n\\r\\u2028\\u2029]*$"
    assert "contentMediaType" not in one_line
    assert Markdown is not Text
    # The six Markdown fields of the first model (abstract, introduction, discussion, ...);
    # new kinds of case add more, so the count is a floor, not an inventory.
    assert (ROOT / "schema" / "case.schema.json").read_text(encoding="utf-8").count(
        "text/markdown"
    ) >= 6
