from __future__ import annotations

from casebook.models.numbering import Numbering
from casebook.render.citations import citation_html, resolve_tokens


def numbering() -> Numbering:
    n = Numbering()
    n.reference_order = ["a", "b", "c", "d", "e"]
    n.figure_numbers = {"fig-x": 1}
    n.panel_labels = {"fig-x-a": "1a", "fig-x-b": "1b"}
    return n


def test_ranges_collapse_and_numbers_sort() -> None:
    html = citation_html(["c", "a", "b", "e"], numbering())
    assert html == (
        '<sup class="cb-cite"><a href="#ref-a">1</a>&ndash;<a href="#ref-c">3</a>,'
        '<a href="#ref-e">5</a></sup>'
    )


def test_two_consecutive_numbers_are_not_a_range() -> None:
    assert citation_html(["a", "b"], numbering()) == (
        '<sup class="cb-cite"><a href="#ref-a">1</a>,<a href="#ref-b">2</a></sup>'
    )


def test_citation_attaches_to_the_preceding_word() -> None:
    assert resolve_tokens("shown before [@b].", numbering()) == (
        'shown before<sup class="cb-cite"><a href="#ref-b">2</a></sup>.'
    )


def test_figure_references() -> None:
    assert resolve_tokens("see @fig-x and [@fig-x-a; @fig-x-b]", numbering()) == (
        'see <a class="cb-xref" href="#fig-x">Figure 1</a> and '
        '(Figures <a class="cb-xref" href="#fig-x-a">1a</a>, '
        '<a class="cb-xref" href="#fig-x-b">1b</a>)'
    )


def test_citation_after_a_line_break_still_attaches() -> None:
    assert resolve_tokens("phase II\n[@a] trials", numbering()) == (
        'phase II<sup class="cb-cite"><a href="#ref-a">1</a></sup> trials'
    )
