"""Property-based tests: random and mutated case files get a clear error or load; never a crash."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from casebook.errors import Diagnostic
from casebook.load import load_case
from casebook.source.yaml_loader import load_yaml_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .support.cases import EXAMPLE, example_text

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LINES = example_text().split("\n")


def load_text(text: str) -> tuple[object, list[Diagnostic]]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "case_data" / "ppp-ad-baricitinib"
        shutil.copytree(EXAMPLE / "figures", folder / "figures")
        (folder / "case.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        return load_case(folder, project_root=Path(tmp))


def assert_clear(article: object, diagnostics: list[Diagnostic]) -> None:
    assert (article is None) == bool([d for d in diagnostics if d.severity == "error"])
    for d in diagnostics:
        assert d.line >= 1 and d.column >= 1
        assert d.message and "Traceback" not in d.message
        assert d.format().startswith("case_data/ppp-ad-baricitinib/case.yaml:")


@SETTINGS
@given(st.text(max_size=2000))
def test_arbitrary_text_never_crashes_the_yaml_loader(text: str) -> None:
    loaded = load_yaml_text(text, display="c.yaml")
    for d in loaded.diagnostics:
        assert d.line >= 1 and d.column >= 1 and d.message


mutation = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, len(LINES) - 1), st.just("")),
    st.tuples(st.just("duplicate"), st.integers(0, len(LINES) - 1), st.just("")),
    st.tuples(st.just("insert"), st.integers(0, len(LINES) - 1), st.text(max_size=40)),
    st.tuples(
        st.just("replace-value"),
        st.integers(0, len(LINES) - 1),
        st.sampled_from(
            [
                "no",
                "0123",
                "1:30",
                "2024-03-01",
                "-4",
                "",
                "~",
                "[]",
                "{}",
                "'x'",
                "@x",
                "*x",
                "&x y",
                "!x y",
                "a: b",
                "90",
                "1e3",
                "true",
                "null",
            ]
        ),
    ),
)


def mutate(lines: list[str], op: str, index: int, payload: str) -> list[str]:
    out = list(lines)
    if op == "delete":
        del out[index]
    elif op == "duplicate":
        out.insert(index, out[index])
    elif op == "insert":
        out.insert(index, payload)
    elif ": " in out[index]:
        key = out[index].split(": ", 1)[0]
        out[index] = f"{key}: {payload}"
    return out


@SETTINGS
@given(st.lists(mutation, min_size=1, max_size=4))
def test_mutated_example_gets_a_clear_error_or_loads(mutations: list[tuple[str, int, str]]) -> None:
    lines = LINES
    for op, index, payload in mutations:
        lines = mutate(lines, op, min(index, len(lines) - 1), payload)
    assert_clear(*load_text("\n".join(lines)))


yaml_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=30,
)


@SETTINGS
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "publication",
                "patient",
                "history",
                "figures",
                "references",
                "treatment",
                "extra",
                "consent",
            ]
        ),
        yaml_values,
        max_size=6,
    )
)
def test_random_structures_get_a_clear_error(data: dict[str, Any]) -> None:
    assert_clear(*load_text(yaml.safe_dump(data, allow_unicode=True)))
