"""One strict build of the example site: every case's head, downloads, JATS and the feed agree
with its case file on title, authors, date and DOI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import lxml.html
import pypdf
import pytest
import rispy
from bibtexparser.entrypoint import parse_string
from casebook.article.article import Article
from casebook.load import load_cases
from lxml import etree
from PIL import Image
from pyld import jsonld

from ..support.jats_dtd import ARCHIVING, declared_tag_set, dtd_errors
from ..support.jats_pmc import XLINK_HREF
from ..support.project import ROOT, copy_project
from ..support.schema_org import document_loader
from ..support.sites import build

pytestmark = pytest.mark.integration

BASE_URL = "https://example.org/casebook/"
ARTICLES = [a for a in load_cases(ROOT / "case_data", project_root=ROOT).articles if a.published]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("scholarly")
    result = build(copy_project(base / "project"), base / "site")
    assert result.returncode == 0, result.stderr
    return base / "site"


def _page(site: Path, article: Article) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(site / article.url / "index.html")).getroot()


def _metas(head: lxml.html.HtmlElement, name: str) -> list[str]:
    return [m.get("content") for m in head.iterfind(f"meta[@name='{name}']")]


def _expected(article: Article) -> dict[str, Any]:
    """What the case file says: the reference every output is compared with."""
    pub = article.case.publication
    return {
        "title": pub.title,
        "authors": [a.display_name for a in article.case.authors],
        "date": pub.date.isoformat() if pub.date else None,
        "doi": pub.doi,
        "url": f"{BASE_URL}{article.url}",
    }


def test_every_case_is_a_published_page() -> None:
    assert ARTICLES, "case_data/ holds no published case"


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.id)
def test_page_head_and_json_ld_agree_with_the_case_file(site: Path, article: Article) -> None:
    want = _expected(article)
    page = _page(site, article)
    head = page.find("head")
    assert page.findtext(".//article//h1").strip() == want["title"]
    byline = page.find(".//div[@class='cb-byline']").text_content()
    assert all(name in byline for name in want["authors"])
    assert f"published {want['date']}" in byline
    assert head.find("link[@rel='canonical']").get("href") == want["url"]
    assert _metas(head, "citation_title") == [want["title"]]
    assert _metas(head, "citation_publication_date") == [want["date"].replace("-", "/")]
    assert _metas(head, "citation_doi") == ([want["doi"]] if want["doi"] else [])
    assert _metas(head, "citation_abstract_html_url") == [want["url"]]
    # Google Scholar reads persons: a group is named only when no person is.
    persons = [a for a in article.case.authors if not a.collective] or article.case.authors
    assert len(_metas(head, "citation_author")) == len(persons)
    assert len(_metas(head, "citation_reference")) == len(article.references)
    og = {m.get("property"): m.get("content") for m in head.iterfind("meta[@property]")}
    assert (og["og:title"], og["og:url"]) == (want["title"], want["url"])
    [script] = head.iterfind("script[@type='application/ld+json']")
    data = json.loads(script.text)
    assert jsonld.expand(data, {"documentLoader": document_loader})
    assert (data["headline"], data["url"], data["datePublished"]) == (
        want["title"],
        want["url"],
        want["date"],
    )
    assert [a["name"] for a in data["author"]] == want["authors"]
    assert data.get("identifier", {}).get("value") == want["doi"]


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.id)
def test_downloads_agree_with_the_case_file(site: Path, article: Article) -> None:
    want = _expected(article)
    page = _page(site, article)
    links = {a.text: a.get("href") for a in page.iterfind(".//a[@download]")}
    assert set(links) == {"BibTeX", "RIS", "CSL-JSON", "PDF", "JATS XML", "Download PDF"}
    assert links["PDF"] == links["Download PDF"]
    folder = site / article.url

    pdf = pypdf.PdfReader(folder / links["PDF"])
    assert pdf.metadata is not None
    assert (pdf.metadata.title, pdf.metadata.author) == (want["title"], ", ".join(want["authors"]))

    [entry] = parse_string((folder / links["BibTeX"]).read_text("utf-8")).entries
    assert entry.fields_dict["title"].value == want["title"]
    assert entry.fields_dict["date"].value == want["date"]
    assert entry.fields_dict["url"].value == want["url"]
    assert ("doi" in entry.fields_dict) == bool(want["doi"])

    [ris] = rispy.loads((folder / links["RIS"]).read_text("utf-8"))
    assert (ris["title"], ris["date"], ris.get("doi")) == (
        want["title"],
        want["date"].replace("-", "/"),
        want["doi"],
    )
    assert len(ris["authors"]) == len(want["authors"])

    [csl] = json.loads((folder / links["CSL-JSON"]).read_text("utf-8"))
    assert (csl["title"], csl.get("DOI"), csl["URL"]) == (want["title"], want["doi"], want["url"])
    year, month, day = csl["issued"]["date-parts"][0]
    assert f"{year:04d}-{month:02d}-{day:02d}" == want["date"]
    names = [n.get("literal") or f"{n['given']} {n['family']}" for n in csl["author"]]
    assert names == want["authors"]

    jats = etree.parse(str(folder / links["JATS XML"])).getroot()
    meta = jats.find("front/article-meta")
    assert meta.findtext("title-group/article-title") == want["title"]
    assert meta.find("pub-date").get("iso-8601-date") == want["date"]
    assert meta.findtext("article-id[@pub-id-type='doi']") == want["doi"]
    contribs = [
        c.findtext("collab") or f"{c.findtext('name/given-names')} {c.findtext('name/surname')}"
        for c in meta.iterfind("contrib-group/contrib")
    ]
    assert contribs == want["authors"]
    assert meta.find("self-uri").get("{http://www.w3.org/1999/xlink}href") == want["url"]


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.id)
def test_the_published_jats_is_valid_and_its_graphics_are_beside_it(
    site: Path, article: Article
) -> None:
    folder = site / article.url
    xml = (folder / f"{article.id}.xml").read_bytes()
    # mkdocs.yml names no ISSN: the Archiving tag set, which requires none.
    assert declared_tag_set(xml) == ARCHIVING
    assert dtd_errors(xml) == []
    graphics = [g.get(XLINK_HREF) for g in etree.fromstring(xml).iter("graphic")]
    assert graphics and all((folder / href).is_file() for href in graphics)
    for href in graphics:
        with Image.open(folder / href) as image:
            assert image.format in ("PNG", "JPEG"), href


def test_feed_and_sitemap_list_every_case(site: Path) -> None:
    feed = etree.parse(str(site / "feed.xml")).getroot()
    ids = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}id")][1:]
    assert sorted(ids) == sorted(f"{BASE_URL}{a.url}" for a in ARTICLES)
    sitemap = etree.parse(str(site / "sitemap.xml")).getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    lastmod = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
               for u in sitemap.iterfind("s:url", ns)}  # fmt: skip
    for article in ARTICLES:
        # The case's publication date, not the date of the build.
        assert lastmod[f"{BASE_URL}{article.url}"] == _expected(article)["date"]
    assert lastmod[BASE_URL] is None  # no date is known for the home page
    home = lxml.html.parse(str(site / "index.html")).getroot().find("head")
    [link] = home.iterfind("link[@type='application/atom+xml']")
    assert link.get("href") == f"{BASE_URL}feed.xml"
