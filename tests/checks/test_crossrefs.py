"""Cross-reference errors: undefined, uncited and duplicate ids, with exact messages."""

from __future__ import annotations

from pathlib import Path

from ..support.cases import example_text, line_of, replace_once, variant_messages

F = "case_data/ppp-ad-baricitinib/case.yaml"


def test_mistyped_citation_names_the_reference_meant_and_nothing_more(tmp_path: Path) -> None:
    # The reference the typo was meant for is not also "never cited ... or remove it": that
    # would invite deleting a good reference.
    text = replace_once(example_text(), "[@koumaki2019]", "[@koumaki2020]")
    line = line_of(text, "discussion: |-")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:13: discussion: reference 'koumaki2020' is cited but not defined "
        "(did you mean 'koumaki2019'?)",
    ]


def test_unknown_citation_like_no_reference_leaves_the_uncited_one_reported(
    tmp_path: Path,
) -> None:
    text = replace_once(example_text(), "[@koumaki2019]", "[@zz]")
    line = line_of(text, "discussion: |-")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:13: discussion: reference 'zz' is cited but not defined "
        "(add it under references)",
        f"{F}:{line_of(text, '  - id: koumaki2019')}:9: references[4].id: reference "
        "'koumaki2019' is never cited (cite it in the text as [@koumaki2019], or remove it)",
    ]


def test_mistyped_figure_citation_names_the_figure_meant_and_nothing_more(
    tmp_path: Path,
) -> None:
    text = replace_once(example_text(), "    figures: [fig-followup]\n", "")
    text = replace_once(text, "(@fig-followup shows", "(@fig-folowup shows")
    line = line_of(text, "discussion: |-")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:13: discussion: figure 'fig-folowup' is cited but not defined "
        "(did you mean 'fig-followup'?)",
    ]


def test_figure_never_cited(tmp_path: Path) -> None:
    text = replace_once(example_text(), "    figures: [fig-followup]\n", "")
    text = replace_once(
        text, "(@fig-followup shows the renewed\n  clearance)", "(renewed clearance)"
    )
    line = line_of(text, "  - id: fig-followup\n")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:9: figures[2].id: figure 'fig-followup' "
        "is never cited (cite it in the text as @fig-followup, or remove it)"
    ]


def test_duplicate_reference_id(tmp_path: Path) -> None:
    text = replace_once(example_text(), "  - id: koumaki2019\n", "  - id: yamamoto2021\n")
    text = replace_once(text, "[@koumaki2019]", "[@yamamoto2021]")
    second = text[: text.rindex("  - id: yamamoto2021")].count("\n") + 1
    assert variant_messages(tmp_path, text) == [
        f"{F}:{second}:9: references[4].id: duplicate reference id 'yamamoto2021' "
        "(give each one its own id)"
    ]


def test_undefined_affiliation(tmp_path: Path) -> None:
    text = replace_once(
        example_text(), "    affiliations: [casebook]\n", "    affiliations: [casebok]\n"
    )
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line_of(text, '[casebok]')}:20: authors[0].affiliations[0]: affiliation "
        "'casebok' is not defined (did you mean 'casebook'?)"
    ]
