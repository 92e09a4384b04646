from __future__ import annotations

from pathlib import Path

from casebook.yaml_loader import Mark, dotted, load_yaml_file, load_yaml_text


def messages(text: str) -> list[str]:
    return [d.format() for d in load_yaml_text(text, display="c.yaml").diagnostics]


def test_positions_of_keys_and_values() -> None:
    loaded = load_yaml_text("a:\n  b: 1\n  c:\n    - x\n    - y\n", display="c.yaml")
    assert loaded.data == {"a": {"b": 1, "c": ["x", "y"]}}
    assert loaded.positions.values[("a", "b")] == Mark(2, 6)
    assert loaded.positions.keys[("a", "c")] == Mark(3, 3)
    assert loaded.positions.values[("a", "c", 1)] == Mark(5, 7)
    # A path that does not exist falls back to the nearest enclosing value.
    assert loaded.positions.of(("a", "c", 7, "z")) == Mark(4, 5)


def test_implicit_types_stay_as_typed() -> None:
    data = load_yaml_text(
        "a: no\nb: 0123\nc: 1:30\nd: 2024-03-01\ne: 4\nf: 0.8\ng: '4'\nh: true\ni: ~\nj: 1e3\n",
        display="c.yaml",
    ).data
    assert data == {
        "a": "no",
        "b": "0123",
        "c": "1:30",
        "d": "2024-03-01",
        "e": 4,
        "f": 0.8,
        "g": "4",
        "h": True,
        "i": None,
        "j": "1e3",
    }


def test_duplicate_key_is_an_error_naming_both_lines() -> None:
    assert messages("title: a\nother: 1\ntitle: b\n") == [
        "c.yaml:3:1: title: duplicate key 'title' (first at line 1) (keep one and delete the other)"
    ]


def test_alias_is_refused() -> None:
    assert messages("a: &x [1, 2]\nb: *x\n") == [
        "c.yaml:1:4: b: anchors and aliases are not allowed (write the value out in full)"
    ]


def test_merge_key_is_refused() -> None:
    result = messages("base: &b {x: 1}\nother:\n  <<: *b\n")
    assert (
        "c.yaml:3:3: other: merge keys ('<<') are not allowed (write the keys out in full)"
        in result
    )


def test_explicit_tag_is_refused() -> None:
    assert messages("a: !!python/name:os.system x\n") == [
        "c.yaml:1:4: a: explicit tag 'tag:yaml.org,2002:python/name:os.system' is not allowed"
        " (remove the tag)"
    ]


def test_tab_indentation() -> None:
    assert messages("a:\n\tb: 1\n") == [
        "c.yaml:2:1: YAML syntax error: tab character (indent with spaces, not tabs)"
    ]


def test_several_documents() -> None:
    assert messages("a: 1\n---\nb: 2\n") == [
        "c.yaml:2:1: YAML syntax error: the file holds more than one document"
        " (keep one document per case file; remove the extra '---')"
    ]


def test_non_utf8_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_bytes(b"a: 1\nb: caf\xe9\n")
    loaded = load_yaml_file(path, display="case.yaml")
    assert [d.format() for d in loaded.diagnostics] == [
        "case.yaml:2:1: file is not valid UTF-8 (save the file as UTF-8)"
    ]


def test_dotted_paths() -> None:
    assert dotted(("figures", 2, "stain")) == "figures[2].stain"
    assert dotted(()) == ""
