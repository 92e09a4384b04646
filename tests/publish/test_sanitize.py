"""Tests for casebook.publish.sanitize: hostile markup is removed, the page's own markup stays."""

from __future__ import annotations

import pytest
from casebook.publish.sanitize import sanitize_html
from hypothesis import given, settings
from hypothesis import strategies as st

REL = ' rel="noopener noreferrer"'
EN_DASH = "\u2013"

# (input, exact output, fragments that must not survive, compared case-insensitively)
HOSTILE: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "script element": ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>", ("script", "alert")),
    "img onerror": ("<img src=x onerror=alert(1)>", '<img src="x">', ("onerror", "alert")),
    "javascript href": (
        '<a href="javascript:alert(1)">x</a>',
        f"<a{REL}>x</a>",
        ("javascript", "alert"),
    ),
    "mixed-case javascript": (
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        f"<a{REL}>x</a>",
        ("javascript", "alert"),
    ),
    "entity-encoded javascript": (
        '<a href="&#106;&#97;vascript&#x3A;alert(1)">x</a>',
        f"<a{REL}>x</a>",
        ("vascript", "alert", "&#"),
    ),
    "javascript with tab and leading space": (
        '<a href=" jav&#x09;ascript:alert(1)">x</a>',
        f"<a{REL}>x</a>",
        ("ascript", "alert"),
    ),
    "vbscript href": ('<a href="vbscript:msgbox(1)">x</a>', f"<a{REL}>x</a>", ("vbscript",)),
    "data:text/html href": (
        '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
        f"<a{REL}>x</a>",
        ("data:",),
    ),
    "protocol-relative href": ('<a href="//evil.example/x">x</a>', f"<a{REL}>x</a>", ("evil",)),
    "backslash host href": ('<a href="/\\evil.example/x">x</a>', f"<a{REL}>x</a>", ("evil",)),
    "tel href": ('<a href="tel:+1234">x</a>', f"<a{REL}>x</a>", ("tel:",)),
    "target and name": (
        '<a href="a.html" target="_blank" name="cookie">x</a>',
        f'<a href="a.html"{REL}>x</a>',
        ("target", "name="),
    ),
    "iframe": ('<iframe src="https://evil.example"></iframe>ok', "ok", ("iframe", "evil")),
    "iframe srcdoc": ('<iframe srcdoc="<script>alert(1)</script>"></iframe>ok', "ok", ("srcdoc",)),
    "form with formaction": (
        '<form action="https://evil.example"><input name="q">'
        '<button formaction="javascript:alert(1)">Go</button></form>',
        "Go",
        ("form", "input", "button", "evil", "javascript"),
    ),
    "svg onload": ("<svg onload=alert(1)><circle r=1 /></svg>ok", "ok", ("svg", "onload", "alert")),
    "math with script": (
        "<math><mtext><script>alert(1)</script></mtext></math>ok",
        "ok",
        ("alert",),
    ),
    "style element": ("<style>body{display:none}</style>ok", "ok", ("style", "display")),
    "style attribute": (
        '<p style="background:url(javascript:alert(1))">x</p>',
        "<p>x</p>",
        ("style", "javascript"),
    ),
    "style on a cell beyond text-align": (
        '<table><tr><td style="text-align: left; position: fixed">1</td></tr></table>',
        "<table><tbody><tr><td>1</td></tr></tbody></table>",
        ("style", "fixed"),
    ),
    "object and embed": (
        '<object data="evil.swf"></object><embed src="evil.swf">ok',
        "ok",
        ("object", "embed", "evil"),
    ),
    "meta refresh": (
        '<meta http-equiv="refresh" content="0;url=https://evil.example">ok',
        "ok",
        ("meta", "refresh"),
    ),
    "base href": ('<base href="https://evil.example/">ok', "ok", ("base", "evil")),
    "stylesheet link": (
        '<link rel="stylesheet" href="https://evil.example/x.css">ok',
        "ok",
        ("link", "evil"),
    ),
    "event handlers": (
        '<div onclick="alert(1)" onmouseover="alert(1)">x</div>',
        "<div>x</div>",
        ("onclick", "onmouseover"),
    ),
    "textarea and select": (
        "<textarea>x</textarea><select><option>y</option></select>ok",
        "ok",
        ("textarea", "select", "option"),
    ),
    "noscript": ("<noscript><img src=x onerror=alert(1)></noscript>ok", "ok", ("onerror",)),
    "html comment": ("<!-- reviewer: name --><p>x</p>", "<p>x</p>", ("reviewer",)),
    "remote image": (
        '<img src="https://tracker.example/pixel.gif" alt="">',
        '<img alt="">',
        ("tracker",),
    ),
    "data image": (
        '<img src="data:image/svg+xml;base64,AAAA" alt="x">',
        '<img alt="x">',
        ("data:",),
    ),
    "srcset": (
        '<img src="figures/x.png" srcset="https://evil.example/a.png 2x" alt="x">',
        '<img src="figures/x.png" alt="x">',
        ("srcset", "evil"),
    ),
    "theme control id": ('<div id="__search">x</div>', "<div>x</div>", ("__search",)),
    "unknown class": (
        '<span class="cb-illustrative md-button">x</span>',
        '<span class="cb-illustrative">x</span>',
        ("md-button",),
    ),
    "lightbox iframe type and html title": (
        '<a class="glightbox" href="figures/x.png" data-type="iframe"'
        ' data-title="&lt;img src=x onerror=alert(1)&gt;">x</a>',
        f'<a class="glightbox" href="figures/x.png" data-title=""{REL}>x</a>',
        ("iframe", "onerror"),
    ),
    "lightbox javascript href": (
        '<a class="glightbox" href="javascript:alert(1)" data-type="image">x</a>',
        f'<a class="glightbox" data-type="image"{REL}>x</a>',
        ("javascript",),
    ),
}


@pytest.mark.parametrize(("html", "expected", "forbidden"), HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_markup_is_removed(html: str, expected: str, forbidden: tuple[str, ...]) -> None:
    cleaned = sanitize_html(html)
    assert cleaned == expected
    for fragment in forbidden:
        assert fragment.lower() not in cleaned.lower()


FIGURE = (
    '<figure class="cb-figure" id="fig-clinical"><div class="cb-panels">'
    '<a class="glightbox" href="figures/x.png" data-type="image" data-width="auto"'
    ' data-height="auto" data-title="Clinical photograph" data-description="Pustules on the palm"'
    ' data-desc-position="bottom" data-gallery="fig-clinical"{rel}>'
    '<img src="figures/x.png" alt="Pustules on the palm" loading="lazy" width="800" height="600">'
    "</a></div><figcaption><strong>Figure 1.</strong> (a) Palm.</figcaption></figure>"
)

# (input, expected); the only change allowed on our own markup is rel on anchors and the
# compact form of a table cell's text-align.
LEGITIMATE: dict[str, tuple[str, str]] = {
    "figure with lightbox": (FIGURE.format(rel=""), FIGURE.format(rel=REL)),
    "citation": (
        '<p>Seen before<sup class="cb-cite"><a href="#ref-yamamoto2021">3</a></sup>.</p>',
        f'<p>Seen before<sup class="cb-cite"><a href="#ref-yamamoto2021"{REL}>3</a></sup>.</p>',
    ),
    "citation range": (
        f'<sup class="cb-cite">[<a href="#ref-a">1</a>{EN_DASH}<a href="#ref-c">3</a>]</sup>',
        f'<sup class="cb-cite">[<a href="#ref-a"{REL}>1</a>{EN_DASH}'
        f'<a href="#ref-c"{REL}>3</a>]</sup>',
    ),
    "figure cross-reference": (
        '<a class="cb-xref" href="#fig-clinical-a">Figure 1a</a>',
        f'<a class="cb-xref" href="#fig-clinical-a"{REL}>Figure 1a</a>',
    ),
    "reference list": (
        '<ol class="cb-references"><li id="ref-x">Yamamoto T. <em>J Dermatol</em>. 2021. '
        '<a href="https://doi.org/10.1111/1346-8138.1">doi</a> '
        '<a href="https://pubmed.ncbi.nlm.nih.gov/123/">PubMed</a></li></ol>',
        '<ol class="cb-references"><li id="ref-x">Yamamoto T. <em>J Dermatol</em>. 2021. '
        f'<a href="https://doi.org/10.1111/1346-8138.1"{REL}>doi</a> '
        f'<a href="https://pubmed.ncbi.nlm.nih.gov/123/"{REL}>PubMed</a></li></ol>',
    ),
    "table": (
        '<table class="cb-labs"><caption>Laboratory values</caption><thead><tr>'
        '<th scope="col" style="text-align: left;">Test</th><th align="right">Value</th></tr>'
        '</thead><tbody><tr><td colspan="2" rowspan="1">IgE &gt; 100 kU/L</td></tr></tbody>'
        '<tfoot><tr><td colspan="2">p &lt; 0.05</td></tr></tfoot></table>',
        '<table class="cb-labs"><caption>Laboratory values</caption><thead><tr>'
        '<th scope="col" style="text-align:left">Test</th><th align="right">Value</th></tr>'
        '</thead><tbody><tr><td colspan="2" rowspan="1">IgE &gt; 100 kU/L</td></tr></tbody>'
        '<tfoot><tr><td colspan="2">p &lt; 0.05</td></tr></tfoot></table>',
    ),
    "illustrative span and abbreviation": (
        '<p><span class="cb-illustrative">Illustrative</span> <abbr title="immunoglobulin E">'
        "IgE</abbr> 10<sup>3</sup> CO<sub>2</sub></p>",
        '<p><span class="cb-illustrative">Illustrative</span> <abbr title="immunoglobulin E">'
        "IgE</abbr> 10<sup>3</sup> CO<sub>2</sub></p>",
    ),
    "admonition": (
        '<div class="admonition note"><p class="admonition-title">Note</p><p>Text.</p></div>',
        '<div class="admonition note"><p class="admonition-title">Note</p><p>Text.</p></div>',
    ),
    "collapsible admonition": (
        '<details class="warning" open=""><summary>Caution</summary><p>Text.</p></details>',
        '<details class="warning" open=""><summary>Caution</summary><p>Text.</p></details>',
    ),
    "heading with permalink": (
        '<h2 id="history">History<a class="headerlink" href="#history" title="Permanent link">'
        "¶</a></h2>",
        '<h2 id="history">History<a class="headerlink" href="#history" title="Permanent link"'
        f"{REL}>¶</a></h2>",
    ),
    "footnote": (
        '<p>x<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>'
        '<div class="footnote"><hr><ol><li id="fn:1"><p>Note. <a class="footnote-backref"'
        ' href="#fnref:1" title="Jump back to footnote 1 in the text">↩</a></p></li></ol></div>',
        f'<p>x<sup id="fnref:1"><a class="footnote-ref" href="#fn:1"{REL}>1</a></sup></p>'
        '<div class="footnote"><hr><ol><li id="fn:1"><p>Note. <a class="footnote-backref"'
        f' href="#fnref:1" title="Jump back to footnote 1 in the text"{REL}>↩</a></p></li></ol>'
        "</div>",
    ),
    "prose elements": (
        '<h3 id="1-findings">Findings</h3><p><em>a</em> <strong>b</strong> <code>c</code>'
        "<br>d</p><blockquote><p>q</p></blockquote><pre><code>x &lt; y</code></pre><hr>"
        '<ul><li>one</li></ul><ol start="3" type="a"><li value="4">two</li></ol>'
        "<dl><dt>term</dt><dd>definition</dd></dl>",
        '<h3 id="1-findings">Findings</h3><p><em>a</em> <strong>b</strong> <code>c</code>'
        "<br>d</p><blockquote><p>q</p></blockquote><pre><code>x &lt; y</code></pre><hr>"
        '<ul><li>one</li></ul><ol start="3" type="a"><li value="4">two</li></ol>'
        "<dl><dt>term</dt><dd>definition</dd></dl>",
    ),
    "external and mail links": (
        '<a href="https://example.org/a?b=1&amp;c=2#d" title="Site">x</a> '
        '<a href="mailto:editor@example.org">mail</a> <a href="../other-case/">case</a>',
        f'<a href="https://example.org/a?b=1&amp;c=2#d" title="Site"{REL}>x</a> '
        f'<a href="mailto:editor@example.org"{REL}>mail</a> <a href="../other-case/"{REL}>case</a>',
    ),
}


@pytest.mark.parametrize(("html", "expected"), LEGITIMATE.values(), ids=LEGITIMATE.keys())
def test_legitimate_markup_survives(html: str, expected: str) -> None:
    assert sanitize_html(html) == expected


def test_lightbox_caption_is_cleaned_as_html() -> None:
    # GLightbox writes data-title with innerHTML; the value is re-escaped so it displays as typed.
    html = '<a href="f.png" data-title="p &lt; 0.05 &amp; &lt;em&gt;x&lt;/em&gt;">'
    expected = (
        f'<a href="f.png" data-title="p &amp;lt; 0.05 &amp;amp; &lt;em&gt;x&lt;/em&gt;"{REL}></a>'
    )

    assert sanitize_html(html) == expected


@pytest.mark.parametrize(
    "html",
    [
        *(html for html, _, _ in HOSTILE.values()),
        *(html for html, _ in LEGITIMATE.values()),
        # Mis-nested markup that the HTML parser rewrites differently on a second parse.
        "<a href='x'><table><a href='x'>",
        "<p><div><li><table><td><a href='#a'><figure><p>x",
    ],
)
def test_sanitize_is_idempotent(html: str) -> None:
    once = sanitize_html(html)
    assert sanitize_html(once) == once


_FRAGMENTS = [
    "<a href='x'>", "</a>", "<p>", "</p>", "<div>", "</div>", "<table>", "<tr>", "<td>",
    "</td>", "<li>", "<ul>", "<script>", "</script>", "<style>", "<!--", "-->", "<", ">", "&",
    "&lt;", "x", " ", "\n", "<img src=x onerror=y>", "<form>", "<svg>", "<textarea>", "<pre>",
    "<figure>", "<sup>", "<a class='glightbox' data-title='<b>&amp;lt;</b>'>", "<iframe>",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=30).map("".join))
def test_sanitize_is_idempotent_on_generated_markup(html: str) -> None:
    once = sanitize_html(html)
    assert sanitize_html(once) == once


def test_download_links_keep_a_safe_file_name_and_media_type() -> None:
    kept = '<a href="case.bib" download="case.bib" type="application/x-bibtex">BibTeX</a>'
    assert sanitize_html(kept) == (
        '<a href="case.bib" download="case.bib" type="application/x-bibtex" '
        'rel="noopener noreferrer">BibTeX</a>'
    )
    hostile = '<a href="x" download="../../etc/passwd" type="text/html; x=y">x</a>'
    assert sanitize_html(hostile) == '<a href="x" rel="noopener noreferrer">x</a>'
