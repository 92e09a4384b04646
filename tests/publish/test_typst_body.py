from __future__ import annotations

import io

import pypdf
import typst
from casebook.publish.typst_body import TypstBody

from ..text.test_typst_escape import HOSTILE


def _body(**kwargs: object) -> TypstBody:
    options = {"image_path": lambda src: f"/images/{src}", **kwargs}
    return TypstBody(**options)  # type: ignore[arg-type]


def test_headings_keep_their_ids_as_labels_one_level_up() -> None:
    markup = _body().convert('<h1>Title</h1><h2 id="presentation">Presentation</h2><h3>Sub</h3>')
    assert markup == (
        '#heading(level: 1)[#"Presentation"] <presentation>\n\n#heading(level: 2)[#"Sub"]\n'
    )


def test_paragraph_text_is_quoted_with_white_space_as_html_shows_it() -> None:
    markup = _body().convert("<p>\n  A <strong>bold</strong>\n  claim.</p>")
    assert markup == '#"A "#strong[#"bold"]#" claim."\n'


def test_cross_references_link_only_to_what_the_document_labels() -> None:
    html = (
        '<figure class="cb-figure" id="fig-a"><div class="cb-panels">'
        '<div class="cb-panel" id="fig-a-left"><img src="a.png" alt="Left">'
        '<span class="cb-panel-label" aria-hidden="true">a</span></div>'
        '<div class="cb-panel" id="fig-a-right"><img src="b.png" alt="Right">'
        '<span class="cb-panel-label" aria-hidden="true">b</span></div></div>'
        "<figcaption><strong>Figure 1.</strong> (a) Left. (b) Right.</figcaption></figure>"
        '<p><a class="cb-xref" href="#fig-a-right">Figure 1b</a>, '
        '<a href="#nowhere">gone</a>, <a href="https://example.org/x?a=1&amp;b=2">out</a>, '
        '<a href="care.md">CARE</a></p>'
    )
    markup = _body().convert(html)
    # The panel leads to its figure; an id the document does not carry is plain text.
    assert '#link(<fig-a>)[#"Figure 1b"]#", gone, "' in markup
    assert '#link("https://example.org/x?a=1&b=2")[#"out"]' in markup
    assert markup.rstrip().endswith('#", CARE"')  # no site address: a relative link is text
    assert ") <fig-a>" in markup
    assert 'image("/images/a.png", width: 100%, alt: "Left")' in markup
    assert '[#strong[#"b"]]' in markup  # the panel letter is drawn on the panel
    with_site = _body(base_url="https://example.org/site/cases/x/").convert(html)
    assert '#link("https://example.org/site/cases/x/care.md")[#"CARE"]' in with_site


def test_citations_link_to_their_numbered_reference() -> None:
    html = (
        '<p>Seen before<sup class="cb-cite"><a href="#ref-smith">1</a></sup>.</p>'
        '<ol class="cb-references"><li id="ref-smith">Smith J. <em>A title</em>.</li></ol>'
    )
    markup = _body().convert(html)
    assert '#super[#link(<ref-smith>)[#"1"]]' in markup
    assert '#enum(numbering: "1.",\n  [#metadata(none) <ref-smith>#"Smith J. "#emph' in markup


def test_web_only_parts_are_left_out() -> None:
    html = (
        '<div class="cb-byline"><p>Authors</p></div>'
        '<details class="cb-chart-details"><summary>Values</summary><table></table></details>'
        '<p>Kept</p><h2 id="cite">Cite this case</h2><p>Download the citation</p>'
    )
    assert _body().convert(html) == '#"Kept"\n'


def test_tables_keep_their_header_and_every_cell() -> None:
    html = (
        "<table><thead><tr><th>Test</th><th>Result</th></tr></thead>"
        "<tbody><tr><td>IgE</td><td>99 kU/L</td></tr><tr><td>Eos</td><td></td></tr></tbody>"
        "</table>"
    )
    assert _body().convert(html) == (
        "#table(columns: 2,\n"
        '  table.header([#"Test"], [#"Result"]),\n'
        '  [#"IgE"], [#"99 kU/L"],\n'
        '  [#"Eos"], [],\n'
        ")\n"
    )


def test_an_image_the_build_did_not_publish_is_shown_as_its_description() -> None:
    markup = _body(image_path=lambda src: None).convert(
        '<figure class="cb-chart" id="chart-x"><img src="x.svg" alt="A chart"></figure>'
    )
    assert "image(" not in markup and '#"A chart"' in markup


def test_hostile_text_in_every_position_stays_text() -> None:
    cells = "".join(f"<td>{_html(t)}</td>" for t in HOSTILE)
    html = "".join(
        [
            *(
                f'<h2 id="h{i}">{_html(t)}</h2><p><em>{_html(t)}</em></p>'
                for i, t in enumerate(HOSTILE)
            ),
            f"<table><tr>{cells}</tr></table>",
            "<ul>" + "".join(f"<li>{_html(t)}</li>" for t in HOSTILE) + "</ul>",
            '<figure class="cb-chart" id="chart-x"><img src="x.svg" alt="'
            + _html(HOSTILE[0])
            + '"><figcaption>'
            + _html(HOSTILE[1])
            + "</figcaption></figure>",
            f'<p><a href="https://example.org/">{_html(HOSTILE[2])}</a></p>',
        ]
    )
    markup = _body(image_path=lambda src: None).convert(html)
    source = f'#set document(title: "t")\n{markup}'
    pdf = typst.Compiler(ignore_system_fonts=True).compile(input=source.encode(), format="pdf")
    assert isinstance(pdf, bytes)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    flat = "".join(text.split())
    for hostile in HOSTILE:
        visible = "".join(c for c in hostile if c.isprintable() and not c.isspace())
        assert flat.count(visible) >= 3, hostile  # heading, paragraph, cell (and list item)


def _html(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
