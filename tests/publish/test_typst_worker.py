"""The typesetter's process: Typst and the cache's file format, nothing of the case model."""

from __future__ import annotations

from pathlib import Path

from casebook.assemble.children import finish_child, start_child
from casebook.publish import JOBS, TYPESETTER_CODE, BuildCache, PdfJob, pdf_file
from casebook.publish.checked_files import entry_bytes, take_damaged, write_atomically
from casebook.publish.pdf_store import holds_pdf
from casebook.publish.typst_worker import typeset_jobs
from casebook.text import typst_string

HEAVY = (
    *("pydantic", "markdown", "PIL", "jinja2", "matplotlib", "citeproc", "yaml"),
    *("casebook.models", "casebook.render", "casebook.scholarly", "casebook.assemble"),
)


def test_the_typesetter_process_imports_nothing_of_the_case_model(tmp_path: Path) -> None:
    run = "raise SystemExit(main())\n"
    assert TYPESETTER_CODE.endswith(run)
    code = TYPESETTER_CODE.replace(run, "import json; print(json.dumps(sorted(sys.modules)))\n")
    child = start_child(code, {"cache_root": str(tmp_path), "keys": []})
    assert child is not None
    modules = finish_child(child)
    assert "casebook.publish.typst_worker" in modules
    assert [m for m in modules if m.split(".")[0] in HEAVY or m.startswith(HEAVY)] == []


def test_the_typesetter_process_typesets_a_job(tmp_path: Path) -> None:
    key = "a" * 64
    source = f"#set document(title: {typst_string('A case')})\n#{typst_string('A case')}"
    BuildCache(tmp_path).put(JOBS, key, PdfJob(source), key=key)
    child = start_child(TYPESETTER_CODE, {"cache_root": str(tmp_path), "keys": [key]})
    assert child is not None
    assert finish_child(child) == {}
    assert holds_pdf(tmp_path, key)
    assert pdf_file(tmp_path, key).read_bytes().startswith(b"%PDF-")


def _job(tmp_path: Path, key: str, text: str) -> None:
    source = f"#set document(title: {typst_string('A case')})\n#{typst_string(text)}"
    BuildCache(tmp_path).put(JOBS, key, PdfJob(source), key=key)


def test_jobs_gone_damaged_or_done_are_left_and_no_font_is_named(tmp_path: Path) -> None:
    done, damaged, gone, unprintable = "d" * 64, "e" * 64, "f" * 64, "0" * 64
    _job(tmp_path, done, "done")
    typeset_jobs(tmp_path, [done])
    first = pdf_file(tmp_path, done).stat().st_mtime_ns
    write_atomically(tmp_path / JOBS / f"{damaged}.json", entry_bytes(b"{}", key=damaged)[:-1])
    _job(tmp_path, unprintable, "胃")
    take_damaged()
    found = typeset_jobs(tmp_path, [done, damaged, gone, unprintable])
    assert found == {unprintable: "胃"}
    assert pdf_file(tmp_path, done).stat().st_mtime_ns == first  # not typeset again
    assert not holds_pdf(tmp_path, damaged) and not holds_pdf(tmp_path, gone)
    assert take_damaged() == [str(tmp_path / JOBS / f"{damaged}.json")]
