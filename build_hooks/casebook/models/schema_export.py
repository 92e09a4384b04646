"""Export the case model as JSON Schema for editors (VS Code's YAML extension reads it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from casebook.models.case import CaseFile

SCHEMA_ID = "https://casebook.example/schema/case.schema.json"


def case_schema() -> dict[str, Any]:
    schema = CaseFile.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def schema_text() -> str:
    return json.dumps(case_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def write_schema(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(schema_text(), encoding="utf-8")
    return path
