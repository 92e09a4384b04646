"""PDFs typeset in the background while the build goes on, and what the build does when that
does not happen."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from casebook.assemble import case_output, pdf_jobs, typesetting
from casebook.assemble.children import finish_child, start_child
from casebook.assemble.site import SiteOutput, build_site_output
from casebook.assemble.typesetting import PdfsFailed
from casebook.models.settings import SiteSettings
from casebook.publish import JOBS, PDFS, PdfJob, build_cache

from ..support.cases import replace_once
from ..support.project import copy_project

CASE = Path("case_data") / "ppp-ad-baricitinib"
PDF = "cases/ppp-ad-baricitinib/ppp-ad-baricitinib.pdf"


@pytest.fixture
def typeset_here(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys of the PDFs typeset in this process, the build's."""
    keys: list[str] = []
    real: Callable[..., Any] = pdf_jobs.typeset_job

    def counting(cache: Any, key: str, **kwargs: Any) -> Any:
        keys.append(key)
        return real(cache, key, **kwargs)

    monkeypatch.setattr(pdf_jobs, "typeset_job", counting)
    monkeypatch.setattr(case_output, "typeset_job", counting)
    monkeypatch.setattr(typesetting, "typeset_job", counting)
    return keys


@pytest.fixture
def in_children(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cases rendered in child processes and PDFs typeset in the background, however few."""
    monkeypatch.setattr(case_output, "PREFILL_AT_LEAST", 1)
    monkeypatch.setattr(typesetting, "BACKGROUND_AT_LEAST", 1)


def build(project: Path) -> SiteOutput:
    build_cache._SHARED.clear()  # as a new `mkdocs build` would
    return build_site_output(project, settings=SiteSettings(), include_drafts=False)


def pdf_bytes(output: SiteOutput) -> bytes:
    return Path(output.pdfs.files()[PDF]).read_bytes()


@pytest.fixture(scope="module")
def in_process(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The example's PDF as a build that typesets it with its case makes it."""
    output = build(copy_project(tmp_path_factory.mktemp("in-process")))
    assert output.pdfs.finish() == []
    return pdf_bytes(output)


@pytest.mark.usefixtures("in_children")
def test_the_pdfs_the_children_left_are_typeset_in_the_background(
    project_copy: Path, in_process: bytes, typeset_here: list[str]
) -> None:
    output = build(project_copy)
    [pdf] = output.pdfs.pdfs
    cache = build_cache.BuildCache(project_copy / ".cache" / "casebook")
    # While MkDocs would build the pages, the typesetter typesets: here the test waits.
    deadline = time.monotonic() + 60
    while not pdf_jobs.is_typeset(cache, pdf.key) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert output.pdfs.finish() == []
    assert typeset_here == []  # the typesetter did it, not the build
    assert pdf_bytes(output) == in_process


@pytest.mark.usefixtures("in_children")
def test_a_typesetter_that_fails_leaves_the_pdfs_to_the_build(
    project_copy: Path,
    in_process: bytes,
    typeset_here: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(typesetting, "_CHILD", "raise SystemExit(3)")
    output = build(project_copy)
    assert typeset_here == []  # the child rendering the case left its PDF for later
    assert output.pdfs.finish() == []
    assert typeset_here == [output.pdfs.pdfs[0].key]
    assert pdf_bytes(output) == in_process


@pytest.mark.usefixtures("in_children")
def test_the_build_typesets_from_the_other_end_while_the_typesetter_works(
    project_copy: Path,
    in_process: bytes,
    typeset_here: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A typesetter that is slow to start: the build does not wait for it to begin.
    monkeypatch.setattr(
        typesetting, "_CHILD", "import sys, time; sys.stdin.read(); time.sleep(1); print('{}')"
    )
    output = build(project_copy)
    assert output.pdfs.finish() == []
    assert typeset_here == [output.pdfs.pdfs[0].key]
    assert pdf_bytes(output) == in_process


def test_a_damaged_pdf_is_typeset_again(
    project_copy: Path, in_process: bytes, typeset_here: list[str]
) -> None:
    output = build(project_copy)
    output.pdfs.finish()
    Path(output.pdfs.files()[PDF]).write_bytes(b"%PDF-1.7 not this")
    typeset_here.clear()
    again = build(project_copy)
    assert again.reused == 1
    assert again.pdfs.finish() == []
    assert len(typeset_here) == 1
    assert pdf_bytes(again) == in_process


@pytest.mark.usefixtures("in_children")
def test_text_the_fonts_may_not_print_is_typeset_with_its_case(
    project_copy: Path, typeset_here: list[str]
) -> None:
    # A warning belongs with the case's output, which is stored before any typesetter runs.
    case_file = project_copy / CASE / "case.yaml"
    text = case_file.read_text(encoding="utf-8")
    case_file.write_text(
        replace_once(text, "    - baricitinib\n", "    - baricitinib\n    - 掌蹠膿疱症\n"),
        encoding="utf-8",
    )
    output = build(project_copy)
    assert [w.format() for w in output.warnings] == [
        "case_data/ppp-ad-baricitinib/case.yaml: warning: the PDF has no font for text such as "
        "'掌', which it prints as an empty box, and so is neither PDF/A nor PDF/UA (its fonts "
        "cover the Latin, Greek and Cyrillic scripts; the page and the JATS show the text as "
        "written)"
    ]
    assert output.pdfs.finish() == []  # said once, with the case
    assert typeset_here == []  # the child typeset it with the case
    assert Path(output.pdfs.files()[PDF]).read_bytes().startswith(b"%PDF")


def test_a_pdf_whose_job_left_the_cache_fails_the_build(project_copy: Path) -> None:
    output = build(project_copy)
    cache = project_copy / ".cache" / "casebook"
    shutil.rmtree(cache / PDFS)
    shutil.rmtree(cache / JOBS)
    with pytest.raises(PdfsFailed) as raised:
        output.pdfs.finish()
    assert str(raised.value) == (
        "the PDF of case_data/ppp-ad-baricitinib/case.yaml could not be made: its entry left "
        "the build cache while the build ran; build again"
    )


def test_a_site_without_pdfs_has_nothing_to_typeset(project_copy: Path) -> None:
    build_cache._SHARED.clear()
    output = build_site_output(project_copy, settings=SiteSettings(pdf=False), include_drafts=False)
    assert output.pdfs.files() == {}
    assert output.pdfs.finish() == []


def test_a_job_waits_only_if_all_its_text_is_surely_printed(project_copy: Path) -> None:
    output = build(project_copy)
    [pdf] = output.pdfs.pdfs
    cache = build_cache.BuildCache(project_copy / ".cache" / "casebook")
    job = cache.get(JOBS, pdf.key, key=pdf.key, type_=PdfJob)
    assert job is not None
    assert pdf_jobs.store_job(cache, job).can_wait
    # Text the PDF prints that the page need not: the journal's name, in the running head.
    # A journal's name in the running head, say.
    printed_elsewhere = PdfJob(job.source + '\n#"日本皮膚科学会雑誌"')
    assert not pdf_jobs.store_job(cache, printed_elsewhere).can_wait


def test_a_child_that_leaves_its_pdfs_to_the_typesetter_never_loads_typst(
    project_copy: Path,
) -> None:
    # As a prefill child runs: its request on stdin, then what it imported.
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from casebook.assemble.prefill import prefill\n"
        "from casebook.models.settings import SiteSettings\n"
        f"keys = prefill(Path({str(project_copy)!r}), settings=SiteSettings(),"
        " folders=['ppp-ad-baricitinib'])\n"
        "print(json.dumps([len(keys), 'typst' in sys.modules]))\n"
    )
    child = start_child(code, {})
    assert child is not None
    assert finish_child(child) == [1, False]
