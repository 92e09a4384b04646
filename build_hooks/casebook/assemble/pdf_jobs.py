"""Each case's PDF as a job in the build cache, typeset once per content, now or later.

Typesetting is the largest single cost of rendering a case from scratch (Typst alone takes
some 40 ms a document), and nothing else in the build needs the PDF's bytes: the pages link
to it by its site path. So a job is stored as the Typst source its PDF is made from (whose
figures are files in the cache, named by their content), under a key made of it, and the PDF
is typeset into the cache under that key: with the case when the build renders it, or in a
background process while the build renders the site's pages (casebook.assemble.typesetting),
after the cases were rendered in child processes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePosixPath

from pydantic import TypeAdapter

from casebook.errors import Diagnostic
from casebook.publish import (
    JOBS,
    PDFS,
    BuildCache,
    PdfJob,
    TypesetPdf,
    Typesetter,
    core_fingerprint,
    pdf_file,
    pdf_label,
    surely_printable,
    typeset,
    write_pdf,
)

_JOB = TypeAdapter(PdfJob)


@dataclass(frozen=True)
class PdfRef:
    """Where a case's PDF is published, and the key of its job."""

    site_path: str
    key: str
    case_file: str
    """The case's case.yaml, as a warning about its PDF names it."""


class PdfJobMissing(Exception):
    """Neither the PDF nor its job is in the cache any more (removed during the build)."""


@dataclass(frozen=True)
class StoredJob:
    key: str
    """The job's content and the code and versions that typeset it, hashed."""
    can_wait: bool
    """Whether its PDF may be typeset later: none of its text (its page, its record, its
    citation) can make the warning that belongs with its case's output."""


def store_job(cache: BuildCache, job: PdfJob) -> StoredJob:
    """Keep `job` in the cache (one small entry, written once per content)."""
    content = _JOB.dump_json(job)
    hasher = hashlib.sha256(core_fingerprint().encode())
    hasher.update(content)
    key = hasher.hexdigest()
    if not cache.holds(JOBS, key, key=key):
        cache.put(JOBS, key, job, key=key, remember=False)
    return StoredJob(key, can_wait=surely_printable(content.decode()))


def is_typeset(cache: BuildCache, key: str) -> bool:
    """Whether the PDF of job `key` is in the cache, with the bytes it was written with."""
    return cache.holds_file(pdf_file(cache.root, key), label=pdf_label(key))


def can_publish(cache: BuildCache, key: str) -> bool:
    """Whether the PDF of job `key` is in the cache or can be typeset from it."""
    return cache.holds(JOBS, key, key=key) or is_typeset(cache, key)


def typeset_job(
    cache: BuildCache,
    key: str,
    *,
    job: PdfJob | None = None,
    typesetter: Typesetter | None = None,
) -> TypesetPdf:
    """Typeset job `key` (read from the cache unless given) into the cache; `typesetter`: one
    to share with the jobs typeset after it."""
    if job is None:
        job = cache.get(JOBS, key, key=key, type_=PdfJob, remember=False)
        if job is None:
            raise PdfJobMissing(key)
    pdf = typeset(job, typesetter=typesetter or Typesetter(cache.root, renew_after=1))
    write_pdf(cache.root, key, pdf.data)
    return pdf


def mark_used(cache: BuildCache, key: str) -> None:
    cache.uses.mark(f"{JOBS}/{key}.json")
    cache.uses.mark(f"{PDFS}/{key}.pdf")


def unprintable_warning(case_file: str, unprintable: str) -> Diagnostic:
    return Diagnostic(
        file=case_file,
        line=0,
        column=0,
        field="",
        message=(
            f"the PDF has no font for text such as '{unprintable}', which it prints as an "
            "empty box, and so is neither PDF/A nor PDF/UA"
        ),
        hint=(
            "its fonts cover the Latin, Greek and Cyrillic scripts; the page and the JATS "
            "show the text as written"
        ),
        severity="warning",
    )


def case_file(case_dir: str, case_id: str) -> str:
    return (PurePosixPath(case_dir) / case_id / "case.yaml").as_posix()
