"""Problems found by the clinical checks, by field path; loading gives them file positions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from casebook.errors import Diagnostic
from casebook.positions import Path_, Positions, dotted


@dataclass(frozen=True)
class Finding:
    path: Path_
    message: str
    hint: str = ""
    severity: str = "error"


def to_diagnostics(
    findings: Iterable[Finding], *, positions: Positions, display: str
) -> list[Diagnostic]:
    out = []
    for finding in findings:
        mark = positions.of(finding.path)
        out.append(
            Diagnostic(
                display,
                mark.line,
                mark.column,
                dotted(finding.path),
                finding.message,
                finding.hint,
                finding.severity,
            )
        )
    return out
