"""What the `casebook new` template wrote and the author left: an error once published, a
warning in a draft; each with its line and column."""

from __future__ import annotations

from pathlib import Path

from ..support.cases import example_text, line_of, load_variant, replace_once, variant_messages

F = "case_data/ppp-ad-baricitinib/case.yaml"
HINT_TEXT = "(write the case's own text in place of the TODO)"
HINT_VALUE = "(write the case's own value, then delete the '# TODO' comment)"


def test_text_with_a_todo_in_a_published_case_is_an_error(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        "    - description: Itchy redness spread over much of the body\n",
        "    - description: Itchy redness, TODO which sites\n",
    )
    line = line_of(text, "Itchy redness, TODO")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:35: history.presenting_complaints[0].description: template text left in: "
        f"'Itchy redness, TODO which sites' {HINT_TEXT}"
    ]


def test_a_todo_in_a_list(tmp_path: Path) -> None:
    text = replace_once(example_text(), "  keywords:\n", "  keywords:\n    - TODO keyword\n")
    line = line_of(text, "    - TODO keyword")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:7: publication.keywords[0]: template text left in: 'TODO keyword' {HINT_TEXT}"
    ]


def test_a_long_text_is_shown_by_its_first_line_and_placed_at_the_todo(tmp_path: Path) -> None:
    old = "discussion: |-\n"
    assert old in example_text()
    text = replace_once(
        example_text(),
        old,
        old + "  TODO the discussion; cite sources and figures as the authors' guide shows, and"
        " more words than fit.\n",
    )
    line = line_of(text, "  TODO the discussion")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:3: discussion: template text left in: 'TODO the discussion; cite sources "
        f"and figures as the …' {HINT_TEXT}"
    ]


def test_a_value_the_template_marked_todo_is_an_error_until_the_comment_goes(
    tmp_path: Path,
) -> None:
    text = replace_once(example_text(), "  age: 20\n", "  age: 20  # TODO whole years\n")
    line = line_of(text, "  age: 20  # TODO")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:8: patient.age: the template's value 20 is still marked '# TODO' {HINT_VALUE}"
    ]
    text = replace_once(
        example_text(), "      duration: 5 years\n", "      duration: 5 years  # TODO\n"
    )
    line = line_of(text, "duration: 5 years  # TODO")
    assert variant_messages(tmp_path / "text", text) == [
        f"{F}:{line}:17: history.presenting_complaints[0].duration: the template's value "
        f"'5 years' is still marked '# TODO' {HINT_VALUE}"
    ]


def test_a_section_the_template_marked_todo_points_at_its_key(tmp_path: Path) -> None:
    text = replace_once(example_text(), "\nhistory:\n", "\nhistory:  # TODO check each\n")
    line = line_of(text, "history:  # TODO")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:1: history: the template's values here are still marked '# TODO' "
        "(check each value against the source, then delete the '# TODO' comment)"
    ]


def test_todo_in_a_comment_of_its_own_or_inside_text_is_not_a_mark(tmp_path: Path) -> None:
    # A comment on a line of its own is the author's; '#' inside quotes is part of the text,
    # and a plain 'todo' is an ordinary word.
    text = replace_once(example_text(), "\nhistory:\n", "\n# TODO later: more history\nhistory:\n")
    text = replace_once(text, "  sex: male\n", "  sex: male  # the patient's todo list\n")
    article, diagnostics = load_variant(tmp_path, text)
    assert article is not None and diagnostics == []


def test_in_a_draft_every_leftover_is_a_warning(tmp_path: Path) -> None:
    text = replace_once(example_text(), "  status: published", "  status: draft")
    text = replace_once(text, "  age: 20\n", "  age: 20  # TODO\n")
    text = replace_once(text, "  keywords:\n", "  keywords:\n    - TODO keyword\n")
    article, diagnostics = load_variant(tmp_path, text)
    assert article is not None
    assert [d.format() for d in diagnostics] == [
        f"{F}:{line_of(text, '- TODO keyword')}:7: warning: publication.keywords[0]: template "
        f"text left in: 'TODO keyword' {HINT_TEXT}",
        f"{F}:{line_of(text, 'age: 20')}:8: warning: patient.age: the template's value 20 is "
        f"still marked '# TODO' {HINT_VALUE}",
    ]


def test_leftovers_wait_for_the_schema_as_every_later_check_does(tmp_path: Path) -> None:
    text = replace_once(example_text(), "  sex: male\n", "  sex: mael\n")
    text = replace_once(text, "  age: 20\n", "  age: 20  # TODO\n")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, 'sex: mael')}:8: patient.sex: unknown value 'mael' (did you mean "
        "'male'?)",
    ]
