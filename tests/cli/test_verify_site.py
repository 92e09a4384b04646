"""`casebook verify-site DIR`: another engine's site checked as the MkDocs build checks its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from casebook.cli import main
from casebook.cli.handoff import CONTENT_BEGIN, CONTENT_END
from casebook.cli.verify_site import unsanitised

from ..support.images import camera_jpeg

# What Python-Markdown and Material make of a page: the theme's own scripts and forms around
# the content, and inside it headings with permalinks, a table with aligned cells, links.
CONTENT = """
<h1 id="case">Case<a class="headerlink" href="#case" title="Permanent link">&para;</a></h1>
<p>See <a href="../guide/">the guide</a> &amp; <a href="https://example.org/x">a source</a>.</p>
<table>
<thead><tr><th style="text-align: left;">Day</th></tr></thead>
<tbody><tr><td style="text-align: left;">1</td></tr></tbody>
</table>
<figure class="cb-figure"><a class="glightbox" href="figures/a.png" data-type="image"
  data-title="Figure 1"><img src="figures/a.png" alt="Back" loading="lazy"></a>
<figcaption>Figure 1.</figcaption></figure>
"""


def page(content: str) -> str:
    return (
        '<html><head><script src="assets/bundle.js"></script></head><body>'
        '<form class="md-search"><input name="q"></form><article class="md-content__inner">'
        f"{CONTENT_BEGIN}{content}{CONTENT_END}</article><script>theme()</script></body></html>"
    )


def site(tmp_path: Path, pages: dict[str, str]) -> Path:
    folder = tmp_path / "site"
    for name, html in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(html, encoding="utf-8")
    return folder


def verify(folder: Path) -> int:
    return main(["--root", str(folder.parent), "verify-site", str(folder)])


def test_a_site_as_the_sanitiser_leaves_it_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = site(tmp_path, {"cases/a/index.html": page(CONTENT), "404.html": "<script>x()"})
    assert verify(folder) == 0
    assert capsys.readouterr().out == (
        f"{folder}: 1 Casebook page as the sanitiser leaves them, and no image with metadata\n"
    )


@pytest.mark.parametrize(
    ("hostile", "shown"),
    [
        ("<p>x</p><script>alert(1)</script>", "<script>"),
        ('<img src="a.png" onerror="alert(1)">', '<img src="a.png" onerror="alert(1)">'),
        ('<a href="javascript:alert(1)">x</a>', '<a href="javascript:alert(1)">'),
        ('<img src="https://tracker.example/p.gif">', '<img src="https://tracker.example/p.gif">'),
        ('<a class="glightbox" data-title="<img src=x onerror=alert(1)>">x</a>', "<a class="),
        ('<div class="md-search">x</div>', '<div class="md-search">'),
        ("<p>open <strong>x", "an element left open at the end"),
    ],
)
def test_content_the_sanitiser_would_change_is_shown(hostile: str, shown: str) -> None:
    found = unsanitised(CONTENT + hostile)
    assert found is not None and found.startswith(shown)


def test_a_hostile_page_fails_loudly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = page(CONTENT + '<p onclick="steal()">Click</p>')
    folder = site(tmp_path, {"cases/a/index.html": hostile, "index.html": page(CONTENT)})
    assert verify(folder) == 1
    assert capsys.readouterr().err == (
        "cases/a/index.html: the page holds what Casebook's sanitiser removes or changes: "
        '<p onclick="steal()">\n'
        f"casebook verify-site: {folder} is not safe to publish (1 problem)\n"
    )


def test_a_figure_with_metadata_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = site(tmp_path, {"cases/a/index.html": page(CONTENT)})
    (folder / "cases" / "a" / "figures").mkdir()
    (folder / "cases" / "a" / "figures" / "a.jpg").write_bytes(camera_jpeg())
    assert verify(folder) == 1
    assert capsys.readouterr().err == (
        "cases/a/figures/a.jpg: the image carries metadata: EXIF data, XMP data, ICC colour "
        "profile, JPEG comment, GPS position\n"
        f"casebook verify-site: {folder} is not safe to publish (1 problem)\n"
    )


def test_a_site_without_casebook_pages_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An engine that drops HTML comments, or a site not built from casebook render's output.
    folder = site(tmp_path, {"index.html": "<html><body><h1>Cases</h1></body></html>"})
    assert verify(folder) == 1
    assert capsys.readouterr().err == (
        f"{folder}: no page carries Casebook's content markers ({CONTENT_BEGIN}); build the "
        "site from casebook render's output, with an engine that keeps HTML comments\n"
        f"casebook verify-site: {folder} is not safe to publish (1 problem)\n"
    )


def test_markers_out_of_pairs_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    twice = page(CONTENT).replace(CONTENT_END, f"{CONTENT_END}<p>theme</p>{CONTENT_BEGIN}")
    folder = site(tmp_path, {"a.html": twice, "b.html": page(CONTENT).replace(CONTENT_END, "")})
    assert verify(folder) == 1
    marks = f"one {CONTENT_BEGIN} and, after it, one {CONTENT_END}"
    assert capsys.readouterr().err.splitlines() == [
        f"a.html: the content markers are not {marks}; render the pages again with casebook render",
        f"b.html: the content markers are not {marks}; render the pages again with casebook render",
        f"casebook verify-site: {folder} is not safe to publish (2 problems)",
    ]


def test_a_missing_folder_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nowhere = tmp_path / "nowhere"
    assert verify(nowhere) == 1
    assert capsys.readouterr().err == f"casebook verify-site: {nowhere} is not a folder\n"
