"""`casebook render OUT`: a page set for another engine, whole or not at all, heads included."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest
from casebook.assemble import SiteOutput
from casebook.cli import main
from casebook.cli.handoff import (
    CONTENT_BEGIN,
    CONTENT_END,
    RenderRefused,
    handed_over,
    write_page_set,
)
from mkdocs.utils.meta import get_data

from ..support.cases import EXAMPLE, line_of
from ..support.images import camera_jpeg
from ..support.project import ROOT

PAGE = Path("cases") / EXAMPLE.name / "index.md"


def project(tmp_path: Path) -> Path:
    """The example case with the site's own mkdocs.yml, so the heads carry its addresses."""
    root = tmp_path / "project"
    shutil.copytree(EXAMPLE, root / "case_data" / EXAMPLE.name)
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def render(root: Path, out: Path) -> int:
    return main(["--root", str(root), "render", str(out)])


def tree(folder: Path) -> dict[str, bytes]:
    files = (p for p in folder.rglob("*") if p.is_file())
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def test_each_page_carries_its_head_and_marks_its_content(tmp_path: Path) -> None:
    root, out = project(tmp_path), tmp_path / "out"
    assert render(root, out) == 0
    body, meta = get_data((out / PAGE).read_text(encoding="utf-8"))
    assert '<meta name="citation_title" content="Palmoplantar pustulosis' in meta["casebook_head"]
    assert '<script type="application/ld+json">' in meta["casebook_head"]
    assert meta["casebook_site_head"] == (
        '<link rel="alternate" type="application/atom+xml" title="Casebook Example Collection" '
        'href="https://example.org/casebook/feed.xml">\n'
    )
    assert meta["title"].startswith("Palmoplantar pustulosis")
    assert body.startswith(f"{CONTENT_BEGIN}\n\n# Palmoplantar pustulosis")
    assert body.endswith(f"\n\n{CONTENT_END}\n")
    _, home = get_data((out / "index.md").read_text(encoding="utf-8"))
    assert "casebook_head" not in home and home["casebook_site_head"] == meta["casebook_site_head"]
    assert (out / "cases" / EXAMPLE.name / "figures" / "clinical-back.png").is_file()
    assert (out / ".casebook-render").is_file()
    assert leftovers(out) == []


@pytest.mark.parametrize(
    "value",
    [
        '<meta content="a \\"quoted\\" \\\\ value">\n<script>{"x": 1}</script>',
        "line\u2028separator, next\x85line, bom\ufeff, c1\x9b, tab\t, emoji \U0001f600",
        "---\n...\n# not front matter\n",
    ],
)
def test_heads_read_back_as_written_whatever_they_hold(value: str) -> None:
    page = handed_over('---\ntitle: "T"\n---\n\n# T\n', head=value, site_head=value)
    body, meta = get_data(page)
    assert meta == {"title": "T", "casebook_head": value, "casebook_site_head": value}
    assert body == f"{CONTENT_BEGIN}\n\n# T\n\n{CONTENT_END}\n"


def test_a_page_without_front_matter_gets_one_only_for_a_head() -> None:
    plain = handed_over("# T\n", head="", site_head="")
    assert plain == f"{CONTENT_BEGIN}\n\n# T\n\n{CONTENT_END}\n"
    _, meta = get_data(handed_over("# T\n", head="<meta>", site_head=""))
    assert meta == {"casebook_head": "<meta>"}


def test_a_hostile_page_is_refused_and_the_last_render_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, out = project(tmp_path), tmp_path / "out"
    assert render(root, out) == 0
    before = tree(out)
    case = root / "case_data" / EXAMPLE.name / "case.yaml"
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace("  PPP is a chronic", "  PPP <script>x</script> is a chronic", 1))
    line = line_of(text, "  PPP is a chronic")
    capsys.readouterr()
    assert render(root, out) == 1
    assert capsys.readouterr().err == (
        f"case_data/{EXAMPLE.name}/case.yaml:{line}:7: discussion: raw HTML tag <script> is not "
        "allowed (write Markdown instead; if you meant a less-than sign, put a space after "
        '"<")\n'
        f"case_data/{EXAMPLE.name}/case.yaml:{line}:16: discussion: raw HTML tag </script> is not "
        "allowed (write Markdown instead; if you meant a less-than sign, put a space after "
        '"<")\n'
        "2 errors in 1 case file\n"
    )
    assert tree(out) == before
    assert leftovers(out) == []


def test_a_render_that_fails_while_writing_keeps_the_last_one(tmp_path: Path) -> None:
    out = tmp_path / "out"
    good = SiteOutput(pages={"index.md": "# Home\n"})
    write_page_set(good, out, project_root=tmp_path)
    before = tree(out)
    broken = SiteOutput(pages={"index.md": "# New\n"}, asset_files={"x.png": str(tmp_path / "no")})
    with pytest.raises(FileNotFoundError):
        write_page_set(broken, out, project_root=tmp_path)
    assert tree(out) == before
    assert leftovers(out) == []


def test_a_full_disk_is_one_line_and_keeps_the_last_render(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write_page_set(SiteOutput(pages={"index.md": "# Home\n"}), out, project_root=tmp_path)
    before = tree(out)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", full)
    grown = SiteOutput(pages={"index.md": "# New\n"}, asset_files={"x.png": str(tmp_path)})
    with pytest.raises(RenderRefused) as refused:
        write_page_set(grown, out, project_root=tmp_path)
    assert str(refused.value) == (
        f"could not write the site to {out}: the disk is full: free some space on it and build "
        "again; the last good site is kept"
    )
    assert tree(out) == before
    assert leftovers(out) == []


def test_an_image_with_metadata_is_refused_and_the_last_render_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_page_set(SiteOutput(pages={"index.md": "# Home\n"}), out, project_root=tmp_path)
    before = tree(out)
    leaky = SiteOutput(pages={"index.md": "# New\n"}, assets={"photo.jpg": camera_jpeg()})
    with pytest.raises(RenderRefused) as refused:
        write_page_set(leaky, out, project_root=tmp_path)
    assert str(refused.value) == (
        "published images still carry metadata:\n"
        "photo.jpg: EXIF data, XMP data, ICC colour profile, JPEG comment, GPS position"
    )
    assert tree(out) == before
    assert leftovers(out) == []


def test_a_folder_it_did_not_write_is_never_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, docs = project(tmp_path), tmp_path / "docs"
    docs.mkdir()
    (docs / "guide.md").write_text("# Written by hand\n")
    assert render(root, docs) == 1
    assert capsys.readouterr().err == (
        f"casebook render: {docs} holds files that casebook render did not write; give a new "
        "folder or one it wrote before (it replaces the folder whole)\n"
    )
    assert tree(docs) == {"guide.md": b"# Written by hand\n"}
