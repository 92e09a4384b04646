"""Field paths in an author's file and the line and column where each value stands."""

from __future__ import annotations

from dataclasses import dataclass, field

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Mark:
    line: int
    column: int


@dataclass
class Positions:
    """Where each value (and each mapping key) of a loaded document stands in its file."""

    values: dict[Path_, Mark] = field(default_factory=dict)
    keys: dict[Path_, Mark] = field(default_factory=dict)

    def of(self, path: Path_, *, key: bool = False) -> Mark:
        """Position of `path`, falling back to the nearest enclosing value that exists."""
        probe = tuple(path)
        if key and probe in self.keys:
            return self.keys[probe]
        while probe:
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), Mark(1, 1))


def dotted(path: Path_) -> str:
    """`('figures', 2, 'stain')` -> `figures[2].stain`, the form authors see in errors."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out
