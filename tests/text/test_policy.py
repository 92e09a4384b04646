"""Tests for casebook.text.policy: exact messages per refusal, quiet on clinical Markdown."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable

import pytest
from casebook.text.markdown_escape import escape_markdown_inline
from casebook.text.policy import MAX_ISSUES, PolicyIssue, check_author_markdown
from hypothesis import given, settings
from hypothesis import strategies as st

SCHEME_HINT = "links must start with https://, http:// or mailto:"
HTML_HINT = 'write Markdown instead; if you meant a less-than sign, put a space after "<"'


def found(text: str) -> list[tuple[int, str]]:
    return [(issue.start, issue.message) for issue in check_author_markdown(text)]


REFUSED: dict[str, tuple[str, list[tuple[int, str]]]] = {
    "script": (
        "<script>alert(1)</script>",
        [
            (0, "raw HTML tag <script> is not allowed"),
            (16, "raw HTML tag </script> is not allowed"),
        ],
    ),
    "unclosed script": ("x <script src=y", [(2, "raw HTML tag <script> is not allowed")]),
    "div with onclick": (
        'See <div onclick="steal()">this</div>.',
        [(4, "raw HTML tag <div> is not allowed"), (31, "raw HTML tag </div> is not allowed")],
    ),
    "iframe": ('<iframe src="https://e.example">', [(0, "raw HTML tag <iframe> is not allowed")]),
    "bold tag": (
        "very <b>red</b>",
        [(5, "raw HTML tag <b> is not allowed"), (11, "raw HTML tag </b> is not allowed")],
    ),
    "self-closing br": ("a<br/>b", [(1, "raw HTML tag <br> is not allowed")]),
    "less-than glued to a word": (
        "IgE <LLN and CRP >10",
        [(4, "raw HTML tag <LLN> is not allowed")],
    ),
    "tag across lines": ("<span\nclass=x>y", [(0, "raw HTML tag <span> is not allowed")]),
    "block tag with a stray less-than": ("<p <x@y>", [(0, "raw HTML tag <p> is not allowed")]),
    "html block inside a code span": (
        "`x\n<div>y`",
        [(3, "raw HTML tag <div> is not allowed")],
    ),
    "comment": ("a <!-- reviewer note --> b", [(2, "HTML comment <!-- ... --> is not allowed")]),
    "doctype": ("<!DOCTYPE html>", [(0, 'raw HTML markup "<!" is not allowed')]),
    "processing instruction": ("<?php echo 1; ?>", [(0, 'raw HTML markup "<?" is not allowed')]),
    "attr_list after paragraph": (
        "Text.\n{: .warning }",
        [(6, "attribute list {...} is not allowed")],
    ),
    "attr_list on heading": (
        "## Course { #course .x onclick=alert(1) }",
        [(10, "attribute list {...} is not allowed")],
    ),
    "attr_list id": ("word{#id}", [(4, "attribute list {...} is not allowed")]),
    "attr_list key=value": ("cell { data-x=1 }", [(5, "attribute list {...} is not allowed")]),
    "javascript link": (
        "[x](javascript:alert(1))",
        [(4, 'link URL scheme "javascript:" is not allowed')],
    ),
    "mixed-case javascript": (
        "[x](JaVaScRiPt:x)",
        [(4, 'link URL scheme "javascript:" is not allowed')],
    ),
    "entity-encoded javascript": (
        "[x](&#106;ava&#x73;cript&colon;alert(1))",
        [(4, 'link URL scheme "javascript:" is not allowed')],
    ),
    "data link": ("[x]( data:text/html,hi)", [(5, 'link URL scheme "data:" is not allowed')]),
    "vbscript link": ("[x](vbscript:msgbox)", [(4, 'link URL scheme "vbscript:" is not allowed')]),
    "file link": ("[x](file:///etc/passwd)", [(4, 'link URL scheme "file:" is not allowed')]),
    "angle-bracket destination": (
        "[x](<javascript:alert(1)>)",
        [(4, 'link URL scheme "javascript:" is not allowed')],
    ),
    "protocol-relative link": ("[x](//evil.example/)", [(4, 'link URL "//..." has no scheme')]),
    "entity-encoded protocol-relative link": (
        "[x](&#47;&#47;evil.example/)",
        [(4, 'link URL "//..." has no scheme')],
    ),
    "backslash in link": ("[x](/\\evil.example/)", [(4, "link URL has a backslash")]),
    "empty scheme": ("[x](:)", [(4, 'link URL scheme ":" is not allowed')]),
    "reference definition": (
        "[x][r]\n\n[r]: javascript:alert(1)",
        [(13, 'link URL scheme "javascript:" is not allowed')],
    ),
    "autolink with scheme": (
        "<javascript:alert(1)>",
        [(0, 'link URL scheme "javascript:" is not allowed')],
    ),
    "inline image": ("![rash](figures/rash.png)", [(0, "inline image ![...](...) is not allowed")]),
    "image with javascript": (
        "![x](javascript:alert(1))",
        [
            (0, "inline image ![...](...) is not allowed"),
            (5, 'link URL scheme "javascript:" is not allowed'),
        ],
    ),
    "snippet include": ('--8<-- "secrets.md"', [(1, 'file include "--8<--" is not allowed')]),
    "escaped snippet include": (';--8<-- "x.md"', [(2, 'file include "--8<--" is not allowed')]),
    "jinja statement": ("{% include 'x' %}", [(0, 'template syntax "{%" is not allowed')]),
    "jinja expression": ("Hello {{ patient.name }}", [(6, 'template syntax "{{" is not allowed')]),
    "markdown attribute": (
        '<div markdown="1">',
        [(0, "raw HTML tag <div> is not allowed"), (5, "markdown= attribute is not allowed")],
    ),
    "square bracket bomb": ("[" * 30, [(20, 'brackets "[" are nested more than 20 levels deep')]),
    "parenthesis bomb": (
        "(" * 30 + ")" * 30,
        [(20, 'brackets "(" are nested more than 20 levels deep')],
    ),
    "deep list": (
        "\n".join("    " * level + "- item" for level in range(9)),
        [(168, "list is nested more than 8 levels deep")],
    ),
    "list markers on one line": ("- " * 9 + "x", [(0, "list is nested more than 8 levels deep")]),
    "deep block quote": ("> " * 11 + "x", [(0, "block quote is nested more than 10 levels deep")]),
    "long line": (
        "ok\n" + "x" * 10_001,
        [(3, "line is 10001 characters long; the limit is 10000")],
    ),
    "long text": (
        "word " * 20_001,
        [(0, "text is 100005 characters long; the limit is 100000")],
    ),
}


@pytest.mark.parametrize(("text", "expected"), REFUSED.values(), ids=REFUSED.keys())
def test_refusals_have_exact_messages(text: str, expected: list[tuple[int, str]]) -> None:
    assert found(text) == expected


def test_hints_name_the_remedy() -> None:
    assert check_author_markdown("<b>x") == [
        PolicyIssue(0, "raw HTML tag <b> is not allowed", "write **bold** instead")
    ]
    assert check_author_markdown("x <LLN y>") == [
        PolicyIssue(2, "raw HTML tag <LLN> is not allowed", HTML_HINT)
    ]
    assert check_author_markdown("[a](data:x)") == [
        PolicyIssue(4, 'link URL scheme "data:" is not allowed', SCHEME_HINT)
    ]
    image_hint = "add the picture to the figures list and refer to it as @fig-<id>"
    assert check_author_markdown("<img src=x>")[0].hint == image_hint
    assert check_author_markdown("![a](b.png)")[0].hint == image_hint


CLINICAL = """\
A 34-year-old woman presented with *sterile pustules* on both palms for **six months**.
She had smoked 20 cigarettes/day (15 pack-years) and had no history of psoriasis [@yamamoto2021].

- IgE > 100 kU/L; eosinophils <5% and CRP < 0.5 mg/dL (p < 0.05)
- lesions <5 mm, some 5-10 mm (see @fig-clinical and @fig-histology-b)
    1. nested item with `inline code <b> {{ x }}` left alone
- contact: <editor@example.org> or [the journal](https://example.org/journal?id=1&x=2)

> Pustulosis palmaris et plantaris is chronic [@a; @b].

| Test | Result | Range |
|:-----|-------:|:-----:|
| IgE  | 250    | <100  |

Temperature 37.5 °C; H~2~O and 10^3^ cells; <https://doi.org/10.1000/182> [local](../other-case/)
and a footnote.[^1] Also {braces} and set {a, b}, a=b, 3 > 2, x<-y, and \\<not a tag.

[^1]: Footnote text.
[journal]: https://example.org/
"""


def test_ordinary_clinical_markdown_is_quiet() -> None:
    assert check_author_markdown(CLINICAL) == []


@pytest.mark.parametrize(
    "text",
    [
        "p < 0.05",
        "<5 mm",
        "IgE > 100",
        "a <= b, c << d, <-- arrow",
        "[@key]",
        "[@a; @b]",
        "@fig-x",
        "[PubMed](https://pubmed.ncbi.nlm.nih.gov/123/)",
        "[mail](mailto:editor@example.org)",
        "<a@b.example>",
        "\\{: .x} and \\![x](y) are escaped",
        "``code with `<b>` inside``",
        "[escaped](a\\_b.html)",
        "- - - - - - - - - - - -",
        "[a] " * 40,
        "(a)\n\n" * 40,
    ],
)
def test_ordinary_snippets_are_quiet(text: str) -> None:
    assert check_author_markdown(text) == []


@pytest.mark.parametrize("bomb", ["[", "(", "<a", "](", "{", "`", "<", "](<", "> "])
def test_nesting_bombs_return(bomb: str) -> None:
    # Huge texts stop at the size check; texts just under it run the full linear scan.
    assert found((bomb * 200_000)[:200_000]) == [
        (0, "text is 200000 characters long; the limit is 100000")
    ]
    assert check_author_markdown((bomb * 99_000)[:99_000])


def test_nesting_bomb_under_the_size_limit_is_reported() -> None:
    text = "\n".join(["(" * 9_000] * 11)
    assert found(text) == [(20, 'brackets "(" are nested more than 20 levels deep')]


def test_issue_list_is_capped() -> None:
    issues = check_author_markdown("<b>" * 100)
    assert len(issues) == MAX_ISSUES + 1
    assert issues[-1] == PolicyIssue(
        MAX_ISSUES * 3,
        f"more than {MAX_ISSUES} issues; only the first {MAX_ISSUES} are shown",
        "fix these and check again",
    )


ESCAPES = {
    "plain": ("Palmoplantar pustulosis", "Palmoplantar pustulosis"),
    "emphasis and code": ("*a* _b_ `c`", "\\*a\\* \\_b\\_ \\`c\\`"),
    "link syntax": ("[x](y)", "&#91;x&#93;&#40;y&#41;"),
    "table cell": ("a | b", "a &#124; b"),
    "html": ("<b> & </b>", "&lt;b\\> &amp; &lt;/b\\>"),
    "block starts": ("# 1. - + > x", "\\# 1\\. \\- \\+ \\> x"),
    "citation and figure syntax": ("[@a] @fig-x", "&#91;&#64;a&#93; &#64;fig\\-x"),
    "pymdownx syntax": (
        "~x~ ^y^ ==z== $m$",
        "&#126;x&#126; &#94;y&#94; &#61;&#61;z&#61;&#61; &#36;m&#36;",
    ),
    "attr_list and templates": ("{: .x} {{ y }}", "\\{: \\.x\\} \\{\\{ y \\}\\}"),
    "newlines and tabs": ("  line one\r\nline\ttwo\n", "line one line two"),
    "backslash": ("a\\b", "a\\\\b"),
    "non-breaking space kept": ("5\u00a0mm", "5\u00a0mm"),
}


@pytest.mark.parametrize(("text", "expected"), ESCAPES.values(), ids=ESCAPES.keys())
def test_escape_markdown_inline(text: str, expected: str) -> None:
    assert escape_markdown_inline(text) == expected


_EXTENSIONS = [
    "tables", "attr_list", "md_in_html", "footnotes", "admonition", "toc", "abbr", "def_list",
    "pymdownx.superfences", "pymdownx.caret", "pymdownx.tilde", "pymdownx.mark",
    "pymdownx.arithmatex", "pymdownx.keys", "pymdownx.betterem",
]  # fmt: skip
_PIECES = [
    *"\\`*_{}[]()#+-.!|<>&@~^=:$\"' \t\nab1ä", "\u00a0", "\r\n", "\\(", "\\[", "$x$", "++ctrl++",
    "&amp;", "&#64;", "@fig-x", "[@a]", "--8<--", "{: .x}", "https://x.y", "<b>", "1. ", "- ",
    "# ", "    ", "  \n", "==", "^^", "~~", "[x](y)", "![x](y)", "{{ y }}", "<!-- c -->",
]  # fmt: skip


@functools.cache
def _render() -> Callable[[str], str]:
    # One converter for all examples: building Python-Markdown with extensions is the slow part.
    markdown = pytest.importorskip("markdown")
    pytest.importorskip("pymdownx")
    converter = markdown.Markdown(extensions=_EXTENSIONS)
    return lambda text: str(converter.reset().convert(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=25).map("".join))
def test_escaped_text_renders_literally(text: str) -> None:
    render = _render()
    expected = " ".join(text.splitlines()).replace("\t", " ").strip()
    escaped = escape_markdown_inline(text)
    paragraph = render(escaped)
    table = render(f"| h |\n|---|\n| {escaped} |")
    if not expected:
        return
    shown = re.fullmatch(r"<p>([^<]*)</p>", paragraph)
    cell = re.search(r"<td>([^<]*)</td>", table)
    assert shown is not None, paragraph
    assert cell is not None, table
    assert html.unescape(shown.group(1)).strip() == expected
    assert html.unescape(cell.group(1)).strip() == expected
