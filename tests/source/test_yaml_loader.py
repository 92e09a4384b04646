from __future__ import annotations

from pathlib import Path

from casebook.positions import Mark, dotted
from casebook.source.yaml_loader import load_yaml_file, load_yaml_text


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


def test_anchor_and_alias_are_refused_where_they_stand() -> None:
    assert messages("a: &x [1, 2]\nb: *x\n") == [
        "c.yaml:1:4: anchor '&x' is not allowed (write the value out in full; if '&' starts the "
        "text, put the whole value in quotes)",
        "c.yaml:2:4: alias '*x' is not allowed (write the value out in full; if '*' starts the "
        "text, put the whole value in quotes)",
    ]


def test_alias_bomb_is_not_expanded() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    loaded = load_yaml_text("\n".join(lines) + "\n", display="c.yaml")
    assert loaded.data is None
    assert len(loaded.diagnostics) == 9 + 8 * 9


def test_merge_key_is_refused() -> None:
    result = messages("base: &b {x: 1}\nother:\n  <<: *b\n")
    assert (
        "c.yaml:3:3: other: merge keys ('<<') are not allowed (write the keys out in full)"
        in result
    )


def test_explicit_tag_is_refused() -> None:
    assert messages("a: !!python/name:os.system x\n") == [
        "c.yaml:1:4: a: explicit tag 'tag:yaml.org,2002:python/name:os.system' is not allowed"
        " (remove the tag; if '!' starts the text, put the whole value in quotes)"
    ]


def test_tab_indentation() -> None:
    assert messages("a:\n\tb: 1\n") == [
        "c.yaml:2:1: YAML syntax error: tab character (indent with spaces, not tabs)"
    ]


def test_a_list_items_line_indented_out_of_line_is_said_in_words() -> None:
    text = "history:\n  complaints:\n    - description: itch\n     duration: 1 week\n"
    assert messages(text) == [
        "c.yaml:4:6: YAML syntax error: this line is indented differently from the item above; "
        "list items start with '- ' (indent it as far as the line above, or start a new item "
        "with '- ')"
    ]


def test_a_key_indented_out_of_line_is_said_in_words() -> None:
    assert messages("patient:\n  age: 40\n sex: male\n") == [
        "c.yaml:3:2: YAML syntax error: this line is indented differently from the lines above "
        "it (line each key up under the other keys of its section, with spaces)"
    ]
    # Not an indentation: text after a closing quote keeps libyaml's words.
    assert messages('a: "x" y\n') == [
        "c.yaml:1:8: YAML syntax error: did not find expected key (check indentation, and "
        "quote values that contain ': ' or start with a symbol)"
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


def test_text_after_space_hash_is_not_silently_cut() -> None:
    assert messages("a: lesion #3 on the back\nb: kept  # a real comment\n") == [
        "c.yaml:1:11: text after ' #' is dropped as a comment: '#3 on the back' (put the whole "
        "value in quotes; for a real comment leave two spaces before '#')"
    ]


def test_bidirectional_override_and_control_characters() -> None:
    assert messages("a: safe\u202eevil\nb: x\u0007y\n") == [
        "c.yaml:1:8: invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) (delete it: it can "
        "make text display differently from what it says)",
        "c.yaml:2:5: invisible character U+0007 (control character) (delete it: it can make "
        "text display differently from what it says)",
    ]


def test_unquoted_values_that_yaml_misreads() -> None:
    assert messages("a: @home\n") == [
        "c.yaml:1:4: YAML syntax error: a value cannot start with '@' (put the whole value in "
        "quotes)"
    ]
    assert messages("a: *starred\n") == [
        "c.yaml:1:4: YAML syntax error: a value starting with '*' is read as an alias (put the "
        "whole value in quotes)"
    ]
    assert messages("a: ratio: 2\n") == [
        "c.yaml:1:9: YAML syntax error: ': ' inside an unquoted value, or a key out of line "
        "(put a value that contains ': ' in quotes, or line the key up with the keys above)"
    ]


def test_deep_nesting_is_refused_before_parsing() -> None:
    # libyaml's composer recurses per level: 100,000 brackets would crash the process.
    assert messages("a: " + "[" * 100_000 + "]" * 100_000 + "\n") == [
        "c.yaml:1:28: nested more than 24 levels deep (a case file needs far fewer levels; "
        "check brackets and indentation)"
    ]


def test_brackets_inside_quotes_do_not_count_as_nesting() -> None:
    assert messages("a: '" + "[" * 40 + "'\n") == []


def test_oversized_file() -> None:
    assert messages("a: '" + "x" * 1_000_001 + "'\n") == [
        "c.yaml:1:1: file is larger than 1000 kB (a case file holds text only; keep images in "
        "figures/)"
    ]


def test_unquoted_ampersand_and_bang_values() -> None:
    assert messages("a: &note hello\n") == [
        "c.yaml:1:4: anchor '&note' is not allowed (write the value out in full; if '&' starts "
        "the text, put the whole value in quotes)"
    ]
    assert messages("a: !important finding\n") == [
        "c.yaml:1:4: a: explicit tag '!important' is not allowed (remove the tag; if '!' starts "
        "the text, put the whole value in quotes)"
    ]
