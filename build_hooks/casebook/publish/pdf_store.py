"""Where the build cache keeps the PDF jobs and the PDFs typeset from them, by the job's key.

Python's standard library only, like casebook.publish.checked_files: the typesetter's own
process (casebook.publish.typst_worker) reads the jobs and writes the PDFs with this.
"""

from __future__ import annotations

import json
from pathlib import Path

from casebook.publish.checked_files import (
    UNREADABLE_FILE,
    note_damaged,
    read_checked,
    read_entry,
    write_checked,
)

PDFS = "pdfs"
"""Folder of typeset PDFs inside the build cache, named by their job's key."""
JOBS = "pdf-jobs"
"""Kind of the build-cache entries that hold the jobs (casebook.publish.PdfJob), by the same
key."""


def pdf_file(cache_root: Path, key: str) -> Path:
    return cache_root / PDFS / f"{key}.pdf"


def pdf_label(key: str) -> str:
    """What the note beside a PDF says it is."""
    return f"pdf {key}"


def job_file(cache_root: Path, key: str) -> Path:
    return cache_root / JOBS / f"{key}.json"


def read_job_source(cache_root: Path, key: str) -> str | None:
    """The Typst source of job `key`, or None when the job is gone or damaged. The entry is
    the JSON that BuildCache.put stored for a PdfJob."""
    path = job_file(cache_root, key)
    try:
        payload = read_entry(path, key=key)
        if payload is None:
            return None
        source = json.loads(payload)["source"]
    except (*UNREADABLE_FILE, KeyError, TypeError):
        note_damaged(path)
        return None
    return source if isinstance(source, str) else None


def holds_pdf(cache_root: Path, key: str) -> bool:
    """Whether the PDF of job `key` is in the cache with the bytes it was written with."""
    return read_checked(pdf_file(cache_root, key), label=pdf_label(key)) is not None


def write_pdf(cache_root: Path, key: str, data: bytes) -> None:
    write_checked(pdf_file(cache_root, key), data, label=pdf_label(key))
