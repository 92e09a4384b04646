from __future__ import annotations

from pathlib import Path

from ..support.cases import example_text, load_variant, replace_once


def test_example_numbers_follow_first_mention(tmp_path: Path) -> None:
    article, _ = load_variant(tmp_path, example_text())
    assert article is not None
    n = article.numbering
    # Figure 2 (the scores chart) is first cited at the resumed 2 mg step, as in the source.
    assert n.figure_numbers == {"fig-clinical": 1, "fig-scores": 2, "fig-followup": 3}
    assert n.panel_labels == {
        "fig-clinical-back": "1a",
        "fig-clinical-soles": "1b",
        "fig-histology-back": "1c",
        "fig-histology-sole": "1d",
        "fig-followup-trunk": "3a",
        "fig-followup-soles": "3b",
    }
    assert n.reference_order == [
        "yamamoto2021",
        "guttman2019",
        "simpson2020",
        "silverberg2021",
        "koumaki2019",
    ]


def test_mentioning_a_later_figure_first_renumbers(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        "  - site: Face\n    description: Scattered swollen red papules\n",
        "  - site: Face\n    description: Scattered swollen red papules\n"
        "    figures: [fig-followup-trunk]\n",
    )
    article, _ = load_variant(tmp_path, text)
    assert article is not None
    assert article.numbering.figure_numbers == {
        "fig-followup": 1,
        "fig-clinical": 2,
        "fig-scores": 3,
    }
    assert [f.id for f in article.figures] == ["fig-followup", "fig-clinical", "fig-scores"]
