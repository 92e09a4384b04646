"""`casebook verify-site DIR`: a site built by any engine, checked as the MkDocs build checks its
own: the content of every Casebook page as the allow-list sanitiser would leave it, and no
image with metadata.

The content of a page is what `casebook render` marked (cli/handoff.py); the theme around it,
with its own scripts, is the engine's. Content passes when sanitising it changes nothing but
what the sanitiser only normalises: how the HTML is written, the `rel` it gives every link,
the spacing of a `text-align` style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from casebook.cli.handoff import CONTENT_BEGIN, CONTENT_END
from casebook.publish import find_metadata_in_site, sanitize_html

_SHOWN = 120  # characters of an offending tag or text quoted in a problem


@dataclass
class SiteReport:
    pages: int = 0
    """Casebook pages whose content was checked."""
    problems: list[str] = field(default_factory=list)


def verify_site(folder: Path, *, project_root: Path | None = None) -> SiteReport:
    """Check every HTML page under `folder` and every image; verdicts on images are kept in
    the build cache of `project_root`, if given."""
    report = SiteReport()
    for path in sorted(folder.rglob("*.html")):
        name = path.relative_to(folder).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        begins, ends = text.count(CONTENT_BEGIN), text.count(CONTENT_END)
        if not begins and not ends:
            continue
        start, end = text.find(CONTENT_BEGIN), text.find(CONTENT_END)
        if (begins, ends) != (1, 1) or end < start:
            report.problems.append(
                f"{name}: the content markers are not one {CONTENT_BEGIN} and, after it, one "
                f"{CONTENT_END}; render the pages again with casebook render"
            )
            continue
        report.pages += 1
        changed = unsanitised(text[start + len(CONTENT_BEGIN) : end])
        if changed is not None:
            report.problems.append(
                f"{name}: the page holds what Casebook's sanitiser removes or changes: {changed}"
            )
    if not report.pages and not report.problems:
        report.problems.append(
            f"{folder}: no page carries Casebook's content markers ({CONTENT_BEGIN}); build the "
            "site from casebook render's output, with an engine that keeps HTML comments"
        )
    leaks = find_metadata_in_site(folder, project_root=project_root)
    report.problems += [
        f"{path}: the image carries metadata: {', '.join(found)}"
        for path, found in sorted(leaks.items())
    ]
    return report


def unsanitised(html: str) -> str | None:
    """The first tag or text of `html` that the sanitiser would not keep, or None."""
    written, kept = _Tokens.of(html), _Tokens.of(sanitize_html(html))
    for index, token in enumerate(written.tokens):
        if index >= len(kept.tokens) or kept.tokens[index] != token:
            return written.sources[index]
    # The sanitiser closes what the page left open, which would take in the theme after it.
    return "an element left open at the end" if len(kept.tokens) > len(written.tokens) else None


class _Tokens(HTMLParser):
    """Tags with their attributes, and text with its spacing collapsed, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple[str, ...]] = []
        self.sources: list[str] = []
        self._text: list[str] = []

    @classmethod
    def of(cls, html: str) -> _Tokens:
        tokens = cls()
        tokens.feed(html)
        tokens.close()
        tokens._flush()
        return tokens

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()
        kept = sorted(_attribute(name, value or "") for name, value in attrs if name != "rel")
        self._add(("<", tag, *(f"{name}={value}" for name, value in kept)), self._source())

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        self._flush()
        self._add(("</", tag), f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        self._text = []
        if text:
            self._add(("text", text), _quoted(text))

    def _add(self, token: tuple[str, ...], source: str) -> None:
        self.tokens.append(token)
        self.sources.append(source)

    def _source(self) -> str:
        return _quoted(self.get_starttag_text() or "")


def _attribute(name: str, value: str) -> tuple[str, str]:
    # The sanitiser writes a kept style as "text-align:left", whatever the spacing was.
    return (name, re.sub(r"\s+", "", value).rstrip(";")) if name == "style" else (name, value)


def _quoted(text: str) -> str:
    return text if len(text) <= _SHOWN else f"{text[:_SHOWN]}…"
