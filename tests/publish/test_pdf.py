"""The PDF of a case, read back as a reader's software reads it (pypdf)."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html
import pypdf
import pytest
from casebook.article.article import Article
from casebook.assemble.case_output import CaseOutput, render_case_output
from casebook.models.settings import SiteSettings
from casebook.publish import JOBS, BuildCache, pdf_file
from casebook.publish.pdf import PdfInput, PdfJob, case_pdf_source, page_html, typeset
from casebook.publish.typst_compiler import Typesetter
from casebook.render import render_case_page
from casebook.scholarly import scholarly_output

from ..support.cases import example_text, replace_once
from ..support.golden_cases import GOLDEN_CASES, SYNTHETIC, golden_article
from ..support.scholarly_cases import SETTINGS, example_article, variant_article

PDF = "cases/ppp-ad-baricitinib/ppp-ad-baricitinib.pdf"
HOSTILE_TITLE = 'Pustules #set text(size: 40pt) *bold* $x$ < l > @r ] [ // "q" \\ =end'


def _built(article: Article, root: Path, settings: SiteSettings = SETTINGS) -> CaseOutput:
    return render_case_output(article, settings=settings, cache_root=root)


def _pdf(output: CaseOutput, root: Path) -> bytes:
    assert output.pdf is not None
    return pdf_file(root, output.pdf.key).read_bytes()


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[CaseOutput, bytes, Path]:
    root = tmp_path_factory.mktemp("cache")
    output = _built(example_article(), root)
    return output, _pdf(output, root), root


def _flat(text: str) -> str:
    """Text without what typesetting changes: line breaks, hyphenation, ligatures."""
    return re.sub(r"[\s\-‐­]", "", unicodedata.normalize("NFKC", text))


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_the_pdf_holds_the_page_in_its_order(example: tuple[CaseOutput, bytes, Path]) -> None:
    output, pdf, _ = example
    assert output.pdf is not None and output.pdf.site_path == PDF
    page = lxml.html.fragment_fromstring(
        page_html(output.pages["cases/ppp-ad-baricitinib/index.md"]), create_parent="div"
    )
    cite = page.get_element_by_id("cite")
    expected = [
        output.record.title,
        *(h.text_content() for h in page.iter("h2", "h3", "h4") if h is not cite),
    ]
    headings = [h for h in expected if h != "Cite this case"]
    legends = [f.text_content() for f in page.iter("figcaption")]
    references = [li.text_content() for li in page.find_class("cb-references")[0]]
    text = _flat(_text(pdf))
    assert len(legends) == 4 and len(references) == 5 and len(headings) > 10
    for wanted in [*headings, *legends]:
        assert _flat(wanted) in text, wanted
    # References in the page's order, each whole, numbered as on the page.
    positions = [text.index(_flat(f"{n}.{r}")) for n, r in enumerate(references, start=1)]
    assert positions == sorted(positions)
    assert _flat("Cite this case: Casebook example editors. Palmoplantar pustulosis") in text


def test_every_font_is_embedded(example: tuple[CaseOutput, bytes, Path]) -> None:
    reader = pypdf.PdfReader(io.BytesIO(example[1]))
    fonts = {}
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                fonts[descriptor["/FontName"]] = descriptor
    assert fonts
    for name, descriptor in fonts.items():
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), name


def test_metadata_holds_title_authors_keywords_and_the_publication_date_only(
    example: tuple[CaseOutput, bytes, Path],
) -> None:
    _, pdf, root = example
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    metadata = dict(reader.metadata or {})
    assert metadata == {
        "/Title": "Palmoplantar pustulosis with atopic dermatitis responding to baricitinib",
        "/Author": "Casebook example editors",
        "/Keywords": "palmoplantar pustulosis, atopic dermatitis, baricitinib, "
        "Janus kinase inhibitor",
        # The software's name and version, which PDF/A requires to match the XMP; no path.
        "/Creator": metadata["/Creator"],
        "/CreationDate": "D:20261126000000Z",
        "/ModDate": "D:20261126000000Z",
    }
    assert re.fullmatch(r"Typst \d+\.\d+\.\d+", str(metadata["/Creator"]))
    xmp = reader.xmp_metadata
    assert xmp is not None
    raw = xmp.stream.get_data().decode("utf-8")
    assert set(re.findall(r"\d{4}-\d\d-\d\dT[\d:]+Z", raw)) == {"2026-11-26T00:00:00Z"}
    for leak in (str(root), str(Path.cwd()), str(Path.home()), "/tmp", "/work"):
        assert leak.encode() not in pdf, leak


def test_the_pdf_is_tagged_with_language_and_alt_text(
    example: tuple[CaseOutput, bytes, Path],
) -> None:
    output, pdf, _ = example
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    catalog: Any = reader.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == "en"
    assert "/StructTreeRoot" in catalog
    assert "pdfuaid:part>1<" in reader.xmp_metadata.stream.get_data().decode()  # type: ignore[union-attr]
    alts = {str(e["/Alt"]) for e in _structure(catalog["/StructTreeRoot"]) if "/Alt" in e}
    page = output.pages["cases/ppp-ad-baricitinib/index.md"]
    wanted = set(re.findall(r'<img src="[^"]+" alt="([^"]+)"', page))
    assert len(wanted) == 8 and wanted <= alts


def _structure(node: object) -> list[pypdf.generic.DictionaryObject]:
    """Every element of a tagged PDF's structure tree."""
    node = node.get_object() if isinstance(node, pypdf.generic.IndirectObject) else node
    if isinstance(node, pypdf.generic.ArrayObject):
        return [e for child in node for e in _structure(child)]
    if isinstance(node, pypdf.generic.DictionaryObject):
        return [node, *_structure(node.get("/K", []))]
    return []


def test_the_same_case_gives_the_same_bytes(
    example: tuple[CaseOutput, bytes, Path], tmp_path: Path
) -> None:
    assert _pdf(_built(example_article(), tmp_path), tmp_path) == example[1]


def test_a_typesetter_kept_for_several_documents_gives_each_the_same_bytes(
    example: tuple[CaseOutput, bytes, Path],
) -> None:
    output, pdf, root = example
    assert output.pdf is not None
    key = output.pdf.key
    job = BuildCache(root).get(JOBS, key, key=key, type_=PdfJob)
    assert job is not None
    title = output.record.title
    assert title in job.source
    other = PdfJob(job.source.replace(title, "Another case report"))
    typesetter = Typesetter(root, renew_after=3)
    first_other = typeset(other, typesetter=typesetter).data
    assert first_other != pdf
    assert typeset(job, typesetter=typesetter).data == pdf
    assert typeset(other, typesetter=typesetter).data == first_other


def test_paper_size_is_a_setting(example: tuple[CaseOutput, bytes, Path], tmp_path: Path) -> None:
    a4 = pypdf.PdfReader(io.BytesIO(example[1])).pages[0].mediabox
    assert (round(a4.width), round(a4.height)) == (595, 842)
    letter = SETTINGS.model_copy(update={"pdf_paper": "us-letter"})
    pdf = _pdf(_built(example_article(), tmp_path, letter), tmp_path)
    box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(box.width), round(box.height)) == (612, 792)


def test_a_site_without_pdfs_typesets_and_links_none(tmp_path: Path) -> None:
    output = _built(example_article(), tmp_path, SETTINGS.model_copy(update={"pdf": False}))
    assert output.pdf is None
    assert not [uri for uri in output.downloads if uri.endswith(".pdf")]
    assert not (tmp_path / "pdfs").exists()
    page = output.pages["cases/ppp-ad-baricitinib/index.md"]
    assert "Download PDF" not in page and ".pdf" not in page
    assert "citation_pdf_url" not in output.heads["cases/ppp-ad-baricitinib/index.md"]


def test_hostile_title_is_printed_as_written(tmp_path: Path) -> None:
    text = replace_once(
        example_text(),
        "  title: Palmoplantar pustulosis with atopic dermatitis responding to baricitinib\n",
        f"  title: '{HOSTILE_TITLE}'\n",
    )
    output = _built(variant_article(tmp_path, text), tmp_path / "cache")
    pdf = _pdf(output, tmp_path / "cache")
    assert pypdf.PdfReader(io.BytesIO(pdf)).metadata["/Title"] == HOSTILE_TITLE  # type: ignore[index]
    assert _flat(HOSTILE_TITLE) in _flat(_text(pdf))


@pytest.mark.parametrize("case_id", GOLDEN_CASES)
def test_typst_source_matches_golden(case_id: str, golden: Callable[[str, str], None]) -> None:
    article = golden_article(case_id)
    scholarly = scholarly_output(article, settings=SETTINGS)
    assert scholarly.cite is not None
    source = case_pdf_source(
        PdfInput(
            record=scholarly.record,
            page_markdown=render_case_page(article, site=SETTINGS, cite=scholarly.cite),
            citation_html=str(scholarly.cite.formatted),
            kind=article.kind,
        ),
        image_path=lambda src: f"/images/{src}",
    )
    golden(f"{case_id}/{case_id}.typ", source)


def test_the_edge_case_fixture_typesets_with_its_text_intact(tmp_path: Path) -> None:
    """The synthetic edge cases: Typst syntax, quotes, braces and scripts in every field."""
    article = golden_article(SYNTHETIC)
    output = _built(article, tmp_path)
    # Its Chinese keyword has no glyph in the embedded fonts: PDF/A and PDF/UA refuse that, so
    # the PDF is written without them, and the author is told.
    assert [w.format() for w in output.warnings] == [
        "case_data/synthetic-edge-cases/case.yaml: warning: the PDF has no font for text such "
        "as '東', which it prints as an empty box, and so is neither PDF/A nor PDF/UA (its "
        "fonts cover the Latin, Greek and Cyrillic scripts; the page and the JATS show the "
        "text as written)"
    ]
    text = _flat(_text(_pdf(output, tmp_path)))
    assert _flat(article.case.publication.title) in text
    for keyword in article.case.publication.keywords:
        if keyword.isascii():
            assert _flat(keyword) in text, keyword
