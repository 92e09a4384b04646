"""The case page's HTML as Typst markup: the PDF says what the page says, in the page's order.

Only the elements and classes Casebook's own templates write are given a Typst form; anything
else keeps its text and loses its markup. Every text node becomes a Typst string literal
(casebook.text.typst_escape), so nothing an author wrote can turn into Typst code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin

from casebook.publish.html_tree import Element, children_of, parse_html, walk
from casebook.text import TypstMarkup, typst_label, typst_string, typst_text

_SKIPPED_CLASSES = {"cb-byline", "cb-chart-details", "cb-panel-label", "cb-pdf"}
"""The byline is typeset from the record; a chart's values table is the web page's
disclosure widget, and the panel letters are drawn on the panels."""
END_ID = "cite"
"""The page's 'Cite this case' block, and all after it, is the web page's: the PDF prints its
own citation line, and offers no downloads."""
_INLINE_WRAPPERS = {
    "strong": "strong",
    "b": "strong",
    "em": "emph",
    "i": "emph",
    "sup": "super",
    "sub": "sub",
}
_BLOCKS = {"p", "ul", "ol", "table", "figure", "div", "h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS |= {"blockquote", "pre", "hr", "details", "dl"}
_SPACES = re.compile(r"\s+")


ImageSource = Callable[[str], str | None]
"""Page-relative image address -> its path inside the Typst root, or None if not published."""


@dataclass
class TypstBody:
    """Converts one page's HTML; `targets` are the ids the document will carry as labels."""

    image_path: ImageSource
    base_url: str | None = None
    targets: dict[str, str] = field(default_factory=dict)
    """id an address may point at -> the label the document carries for it."""

    def convert(self, html: str) -> TypstMarkup:
        root = parse_html(html)
        ends = [i for i, c in enumerate(root.children) if _id(c) == END_ID]
        del root.children[ends[0] if ends else len(root.children) :]
        self.targets = dict(_targets(root))
        return TypstMarkup(self._flow(root.children).strip() + "\n")

    def inline_html(self, html: str) -> TypstMarkup:
        return TypstMarkup(self._inline(parse_html(html).children))

    def _flow(self, nodes: list[Element | str]) -> str:
        """Blocks and loose inline content, as a content block's body holds them."""
        parts: list[str] = []
        run: list[Element | str] = []
        for node in nodes:
            if isinstance(node, Element) and node.tag in _BLOCKS:
                parts.append(self._inline(_trimmed(run)))
                run = []
                parts.append(self._block(node))
            else:
                run.append(node)
        parts.append(self._inline(_trimmed(run)))
        return "\n\n".join(p for p in (part.strip() for part in parts) if p)

    def _block(self, node: Element) -> str:
        if node.classes & _SKIPPED_CLASSES or node.tag == "h1":
            return ""
        tag = node.tag
        if tag.startswith("h") and tag[1:].isdigit():
            return self._heading(node, level=int(tag[1:]) - 1)
        if tag == "p":
            return self._inline(_trimmed(node.children))
        if tag in ("ul", "ol"):
            return self._list(node)
        if tag == "table":
            return self._table(node)
        if tag == "figure":
            return self._figure(node)
        if tag == "div" and "admonition" in node.classes:
            return self._admonition(node)
        if tag == "blockquote":
            return f"#quote(block: true)[{self._flow(node.children)}]"
        if tag == "pre":
            return f"#raw(block: true, {typst_string(node.text())})"
        if tag == "hr":
            return "#line(length: 100%, stroke: 0.5pt)"
        if tag == "details":
            return ""
        return self._flow(node.children)

    def _heading(self, node: Element, *, level: int) -> str:
        label = self._label(node.attrs.get("id", ""))
        return f"#heading(level: {level})[{self._inline(_trimmed(node.children))}]{label}"

    def _label(self, name: str) -> str:
        label = typst_label(name) if name else None
        return f" {label}" if label else ""

    def _list(self, node: Element) -> str:
        items = [c for c in node.children if isinstance(c, Element) and c.tag == "li"]
        if "cb-references" in node.classes:
            # Each entry carries its reference's id, which the citation numbers link to.
            rendered = [
                f"[#metadata(none){self._label(i.attrs.get('id', ''))}{self._flow(i.children)}]"
                for i in items
            ]
            return '#enum(numbering: "1.",\n' + "".join(f"  {r},\n" for r in rendered) + ")"
        function = "enum" if node.tag == "ol" else "list"
        start = node.attrs.get("start", "")
        head = f"start: {int(start)}, " if start.isdigit() else ""
        rendered = [f"[{self._flow(i.children)}]" for i in items]
        return f"#{function}({head}\n" + "".join(f"  {r},\n" for r in rendered) + ")"

    def _table(self, node: Element) -> str:
        head_rows = [r for s in children_of(node, "thead") for r in children_of(s, "tr")]
        body_rows = [r for s in children_of(node, "tbody") for r in children_of(s, "tr")]
        body_rows += list(children_of(node, "tr"))
        rows = head_rows + body_rows
        columns = max((len(list(_cells(r))) for r in rows), default=1)
        lines = [f"#table(columns: {columns},"]
        if head_rows:
            cells = ", ".join(self._cell(c) for r in head_rows for c in _cells(r))
            lines.append(f"  table.header({cells}),")
        lines += [f"  {', '.join(self._cell(c) for c in _cells(r))}," for r in body_rows]
        return "\n".join(lines) + "\n)"

    def _cell(self, cell: Element) -> str:
        return f"[{self._flow(cell.children)}]"

    def _figure(self, node: Element) -> str:
        panels = [self._panel(image, letter=letter) for image, letter in _panels(node)]
        columns = 1 if len(panels) == 1 or "cb-chart" in node.classes else 2
        grid = f"grid(columns: {columns}, gutter: 6pt, {', '.join(panels)})"
        caption = next((c for c in children_of(node, "figcaption")), None)
        caption_markup = self._inline(_trimmed(caption.children)) if caption else ""
        label = self._label(node.attrs.get("id", ""))
        # A numbered figure floats to the top or foot of a page, as journals set them; a chart
        # of the treatment course stays under the heading whose table it draws.
        placement = ", placement: auto" if "cb-figure" in node.classes else ""
        return (
            f"#figure({grid},\n  caption: [{caption_markup}],\n"
            f"  numbering: none, kind: image, supplement: [Figure]{placement}){label}"
        )

    def _panel(self, image: Element, *, letter: str = "") -> str:
        path = self.image_path(image.attrs.get("src", ""))
        alt = image.attrs.get("alt", "")
        if path is None:
            return f"block(width: 100%, inset: 6pt, stroke: 0.5pt)[{typst_text(alt)}]"
        picture = f"image({typst_string(path)}, width: 100%, alt: {typst_string(alt)})"
        if not letter:
            return picture
        badge = f"box(fill: white, inset: 2pt)[#strong[{typst_text(letter)}]]"
        return f"block(width: 100%)[#{picture}#place(top + left, dx: 3pt, dy: 3pt, {badge})]"

    def _admonition(self, node: Element) -> str:
        titles = [c for c in children_of(node, "p") if "admonition-title" in c.classes]
        rest = [c for c in node.children if not (isinstance(c, Element) and c in titles)]
        title = f"#strong[{self._inline(titles[0].children)}]\n\n" if titles else ""
        body = self._flow(rest)
        return f"#block(width: 100%, inset: 8pt, stroke: (left: 2pt + luma(120)))[{title}{body}]"

    def _inline(self, nodes: list[Element | str]) -> str:
        out: list[str] = []
        for node in nodes:
            if isinstance(node, str):
                # HTML's rule: any run of white space is one space.
                out.append(typst_text(_SPACES.sub(" ", node)))
            else:
                out.append(self._inline_element(node))
        return _squeeze("".join(out))

    def _inline_element(self, node: Element) -> str:
        if node.classes & _SKIPPED_CLASSES:
            return ""
        inner = self._inline(node.children)
        if node.tag in _INLINE_WRAPPERS:
            return f"#{_INLINE_WRAPPERS[node.tag]}[{inner}]"
        if node.tag == "code":
            return f"#raw({typst_string(node.text())})"
        if node.tag == "br":
            return "#linebreak()"
        if node.tag == "img":
            return f"#box(width: 50%)[#{self._panel(node)}]"
        if node.tag == "a":
            return self._link(node.attrs.get("href", ""), inner)
        if node.tag in _BLOCKS:
            return self._block(node)
        return inner

    def _link(self, href: str, inner: str) -> str:
        if href.startswith("#"):
            target = href[1:]
            label = typst_label(self.targets.get(target, ""))
            return f"#link({label})[{inner}]" if label else inner
        if not href.startswith(("http://", "https://", "mailto:")):
            if not self.base_url or not href:
                return inner
            href = urljoin(self.base_url, href)
        return f"#link({typst_string(href)})[{inner}]"


def _squeeze(markup: str) -> str:
    """Adjacent string literals joined: `#"a"#"b"` -> `#"ab"`, shorter and one text run."""
    return markup.replace('"#"', "")


def _id(node: Element | str) -> str:
    return "" if isinstance(node, str) else node.attrs.get("id", "")


def _cells(row: Element) -> Iterator[Element]:
    return (c for c in row.children if isinstance(c, Element) and c.tag in ("td", "th"))


def _panels(figure: Element) -> Iterator[tuple[Element, str]]:
    """(image, panel letter or "") of each panel of a figure, in order."""
    panels = [e for e in walk(figure) if "cb-panel" in e.classes]
    if not panels:
        yield from ((e, "") for e in walk(figure) if e.tag == "img")
        return
    for panel in panels:
        images = [e for e in walk(panel) if e.tag == "img"]
        labels = [e.text().strip() for e in walk(panel) if "cb-panel-label" in e.classes]
        if images:
            yield images[0], labels[0] if labels else ""


def _trimmed(nodes: list[Element | str]) -> list[Element | str]:
    """Without the white space at the start and end of a block: HTML shows none there."""
    out = list(nodes)
    while out and isinstance(out[0], str) and not out[0].strip():
        out.pop(0)
    while out and isinstance(out[-1], str) and not out[-1].strip():
        out.pop()
    if out and isinstance(out[0], str):
        out[0] = out[0].lstrip()
    if out and isinstance(out[-1], str):
        out[-1] = out[-1].rstrip()
    return out


def _targets(root: Element) -> Iterator[tuple[str, str]]:
    """(id, label) of what a link may point at: headings, figures, reference entries, and a
    figure's panels, which lead to their figure."""
    for element in walk(root):
        name = element.attrs.get("id")
        if not name or element.classes & _SKIPPED_CLASSES:
            continue
        if element.tag in ("h2", "h3", "h4", "h5", "h6") or (
            element.tag == "li" and name.startswith("ref-")
        ):
            yield name, name
        elif element.tag == "figure":
            yield name, name
            for panel in walk(element):
                if "cb-panel" in panel.classes and panel.attrs.get("id"):
                    yield panel.attrs["id"], name
