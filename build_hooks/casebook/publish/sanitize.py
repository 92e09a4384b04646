"""Sanitise rendered page HTML against an explicit allow-list of tags, attributes and URLs."""

from __future__ import annotations

import re

import nh3

__all__ = ["sanitize_html"]

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

_ALLOWED_TAGS = _HEADINGS | {
    "p", "br", "hr", "div", "span", "blockquote", "pre", "code", "kbd",
    "em", "strong", "b", "i", "s", "del", "ins", "mark", "small", "sup", "sub", "abbr",
    "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "a", "img", "figure", "figcaption", "details", "summary",
}  # fmt: skip

# Content of these is never prose, so it goes with the tag. Everything else that is not allowed
# (form, input, button, meta, link, base...) loses its tag and attributes but keeps its text.
_CLEAN_CONTENT_TAGS = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg",
    "math", "template", "noscript", "noembed", "noframes", "textarea", "select", "title", "xmp",
}  # fmt: skip

# The glightbox options our figure markup and the mkdocs-glightbox plugin write on anchors.
_GLIGHTBOX_ATTRIBUTES = {
    "data-type", "data-width", "data-height", "data-title", "data-description",
    "data-desc-position", "data-gallery",
}  # fmt: skip

_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title"},
    "a": {"href", "download", "type"} | _GLIGHTBOX_ATTRIBUTES,
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"align", "colspan", "rowspan", "scope", "style"},
    "td": {"align", "colspan", "rowspan", "style"},
    "ol": {"start", "type"},
    "li": {"value"},
    "details": {"open"},
}

_URL_SCHEMES = {"http", "https", "mailto"}

# Classes written by our templates (cb-*), Python-Markdown extensions, mkdocs-material and
# mkdocs-glightbox. Unknown classes are dropped so content cannot borrow theme behaviour.
_ALLOWED_CLASSES = {
    "admonition", "admonition-title", "headerlink", "glightbox", "highlight",
    "footnote", "footnote-ref", "footnote-backref", "inline", "end",
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important",
    "success", "check", "done", "question", "help", "faq", "warning", "caution", "attention",
    "failure", "fail", "missing", "danger", "error", "bug", "example", "quote", "cite",
}  # fmt: skip
_CLASS_PATTERN = re.compile(r"(?:cb|language)-[A-Za-z0-9_-]+")

# Leading underscores are refused because mkdocs-material's own controls use ids like __search.
_ID_PATTERN = re.compile(r"[^\W_][\w:.-]{0,127}")
_NUMBER_PATTERN = re.compile(r"[0-9]{1,6}")
_LENGTH_PATTERN = re.compile(r"auto|[0-9]{1,5}(?:\.[0-9]{1,3})?(?:px|%|vw|vh|em|rem)?")
_GALLERY_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")
_TEXT_ALIGN_PATTERN = re.compile(r"\s*text-align\s*:\s*(left|right|center|justify)\s*;?\s*")
_SCHEME_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
# Citation and JATS downloads: a plain file name and its media type.
_DOWNLOAD_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
_MEDIA_TYPE_PATTERN = re.compile(r"[a-z]+/[a-z0-9.+-]{1,64}")

_KEYWORD_VALUES: dict[str, set[str]] = {
    "align": {"left", "right", "center", "justify"},
    "scope": {"row", "col", "rowgroup", "colgroup"},
    "loading": {"lazy", "eager"},
    "type": {"1", "a", "A", "i", "I"},
    "data-type": {"image"},
    "data-desc-position": {"bottom", "top", "left", "right"},
}
_NUMBER_ATTRIBUTES = {"width", "height", "colspan", "rowspan", "start", "value"}

# GLightbox inserts data-title and data-description with innerHTML, so they are HTML, not text.
_LIGHTBOX_TEXT_CLEANER = nh3.Cleaner(
    tags={"em", "strong", "i", "b", "sub", "sup", "code", "br"},
    clean_content_tags=_CLEAN_CONTENT_TAGS,
    attributes={},
    link_rel=None,
)


def _filter_relative_url(url: str) -> str | None:
    """Keep a relative URL unless a browser would read it as another host or a scheme."""
    # Browsers drop tabs and newlines inside URLs and treat "\" like "/" in http(s) URLs.
    compact = url.strip().replace("\t", "").replace("\n", "").replace("\r", "")
    if "\\" in compact or compact.startswith("//"):
        return None
    if any(ord(char) < 0x20 or ord(char) == 0x7F for char in compact):
        return None
    head = re.split(r"[/?#]", compact, maxsplit=1)[0]
    if ":" in head:
        return None
    return compact


def _filter_classes(value: str) -> str | None:
    kept = [
        name for name in value.split() if name in _ALLOWED_CLASSES or _CLASS_PATTERN.fullmatch(name)
    ]
    return " ".join(kept) or None


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Check one attribute value; return the value to keep or None to drop the attribute."""
    if attribute == "class":
        return _filter_classes(value)
    if attribute == "id":
        return value if _ID_PATTERN.fullmatch(value) else None
    if attribute == "style":
        match = _TEXT_ALIGN_PATTERN.fullmatch(value)
        return f"text-align:{match.group(1)}" if match else None
    if tag == "a" and attribute == "download":
        return value if _DOWNLOAD_PATTERN.fullmatch(value) else None
    if tag == "a" and attribute == "type":
        return value if _MEDIA_TYPE_PATTERN.fullmatch(value) else None
    if attribute in _KEYWORD_VALUES:
        return value if value in _KEYWORD_VALUES[attribute] else None
    if attribute in _NUMBER_ATTRIBUTES:
        return value if _NUMBER_PATTERN.fullmatch(value) else None
    if attribute in {"data-width", "data-height"}:
        return value if _LENGTH_PATTERN.fullmatch(value) else None
    if attribute == "data-gallery":
        return value if _GALLERY_PATTERN.fullmatch(value) else None
    if attribute in {"data-title", "data-description"}:
        return _LIGHTBOX_TEXT_CLEANER.clean(value)
    if tag == "img" and attribute == "src" and _SCHEME_PATTERN.match(value.strip()):
        # Figures are local files; a remote image would let a third party log every reader.
        return None
    return value


_MAX_PASSES = 8

_CLEANER = nh3.Cleaner(
    tags=_ALLOWED_TAGS,
    clean_content_tags=_CLEAN_CONTENT_TAGS,
    attributes=_ATTRIBUTES,
    attribute_filter=_filter_attribute,
    strip_comments=True,
    link_rel="noopener noreferrer",
    url_schemes=_URL_SCHEMES,
    url_relative=_filter_relative_url,
    filter_style_properties={"text-align"},
)


def sanitize_html(html: str) -> str:
    """Return ``html`` with everything outside the allow-list removed; idempotent."""
    # Re-parsing mis-nested markup (an <a> fostered out of a <table>) can change it again, so
    # clean until a fixed point; well-formed pages, like ours, settle on the first pass.
    cleaned = _CLEANER.clean(html)
    for _ in range(_MAX_PASSES):
        again = _CLEANER.clean(cleaned)
        if again == cleaned:
            return cleaned
        cleaned = again
    return cleaned
