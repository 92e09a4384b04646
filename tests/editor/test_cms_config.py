"""The Decap configuration follows the case model: every field, with what the model says."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from casebook.editor import CONFIG_PATH, REGENERATE, cms_config, cms_config_text, form_from_schema
from casebook.editor.cms_config import decap_field
from casebook.models import CaseFile, case_schema
from pydantic import Field, create_model

from ..support.project import ROOT


def walk(fields: list[dict[str, Any]], path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    for field in fields:
        here = f"{path}.{field['name']}".lstrip(".")
        yield here, field
        yield from walk(field.get("fields", []), here)
        if "field" in field and "fields" in field["field"]:
            yield from walk(field["field"]["fields"], here)


def schema_paths(node: dict[str, Any], defs: dict[str, Any], path: str = "") -> Iterator[str]:
    """Every property path of the JSON Schema, through $ref, anyOf and array items."""
    if "$ref" in node:
        node = defs[node["$ref"].split("/")[-1]]
    for choice in node.get("anyOf", []):
        yield from schema_paths(choice, defs, path)
    if "items" in node:
        yield from schema_paths(node["items"], defs, path)
    for key, child in node.get("properties", {}).items():
        here = f"{path}.{key}".lstrip(".")
        yield here
        yield from schema_paths(child, defs, here)


def fields() -> dict[str, dict[str, Any]]:
    return dict(walk(cms_config()["collections"][0]["fields"]))


def test_the_committed_configuration_is_the_models() -> None:
    committed = (ROOT / CONFIG_PATH).read_text(encoding="utf-8")
    assert committed == cms_config_text(), f"schema/cms-config.yml is stale: run {REGENERATE}"


def test_every_model_field_is_in_the_form() -> None:
    schema = case_schema()
    found = fields()
    # A field of several shapes is one YAML text box, which holds the fields of every shape.
    whole = {path for path, f in found.items() if f["hint"].find("Written here in YAML") >= 0}
    expected = {
        path
        for path in schema_paths(schema, schema["$defs"])
        if not any(path.startswith(f"{w}.") for w in whole)
    }
    assert expected == set(found)


def test_a_field_of_several_shapes_is_yaml_text() -> None:
    found = fields()
    assert found["patient.age"]["widget"] == "text"
    # patient is optional at the top level, where a case series has none.
    assert found["patient.age"]["hint"].endswith(
        "Written here in YAML, as in case.yaml: a whole number or '90 or older' or a mapping of "
        "value, unit. Required when patient is filled in."
    )
    assert found["examination"]["widget"] == "text"


def test_every_field_has_a_label_and_the_models_description_as_hint() -> None:
    found = fields()
    assert all(f["label"] for f in found.values())
    assert found["patient.sex"]["hint"] == "Sex as reported. Required when patient is filled in."
    assert found["history.presenting_complaints"]["label"] == "Presenting complaints"
    assert found["references.DOI"]["label"] == "DOI"
    missing = [path for path, f in found.items() if not f.get("hint")]
    assert missing == []


def test_required_and_optional_follow_the_model() -> None:
    found = fields()
    assert "required" not in found["publication.title"]
    assert found["publication.date"]["required"] is False
    assert found["authors"]["min"] == 1
    # Decap would demand a dose's value even for a step without a dose: the hint says when.
    assert found["treatment.dose.value"]["required"] is False
    assert found["treatment.dose.value"]["hint"].endswith("Required when dose is filled in.")


def test_allowed_values_become_selects() -> None:
    found = fields()
    assert found["patient.sex"]["widget"] == "select"
    assert found["patient.sex"]["options"] == ["female", "male", "intersex", "not stated"]
    assert found["consent.scope"] == {
        **found["consent.scope"],
        "widget": "select",
        "multiple": True,
        "options": ["text", "images"],
        "min": 1,
    }
    assert found["figures.panels.chart"]["options"] == ["scores"]
    assert found["schema_version"]["widget"] == "hidden"


def test_widgets_for_text_numbers_dates_and_images() -> None:
    found = fields()
    assert found["discussion"]["widget"] == "text"  # Markdown, kept verbatim
    assert found["investigations.reference_low"]["value_type"] == "float"
    # A number or words ('not detected'): one text box; a number typed there is saved as one.
    assert found["investigations.value"]["widget"] == "string"
    assert found["histology.magnification"]["value_type"] == "int"
    assert found["publication.date"]["format"] == "YYYY-MM-DD"
    assert found["figures.panels.file"]["widget"] == "image"
    assert found["treatment.duration"]["pattern"][1].startswith("e.g. 4 weeks, 1 week")


def test_a_time_or_a_word_keeps_the_pattern_of_the_time_beside_the_words() -> None:
    """A step's start is 'week 4', a date or 'not stated': the form checks all three."""
    found = fields()
    start, message = found["treatment.start"]["pattern"]
    assert message == "e.g. week 0, week 4, month 3, 2024-03-01, not stated"
    assert [bool(re.search(start, v)) for v in ("week 4", "2024-03-01", "not stated")] == [
        True,
        True,
        True,
    ]
    assert not any(re.search(start, v) for v in ("wk 4", "not stated yet", "soon"))
    duration = found["treatment.duration"]["pattern"][0]
    assert all(re.search(duration, v) for v in ("4 weeks", "single dose", "not stated"))
    assert not re.search(duration, "once")


def test_lists_of_objects_hold_their_fields() -> None:
    found = fields()
    for path in ("investigations", "figures", "figures.panels", "references", "treatment"):
        assert found[path]["widget"] == "list", path
        assert found[path]["fields"], path


def test_a_new_model_field_appears_in_the_form() -> None:
    allergies: Any = Field(default=[], description="Drugs the patient is allergic to.")
    grown = create_model("GrownCase", __base__=CaseFile, drug_allergies=(list[str], allergies))
    form = form_from_schema(grown.model_json_schema(by_alias=True, mode="validation"))
    field = decap_field(next(f for f in form.fields if f.name == "drug_allergies"))
    assert field == {
        "label": "Drug allergies",
        "name": "drug_allergies",
        "hint": "Drugs the patient is allergic to.",
        "required": False,
        "widget": "list",
        "label_singular": "Drug allergy",
        "field": {"label": "Drug allergies", "name": "drug_allergies", "widget": "string"},
        "default": [],
    }


@pytest.mark.parametrize("case_dir", ["case_data", "cases"])
def test_the_collection_is_a_folder_per_case_with_figures_beside_it(case_dir: str) -> None:
    collection = cms_config(case_dir=case_dir)["collections"][0]
    assert collection["folder"] == case_dir
    assert collection["path"] == "{{slug}}/case"
    assert collection["media_folder"] == collection["public_folder"] == "figures"


def test_a_single_case_s_patient_history_and_diagnosis_stand_open() -> None:
    # Optional at the top level, where a case series has none, but every single case has them.
    found = fields()
    for path in ("patient", "history", "diagnosis"):
        assert (found[path]["required"], found[path]["collapsed"]) == (False, False), path
    assert found["patients"]["collapsed"] is True
