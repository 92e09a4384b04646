"""Problems found by the checks, by field path; loading gives them file positions, once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from casebook.errors import Diagnostic
from casebook.positions import Mark, Path_, Positions, dotted


@dataclass(frozen=True)
class Finding:
    """One problem with one value of an author's file, named by its field path: a check knows
    which field is wrong, and only loading knows where that field stands."""

    path: Path_
    message: str
    hint: str = ""
    severity: str = "error"
    at_key: bool = False
    """Point at the key rather than its value: the key itself should not be there."""
    excerpt: str = ""
    """The value's text from where the problem starts, for a problem inside a long text: the
    position is then where these words stand in the file, not where the value starts."""

    def under(self, prefix: Path_) -> Finding:
        """The same problem, for a value found at `prefix` (the check saw only the value)."""
        return replace(self, path=(*prefix, *self.path))


def to_diagnostics(
    findings: Iterable[Finding], *, display: str, positions: Positions | None, source: str = ""
) -> list[Diagnostic]:
    """Each finding at its line and column in `display`, whose text is `source`. Without
    positions (a mapping handed over without its file) the diagnostics name no line."""
    lines: list[str] | None = None
    out = []
    for finding in findings:
        mark = Mark(0, 0)
        if positions is not None:
            mark = positions.of(finding.path, key=finding.at_key)
            if finding.excerpt and source:
                lines = source.split("\n") if lines is None else lines
                mark = _locate(lines, mark, finding.excerpt)
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


def _locate(lines: list[str], value: Mark, excerpt: str) -> Mark:
    """Where `excerpt` stands in the file. Folded and quoted scalars are not the file's
    characters one for one, so find the words themselves, starting at the value."""
    words = excerpt.split()
    for needle in (excerpt.split("\n", 1)[0][:40].rstrip(), words[0] if words else ""):
        if not needle:
            continue
        for index in range(value.line - 1, min(len(lines), value.line + 200)):
            start = value.column - 1 if index == value.line - 1 else 0
            column = lines[index].find(needle, start)
            if column >= 0:
                return Mark(index + 1, column + 1)
    return value
