"""Checks of a JATS article against what PubMed Central requires of a deposit, beyond what the
DTD says (jats_dtd.py validates against the DTD): the elements and attributes PMC's tagging
guidelines and Style Checker require, the order JATS prescribes inside <article-meta>, that
every xref resolves to an element of its kind, and that no element outside the JATS
vocabulary we emit slipped in."""

from __future__ import annotations

from collections import Counter

from lxml import etree

XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
ALI_LICENSE_REF = "{http://www.niso.org/schemas/ali/1.0/}license_ref"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Children of <article-meta> in the order of the JATS 1.3 content model (those we may emit).
ARTICLE_META_ORDER = (
    "article-id",
    "article-categories",
    "title-group",
    "contrib-group",
    "aff",
    "author-notes",
    "pub-date",
    "volume",
    "issue",
    "fpage",
    "lpage",
    "elocation-id",
    "history",
    "permissions",
    "self-uri",
    "related-article",
    "abstract",
    "kwd-group",
    "funding-group",
)

# PMC takes these raster formats for a <graphic>; an SVG is not among them.
GRAPHIC_SUBTYPES = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".tif": "tiff", ".tiff": "tiff"}
HEADING_OF_TYPE = {"case-report": "Case Report", "letter": "Letter"}

# Every element name Casebook's JATS may contain; anything else is HTML or a typo leaking in.
JATS_ELEMENTS = frozenset(
    [
        "article",
        "front",
        "journal-meta",
        "journal-id",
        "journal-title-group",
        "journal-title",
        "abbrev-journal-title",
        "issn",
        "publisher",
        "publisher-name",
        "article-meta",
        "article-id",
        "article-categories",
        "subj-group",
        "subject",
        "title-group",
        "article-title",
        "contrib-group",
        "contrib",
        "contrib-id",
        "email",
        "collab",
        "name",
        "surname",
        "given-names",
        "xref",
        "aff",
        "institution",
        "city",
        "country",
        "pub-date",
        "history",
        "date",
        "day",
        "month",
        "year",
        "volume",
        "issue",
        "fpage",
        "lpage",
        "elocation-id",
        "permissions",
        "copyright-statement",
        "copyright-year",
        "copyright-holder",
        "license",
        "license-p",
        "ext-link",
        "self-uri",
        "abstract",
        "kwd-group",
        "kwd",
        "funding-group",
        "funding-statement",
        "body",
        "sec",
        "title",
        "p",
        "list",
        "list-item",
        "def-list",
        "def-item",
        "term",
        "def",
        "bold",
        "italic",
        "monospace",
        "sup",
        "sub",
        "abstract",
        "fig",
        "fig-group",
        "label",
        "caption",
        "graphic",
        "alt-text",
        "table-wrap",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "back",
        "fn-group",
        "fn",
        "notes",
        "ref-list",
        "ref",
        "citation-alternatives",
        "element-citation",
        "mixed-citation",
        "person-group",
        "etal",
        "source",
        "pub-id",
        "related-article",
    ]
) | {ALI_LICENSE_REF}


def check_jats(xml: bytes) -> list[str]:
    """Every problem found, as one line each; an empty list means the article passes."""
    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError as exc:
        return [f"not well-formed XML: {exc}"]
    problems: list[str] = []
    problems += _root_problems(root)
    problems += _journal_meta_problems(root)
    problems += _article_meta_problems(root)
    problems += _body_problems(root)
    problems += _reference_problems(root)
    problems += _vocabulary_problems(root)
    return problems


def _root_problems(root: etree._Element) -> list[str]:
    problems = []
    if root.tag != "article":
        problems.append(f"root element is <{root.tag}>, not <article>")
    for attribute in ("article-type", "dtd-version", XML_LANG):
        if not root.get(attribute):
            problems.append(f"<article> has no {attribute.split('}')[-1]} attribute")
    return problems


def _journal_meta_problems(root: etree._Element) -> list[str]:
    required = {
        "front/journal-meta/journal-id": "a journal-id",
        "front/journal-meta/journal-title-group/journal-title": "a journal title",
        "front/journal-meta/issn": "the journal's ISSN",
        "front/journal-meta/publisher/publisher-name": "a publisher name",
    }
    return [
        f"journal-meta lacks {what} (PubMed Central requires it)"
        for path, what in required.items()
        if not _text(root, path)
    ]


def _article_meta_problems(root: etree._Element) -> list[str]:
    meta = root.find("front/article-meta")
    if meta is None:
        return ["no front/article-meta"]
    problems = []
    if not _text(meta, "title-group/article-title"):
        problems.append("article-meta lacks an article-title")
    if not _text(meta, "article-categories/subj-group[@subj-group-type='heading']/subject"):
        problems.append("article-meta lacks a heading subject in article-categories")
    contribs = meta.findall("contrib-group/contrib[@contrib-type='author']")
    if not contribs:
        problems.append("article-meta has no author contrib")
    for index, contrib in enumerate(contribs, start=1):
        if contrib.find("name/surname") is None and not _text(contrib, "collab"):
            problems.append(f"author {index} has neither name/surname nor collab")
    for orcid in meta.iterfind("contrib-group/contrib/contrib-id[@contrib-id-type='orcid']"):
        if not (orcid.text or "").startswith("https://orcid.org/"):
            problems.append(f"ORCID '{orcid.text}' is not an https://orcid.org/ URL")
    date = meta.find("pub-date[@publication-format='electronic']")
    if date is None or not _text(date, "year"):
        problems.append("article-meta lacks an electronic pub-date with a year")
    if meta.find("fpage") is None and meta.find("elocation-id") is None:
        problems.append("article-meta lacks fpage or elocation-id")
    licence = meta.find("permissions/license")
    if licence is None or not (licence.get(XLINK_HREF) or _text(licence, ALI_LICENSE_REF)):
        problems.append("permissions lacks a license with its URL")
    elif licence.get("license-type") is None:
        problems.append("license has no license-type")
    if not _text(meta, "permissions/copyright-statement"):
        problems.append("permissions lacks a copyright-statement")
    heading = _text(meta, "article-categories/subj-group[@subj-group-type='heading']/subject")
    article_type = str(root.get("article-type"))
    if HEADING_OF_TYPE.get(article_type, heading) != heading:
        problems.append(f"article-type '{article_type}' beside a heading subject of '{heading}'")
    problems += _order_problems(meta)
    return problems


def _order_problems(meta: etree._Element) -> list[str]:
    rank = {name: i for i, name in enumerate(ARTICLE_META_ORDER)}
    problems, highest = [], -1
    for child in meta:
        name = child.tag
        if name not in rank:
            problems.append(f"<{name}> is not expected in article-meta")
            continue
        if rank[name] < highest:
            problems.append(f"<{name}> comes too late in article-meta (JATS order)")
        highest = max(highest, rank[name])
    return problems


def _body_problems(root: etree._Element) -> list[str]:
    problems = []
    if not root.findall("body/sec"):
        problems.append("body has no sections")
    for sec in root.iter("sec"):
        if not _text(sec, "title"):
            problems.append(f"section '{sec.get('id')}' has no title")
    if root.find("back/sec[@sec-type='ethics-statement']/p") is None:
        problems.append("back lacks the consent statement (sec-type='ethics-statement')")
    for fig in root.iter("fig"):
        if not _text(fig, "label") or fig.find("caption") is None:
            problems.append(f"figure '{fig.get('id')}' lacks a label or caption")
        graphics = fig.findall("graphic")
        if len(graphics) != 1:
            problems.append(f"figure '{fig.get('id')}' has {len(graphics)} graphics, not one")
        for graphic in graphics:
            problems += _graphic_problems(graphic, str(fig.get("id")))
    return problems


def _graphic_problems(graphic: etree._Element, figure: str) -> list[str]:
    href = graphic.get(XLINK_HREF) or ""
    if not href:
        return [f"a graphic of figure '{figure}' has no xlink:href"]
    problems = []
    suffix = href[href.rfind(".") :].lower() if "." in href else ""
    if suffix not in GRAPHIC_SUBTYPES:
        problems.append(f"graphic '{href}' is not in a format PMC takes")
    elif graphic.get("mime-subtype") != GRAPHIC_SUBTYPES[suffix]:
        problems.append(
            f"graphic '{href}' is declared mime-subtype '{graphic.get('mime-subtype')}'"
        )
    if not _text(graphic, "alt-text"):
        problems.append(f"a graphic of figure '{figure}' has no alt-text")
    return problems


def _reference_problems(root: etree._Element) -> list[str]:
    problems = []
    ids = Counter(el.get("id") for el in root.iter() if el.get("id"))
    problems += [f"id '{key}' is used {count} times" for key, count in ids.items() if count > 1]
    tags = {el.get("id"): el.tag for el in root.iter() if el.get("id")}
    for xref in root.iter("xref"):
        target = tags.get(xref.get("rid"))
        if target is None:
            problems.append(f"xref to '{xref.get('rid')}' points at no element")
        elif xref.get("ref-type") == "fig" and target not in ("fig", "fig-group"):
            problems.append(f"figure xref to '{xref.get('rid')}' points at a <{target}>")
    for ref in root.iterfind("back/ref-list/ref"):
        citation = ref.find("citation-alternatives/element-citation")
        if citation is None:
            problems.append(f"reference '{ref.get('id')}' has no element-citation")
        elif not _text(citation, "source") or not _text(citation, "year"):
            problems.append(f"reference '{ref.get('id')}' lacks a source or year")
        elif _is_article_number(citation.findtext("fpage") or ""):
            problems.append(f"reference '{ref.get('id')}' gives an article number as <fpage>")
        if ref.find("citation-alternatives/mixed-citation") is None:
            problems.append(f"reference '{ref.get('id')}' has no mixed-citation")
    return problems


def _is_article_number(page: str) -> bool:
    return page.startswith(("e", "0")) and page[1:].isdigit()


def _vocabulary_problems(root: etree._Element) -> list[str]:
    unknown = sorted({str(el.tag) for el in root.iter() if isinstance(el.tag, str)} - JATS_ELEMENTS)
    return [f"<{name}> is not a JATS element Casebook emits" for name in unknown]


def _text(element: etree._Element, path: str) -> str:
    found = element.find(path)
    return "".join(found.itertext()).strip() if found is not None else ""
