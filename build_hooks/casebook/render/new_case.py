"""Start a new case folder from the template: case.yaml with every section, and figures/."""

from __future__ import annotations

import re
from pathlib import Path

from casebook.render.environment import environment

_CASE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


class NewCaseError(Exception):
    """The case cannot be created; the message says why and what to do."""


def create_case(case_root: Path, case_id: str) -> Path:
    if not _CASE_ID.match(case_id):
        raise NewCaseError(
            f"'{case_id}' is not a valid case id: use lower-case letters, digits "
            "and hyphens, e.g. psoriasis-secukinumab"
        )
    folder = case_root / case_id
    if folder.exists():
        raise NewCaseError(f"{folder} already exists; choose another id")
    text = environment().get_template("new_case.yaml.j2").render(case_id=case_id)
    (folder / "figures").mkdir(parents=True)
    (folder / "case.yaml").write_text(text, encoding="utf-8")
    return folder / "case.yaml"
