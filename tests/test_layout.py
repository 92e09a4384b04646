"""The import graph of build_hooks/, read with ast: no cycles, one way down the pipeline."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .support.project import ROOT

BUILD_HOOKS = ROOT / "build_hooks"

# A stage may import the stages above it and its own modules, nothing below; stages on one
# line know nothing of each other. The first line holds the value types every stage shares.
STAGES = [
    {"shared"},
    {"source", "text"},
    {"models"},
    {"editor"},
    {"checks", "clinical"},
    {"article"},
    {"load"},
    {"render"},
    {"scholarly"},
    {"publish"},
    {"assemble"},
    # The facade (casebook.api) is what the adapter may use: one module it re-imports whole.
    {"cli", "api"},
    {"adapter"},
]
SHARED = {"errors", "findings", "positions"}
# The MkDocs adapter: the hook file MkDocs loads by path, and the package beside the core.
ADAPTER = {"hooks", "casebook_mkdocs"}
RANK = {stage: rank for rank, line in enumerate(STAGES) for stage in line}
ENGINES = {"mkdocs", "material", "watchdog"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(BUILD_HOOKS).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(BUILD_HOOKS.rglob("*.py"))}


@dataclass(frozen=True)
class Edge:
    importer: str
    line: int
    written: str
    """The module as the import statement names it."""
    runs: str
    """A module this import executes: the written one, or a package __init__ on the way."""

    def __str__(self) -> str:
        return f"{self.importer}:{self.line} imports {self.written}"


def stage(module: str) -> str:
    parts = module.split(".")
    if parts[0] in ADAPTER:
        return "adapter"
    if parts[0] != "casebook":
        return f"unknown top-level {parts[0]}"
    return "shared" if len(parts) == 1 or parts[1] in SHARED else parts[1]


def _written(node: ast.AST, importer: str) -> Iterator[tuple[int, str]]:
    """Every module an import statement names; TYPE_CHECKING and function-local ones too."""
    for item in ast.walk(node):
        if isinstance(item, ast.Import):
            yield from ((item.lineno, alias.name) for alias in item.names)
        elif isinstance(item, ast.ImportFrom):
            base = item.module or ""
            if item.level:
                # `from . import x` in a package's __init__ means the package itself.
                up = item.level - (MODULES[importer].name == "__init__.py")
                package = importer.rsplit(".", up)[0] if up else importer
                base = f"{package}.{base}" if base else package
            for alias in item.names:
                full = f"{base}.{alias.name}"
                yield item.lineno, full if full in MODULES else base
        elif (
            isinstance(item, ast.Call)
            and ast.unparse(item.func) == "importlib.import_module"
            and isinstance(item.args[0], ast.Constant)
        ):
            yield item.lineno, str(item.args[0].value)


def _prefixes(module: str) -> set[str]:
    parts = module.split(".")
    return {".".join(parts[:n]) for n in range(1, len(parts) + 1)}


def edges() -> list[Edge]:
    found = []
    for importer, path in MODULES.items():
        # The packages around a module have started running before it does; a name taken
        # from one of them, though, needs its __init__ to have finished.
        started = _prefixes(importer)
        for line, written in _written(ast.parse(path.read_text(encoding="utf-8")), importer):
            runs = (_prefixes(written) - {written} - started) | {written}
            found += [
                Edge(importer, line, written, m)
                for m in sorted(runs)
                if m in MODULES and m != importer
            ]
    return found


def cycles(graph: list[Edge]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    after: dict[str, set[str]] = {m: set() for m in MODULES}
    for edge in graph:
        after[edge.importer].add(edge.runs)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(after[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component: list[str] = []
            while not component or component[-1] != module:
                component.append(stack.pop())
            if len(component) > 1:
                found.append(sorted(component))

    for module in MODULES:
        if module not in index:
            visit(module)
    return found


def test_every_module_belongs_to_a_declared_stage() -> None:
    unknown = sorted(m for m in MODULES if stage(m) not in RANK)
    assert not unknown, "\n".join(unknown)


def test_no_import_cycle_anywhere_in_build_hooks() -> None:
    graph = edges()
    report = []
    for component in cycles(graph):
        inside = [str(e) for e in graph if e.importer in component and e.runs in component]
        report.append(" <-> ".join(component) + "\n    " + "\n    ".join(sorted(set(inside))))
    assert not report, "\n".join(report)


def test_imports_point_down_the_pipeline() -> None:
    wrong = [
        f"{edge} ({stage(edge.runs)} does not come before {stage(edge.importer)})"
        for edge in edges()
        if stage(edge.runs) != stage(edge.importer)
        and RANK[stage(edge.runs)] >= RANK[stage(edge.importer)]
    ]
    assert not wrong, "\n".join(wrong)


def test_other_stages_use_a_package_only_through_its_init() -> None:
    """A package's __init__ lists what other stages may use; its modules are its own."""
    wrong = [
        str(edge)
        for edge in edges()
        if edge.runs == edge.written
        and edge.written.count(".") >= 2
        and stage(edge.written) != stage(edge.importer)
    ]
    assert not wrong, "\n".join(wrong)


def test_the_core_never_imports_an_engine() -> None:
    wrong = [
        f"{importer}:{line} imports {written}"
        for importer, path in MODULES.items()
        if stage(importer) != "adapter"
        for line, written in _written(ast.parse(path.read_text(encoding="utf-8")), importer)
        if written.split(".")[0] in ENGINES
    ]
    assert not wrong, "\n".join(wrong)


def _runtime_imports(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """Imports that run when the module does: all but those under `if TYPE_CHECKING:`."""
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            pending.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level:
            yield node.lineno, node.module or ""
        pending.extend(ast.iter_child_nodes(node))


def test_the_adapter_reaches_the_core_only_through_its_loader() -> None:
    """The hooks re-import the core when its source changes; a core module the adapter imported
    itself would stay the copy from before the edit. So the adapter imports the core for types
    only, and only the facade; casebook_mkdocs.core imports the modules themselves."""
    adapter = {m: p for m, p in MODULES.items() if stage(m) == "adapter"}
    wrong = [
        f"{importer}:{line} imports {written} when it runs"
        for importer, path in adapter.items()
        for line, written in _runtime_imports(ast.parse(path.read_text(encoding="utf-8")))
        if written.split(".")[0] == "casebook"
    ]
    wrong += [
        f"{edge} (the adapter may use casebook.api only)"
        for edge in edges()
        if edge.importer in adapter
        and edge.runs == edge.written
        and stage(edge.written) != "adapter"
        and edge.written != "casebook.api"
    ]
    assert not wrong, "\n".join(wrong)
