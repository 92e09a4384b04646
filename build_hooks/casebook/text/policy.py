"""Check an author's Markdown against the Casebook subset before it is rendered.

Allowed: paragraphs, *emphasis*, **strong**, `code`, lists (8 levels), block quotes (10 levels),
tables, links to http, https, mailto or relative pages, citations [@key] and [@a; @b], figure
references @fig-x; super- and subscripts as Unicode characters (10⁹/L, CO₂). Refused, so nothing
is stripped silently later: raw HTML and comments, attribute lists, inline images (figures go in
the figures list), other URL schemes, snippet includes, Jinja-looking syntax (printed, never
evaluated), markdown=, and what makes Python-Markdown slow: deep nesting, huge lines or texts.
Code spans are skipped (not HTML opening a line). The scan is linear: one pass, with look-aheads
that never overlap.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict, deque
from dataclasses import dataclass, replace

from casebook.text.markdown_escape import ESCAPABLE as _ESCAPABLE

MAX_TEXT_CHARS = 100_000
MAX_LINE_CHARS = 10_000
MAX_BRACKET_DEPTH = 20
MAX_LIST_DEPTH = 8
MAX_QUOTE_DEPTH = 10
MAX_ISSUES = 50

_ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})

# Character-class runs and short fixed sequences: no nested repetition, so matching is linear.
_SPACES = re.compile(r"[ \t]*")
_WHITESPACE = re.compile(r"\s*")
_LINE_PREFIX = re.compile(r"[ \t>]*")
_NAME = re.compile(r"[A-Za-z0-9_-]*")
_DIGITS = re.compile(r"[0-9]*")
_BACKTICKS = re.compile(r"`*")
_NO_CODE = re.compile(r"[^\\`\n]*")
_PLAIN = re.compile(r"[^\\`<{!\[\]()=\n]*")  # text the inline check can skip over
_LINE_START_TAG = re.compile(r"\n[ \t]*<")
_TAG_BODY = re.compile(r"[^<>\n]*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*(?:\n|\Z)")  # backtracks over one run of spaces
_URL_HEAD = re.compile(r"[^/?#]*")
_BACKSLASH_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!|])")
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_URL = re.compile(r"[^()<>\"']*")  # stopping at "(" keeps look-aheads disjoint
# Refused even without a closing ">": Python-Markdown's block-level elements (its HTML block
# parser reads "<p <x>" as a tag) and elements that are dangerous anywhere.
_ALWAYS_HTML = frozenset({
    "address", "article", "aside", "blockquote", "body", "canvas", "center", "colgroup", "dd",
    "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "group",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "iframe", "legend",
    "li", "main", "map", "math", "menu", "nav", "noscript", "object", "ol", "option", "output",
    "p", "pre", "progress", "script", "section", "style", "summary", "table", "tbody", "td",
    "textarea", "tfoot", "th", "thead", "tr", "ul", "video",
    "embed", "svg", "img", "input", "meta", "link", "base",
})  # fmt: skip
_GENERIC_HTML_HINT = 'write Markdown instead; if you meant a less-than sign, put a space after "<"'
_TAG_HINTS = {
    **dict.fromkeys(["b", "strong"], "write **bold** instead"),
    **dict.fromkeys(["i", "em"], "write *italic* instead"),
    **dict.fromkeys(["sup", "sub"], "type the character itself, for example ², ⁹ or ₂"),
    **dict.fromkeys(["br", "p"], "separate paragraphs with a blank line instead"),
    "a": "write [text](https://...) instead",
    "img": "add the picture to the figures list and refer to it as @fig-<id>",
    **dict.fromkeys(["ul", "ol", "li"], 'write a Markdown list ("- item") instead'),
    **dict.fromkeys(["table", "tr", "th", "td"], "write a Markdown table instead"),
}  # fmt: skip
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_SCHEME_HINT = "links must start with https://, http:// or mailto:"


@dataclass(frozen=True)
class PolicyIssue:
    """One refusal: ``start`` is the offset in the checked text."""

    start: int
    message: str
    hint: str


def check_author_markdown(text: str) -> list[PolicyIssue]:
    """Return every policy issue in ``text``, ordered by offset; empty when it may be rendered."""
    if len(text) > MAX_TEXT_CHARS:
        message = f"text is {len(text)} characters long; the limit is {MAX_TEXT_CHARS}"
        return [PolicyIssue(0, message, "shorten it or split it across sections")]
    issues = [*_check_lines(text), *_check_inline(text)]
    for match in re.finditer("-8<-", text):
        hint = "paste the text itself; case text cannot include files"
        issues.append(PolicyIssue(match.start(), 'file include "--8<--" is not allowed', hint))
    # An angle-bracket link destination is reported by both the link and the "<" check.
    issues = sorted(dict.fromkeys(issues), key=lambda issue: issue.start)
    if len(issues) > MAX_ISSUES:
        message = f"more than {MAX_ISSUES} issues; only the first {MAX_ISSUES} are shown"
        hint = "fix these and check again"
        issues[MAX_ISSUES:] = [PolicyIssue(issues[MAX_ISSUES].start, message, hint)]
    return issues


def _run_end(text: str, start: int, *, pattern: re.Pattern[str]) -> int:
    """End of the run that ``pattern``, a starred character class, matches at ``start``."""
    match = pattern.match(text, start)
    return match.end() if match else start


def _check_lines(text: str) -> list[PolicyIssue]:
    issues: list[PolicyIssue] = []
    first_deep: dict[str, PolicyIssue] = {}  # one report per kind is enough for nesting
    offset = 0
    for line in text.split("\n"):
        if len(line) > MAX_LINE_CHARS:
            message = f"line is {len(line)} characters long; the limit is {MAX_LINE_CHARS}"
            issues.append(PolicyIssue(offset, message, "break it into shorter paragraphs"))
        if line.count(">", 0, _run_end(line, 0, pattern=_LINE_PREFIX)) > MAX_QUOTE_DEPTH:
            message = f"block quote is nested more than {MAX_QUOTE_DEPTH} levels deep"
            first_deep.setdefault("quote", PolicyIssue(offset, message, 'use fewer ">" markers'))
        if _list_depth(line) > MAX_LIST_DEPTH:
            message = f"list is nested more than {MAX_LIST_DEPTH} levels deep"
            first_deep.setdefault("list", PolicyIssue(offset, message, "flatten the list"))
        issues.extend(_check_reference_definition(line, offset))
        offset += len(line) + 1
    return issues + list(first_deep.values())


def _list_depth(line: str) -> int:
    """Nesting a list line would open: four columns of indent per level, plus "- - x" runs."""
    if set(line.strip(" \t>")) in ({"-", " "}, {"*", " "}, {"_", " "}):
        return 0  # a horizontal rule such as "- - - -"
    position = _run_end(line, 0, pattern=_LINE_PREFIX)
    indent = line[:position].rpartition(">")[2].expandtabs(4)
    columns, markers = len(indent), 0
    while position < len(line):
        digits_end = _run_end(line, position, pattern=_DIGITS)
        if digits_end > position:
            marker_end = digits_end + 1 if line[digits_end : digits_end + 1] == "." else position
        else:
            marker_end = position + (line[position] in "-*+")
        if marker_end == position or line[marker_end : marker_end + 1] not in (" ", "\t"):
            break
        markers += 1
        position = _run_end(line, marker_end, pattern=_SPACES)
    return columns // 4 + markers if markers else 0


def _check_reference_definition(line: str, offset: int) -> list[PolicyIssue]:
    """Check the URL of a "[label]: url" line; footnotes and citations are not links."""
    stripped = line.lstrip(" ")
    if len(line) - len(stripped) > 3 or not stripped.startswith("[") or stripped[1:2] in "^@":
        return []
    close = stripped.find("]:")
    if close == -1 or "]" in stripped[:close]:
        return []
    # A definition ends with its line, so the URL is looked for in the line alone.
    found = _check_url(line, len(line) - len(stripped) + close + 2)
    return [replace(issue, start=issue.start + offset) for issue in found]


def _check_url(text: str, index: int) -> list[PolicyIssue]:
    """Check the link destination starting at ``index`` (after "(" or "]:")."""
    index = _run_end(text, index, pattern=_WHITESPACE)
    start = index + (text[index : index + 1] == "<")
    # Browsers decode entities, drop tabs and newlines and skip leading control characters;
    # Python-Markdown removes backslash escapes. The sanitiser drops whatever is left here.
    url = _BACKSLASH_ESCAPE.sub(r"\1", text[start : _run_end(text, start, pattern=_URL)])
    url = _TAB_OR_NEWLINE.sub("", html.unescape(url)).lstrip(_C0_AND_SPACE)
    if url.startswith("//") or "\\" in url:
        message = "link URL has a backslash" if "\\" in url else 'link URL "//..." has no scheme'
        return [PolicyIssue(index, message, "write the full address, starting with https://")]
    return _check_scheme(url, index)


def _check_scheme(url: str, index: int) -> list[PolicyIssue]:
    head = url[: _run_end(url, 0, pattern=_URL_HEAD)]
    scheme = head.partition(":")[0].lower()
    if ":" not in head or scheme in _ALLOWED_SCHEMES:
        return []
    return [PolicyIssue(index, f'link URL scheme "{scheme}:" is not allowed', _SCHEME_HINT)]


def _code_spans(text: str) -> dict[int, int]:
    """Map each code span's opening backtick offset to the offset just after the span."""
    runs: list[tuple[int, int, int]] = []  # start, length, paragraph
    paragraph, index = 0, _run_end(text, 0, pattern=_NO_CODE)
    while index < len(text):
        char = text[index]
        if char == "\\" and text[index + 1 : index + 2] in _ESCAPABLE:
            index += 2
            continue
        if char == "`":
            end = _run_end(text, index, pattern=_BACKTICKS)
            runs.append((index, end - index, paragraph))
            index = end
            continue
        paragraph += _PARAGRAPH_BREAK.match(text, index) is not None
        index = _run_end(text, index + 1, pattern=_NO_CODE)
    # A run closes at the next run of the same length in the same paragraph. One queue per
    # (length, paragraph), each entry popped once, keeps this linear.
    queues: defaultdict[tuple[int, int], deque[int]] = defaultdict(deque)
    for number, (_, length, para) in enumerate(runs):
        queues[length, para].append(number)
    spans: dict[int, int] = {}
    cursor = 0
    for number, (start, length, para) in enumerate(runs):
        queue = queues[length, para]
        while queue and queue[0] <= number:
            queue.popleft()
        if start >= cursor and queue:
            close_start, close_length, _ = runs[queue.popleft()]
            cursor = spans[start] = close_start + close_length
    return spans


def _check_inline(text: str) -> list[PolicyIssue]:
    spans = _code_spans(text)
    issues: list[PolicyIssue] = []
    depth = {"[": 0, "(": 0}
    reported: set[str] = set()
    index = _run_end(text, 0, pattern=_PLAIN)
    while index < len(text):
        char = text[index]
        following = text[index + 1 : index + 2]
        if char == "\\" and following in _ESCAPABLE:
            index += 2
            continue
        if char == "`" and index in spans:
            # Python-Markdown reads HTML blocks before code spans: a tag opening a line counts.
            for match in _LINE_START_TAG.finditer(text, index, spans[index]):
                issues.extend(_check_angle(text, match.end() - 1))
            index = spans[index]
            continue
        if char == "<":
            issues.extend(_check_angle(text, index))
        elif char == "{":
            issues.extend(_check_brace(text, index))
        elif char == "!" and following == "[":
            hint = "add the picture to the figures list and refer to it as @fig-<id>"
            issues.append(PolicyIssue(index, "inline image ![...](...) is not allowed", hint))
        elif char == "]" and following == "(":
            issues.extend(_check_url(text, index + 2))
        elif char == "=" and text[max(0, index - 8) : index].lower() == "markdown":
            hint = "raw HTML is not supported; write the content as plain Markdown"
            issues.append(PolicyIssue(index - 8, "markdown= attribute is not allowed", hint))
        if char in depth:
            depth[char] += 1
            if depth[char] > MAX_BRACKET_DEPTH and char not in reported:
                reported.add(char)
                message = f'brackets "{char}" are nested more than {MAX_BRACKET_DEPTH} levels deep'
                hint = "simplify the text; deep nesting makes the Markdown converter slow"
                issues.append(PolicyIssue(index, message, hint))
        elif char in "])":
            opener = "[" if char == "]" else "("
            depth[opener] = max(0, depth[opener] - 1)
        elif _PARAGRAPH_BREAK.match(text, index):
            depth = {"[": 0, "(": 0}
        index = _run_end(text, index + 1, pattern=_PLAIN)
    return issues


def _check_angle(text: str, index: int) -> list[PolicyIssue]:
    """Refuse what Python-Markdown would pass through as raw HTML, allow autolinks and "< 5"."""
    if text.startswith("<!--", index):
        hint = "delete it; keep notes for editors out of the published text"
        return [PolicyIssue(index, "HTML comment <!-- ... --> is not allowed", hint)]
    following = text[index + 1 : index + 2]
    if following in ("!", "?"):
        message = f'raw HTML markup "<{following}" is not allowed'
        return [PolicyIssue(index, message, _GENERIC_HTML_HINT)]
    name_start = index + 1 + (following == "/")
    name_end = _run_end(text, name_start, pattern=_NAME)
    if name_end == name_start or not text[name_start].isalpha():
        return []
    # The tag ends at ">" within the paragraph. Stopping at the next "<" keeps look-aheads
    # from overlapping, so the whole scan stays linear.
    end = _run_end(text, name_end, pattern=_TAG_BODY)
    while text[end : end + 1] == "\n" and not _PARAGRAPH_BREAK.match(text, end):
        end = _run_end(text, end + 1, pattern=_TAG_BODY)
    name = text[name_start:name_end].lower()
    if text[end : end + 1] == ">":
        content = text[index + 1 : end]
        head = re.split(r"\s", content, maxsplit=1)[0]
        if head == content and following != "/" and ":" in content:  # an autolink
            return _check_scheme(content, index)
        if "@" in head:  # an e-mail autolink, or text Python-Markdown leaves alone
            return []
    elif name not in _ALWAYS_HTML:
        return []
    tag = f"<{text[index + 1 : name_end]}>"
    hint = _TAG_HINTS.get(name, _GENERIC_HTML_HINT)
    return [PolicyIssue(index, f"raw HTML tag {tag} is not allowed", hint)]


def _check_brace(text: str, index: int) -> list[PolicyIssue]:
    """Refuse attr_list syntax ({: .x}, {#id}, {key=value}) and Jinja-looking "{{" and "{%"."""
    following = text[index + 1 : index + 2]
    if following in ("{", "%"):
        message = f'template syntax "{{{following}" is not allowed'
        hint = "it would be printed as typed, never evaluated; remove it"
        return [PolicyIssue(index, message, hint)]
    colon = following == ":"
    position = _run_end(text, index + 1 + colon, pattern=_SPACES)
    marker = text[position : position + 1]
    position += marker in ("#", ".")
    name_end = _run_end(text, position, pattern=_NAME)
    named = name_end > position
    if colon or (named and (marker in ("#", ".") or text[name_end : name_end + 1] == "=")):
        hint = "remove it; ids, classes and styles are set by the templates"
        return [PolicyIssue(index, "attribute list {...} is not allowed", hint)]
    return []
