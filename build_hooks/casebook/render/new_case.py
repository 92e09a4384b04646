"""Start a new case folder from the template of its kind: case.yaml with every section of that
kind, and figures/.

A kind is one template file, templates/new/<kind>.yaml.j2: adding a file adds a kind to
`casebook new --kind`.
"""

from __future__ import annotations

import re
from pathlib import Path

from casebook.render.environment import TEMPLATES, environment

_CASE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_KIND_TEMPLATES = TEMPLATES / "new"
DEFAULT_KIND = "case-report"


class NewCaseError(Exception):
    """The case cannot be created; the message says why and what to do."""


def case_kinds() -> tuple[str, ...]:
    """The kinds `casebook new` offers, the default first."""
    kinds = sorted(p.name.removesuffix(".yaml.j2") for p in _KIND_TEMPLATES.glob("*.yaml.j2"))
    return (DEFAULT_KIND, *(k for k in kinds if k != DEFAULT_KIND))


def create_case(case_root: Path, case_id: str, *, kind: str = DEFAULT_KIND) -> Path:
    if not _CASE_ID.match(case_id):
        raise NewCaseError(
            f"'{case_id}' is not a valid case id: use lower-case letters, digits "
            "and hyphens, e.g. psoriasis-secukinumab"
        )
    if kind not in case_kinds():
        raise NewCaseError(f"unknown kind '{kind}': use one of {', '.join(case_kinds())}")
    folder = case_root / case_id
    if folder.exists():
        raise NewCaseError(f"{folder} already exists; choose another id")
    text = environment().get_template(f"new/{kind}.yaml.j2").render(case_id=case_id)
    (folder / "figures").mkdir(parents=True)
    (folder / "case.yaml").write_text(text, encoding="utf-8")
    return folder / "case.yaml"
