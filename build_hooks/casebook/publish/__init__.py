"""Bytes on disk: the build cache, re-encoded figures, drawn charts, sanitised pages, staging."""

from __future__ import annotations

from casebook.publish.build_cache import CACHE_DIR, BuildCache, core_fingerprint
from casebook.publish.cache_prune import Cleared, clear_cache, prune_cache
from casebook.publish.cache_uses import Pruned
from casebook.publish.charts import publish_chart
from casebook.publish.checked_files import (
    note_damaged,
    take_damaged,
    write_atomically,
    write_checked,
)
from casebook.publish.images import publish_image
from casebook.publish.page_sanitizer import PageSanitizer
from casebook.publish.pdf import (
    PdfInput,
    PdfJob,
    case_pdf_source,
    pdf_job,
    typeset,
    warm_up_typesetting,
)
from casebook.publish.pdf_coverage import surely_printable
from casebook.publish.pdf_store import JOBS, PDFS, pdf_file, pdf_label, write_pdf
from casebook.publish.print_copies import print_copy
from casebook.publish.published_scan import find_metadata_in_site, judge_ahead
from casebook.publish.sanitize import sanitize_html
from casebook.publish.staging import (
    StagingError,
    discard,
    explain_os_error,
    promote,
    staging_dir_for,
)
from casebook.publish.typst_compiler import PdfError, TypesetPdf, Typesetter, compile_pdf
from casebook.publish.typst_worker import TYPESETTER_CODE

__all__ = [
    "CACHE_DIR",
    "JOBS",
    "PDFS",
    "TYPESETTER_CODE",
    "BuildCache",
    "Cleared",
    "PageSanitizer",
    "PdfError",
    "PdfInput",
    "PdfJob",
    "Pruned",
    "StagingError",
    "TypesetPdf",
    "Typesetter",
    "case_pdf_source",
    "clear_cache",
    "compile_pdf",
    "core_fingerprint",
    "discard",
    "explain_os_error",
    "find_metadata_in_site",
    "judge_ahead",
    "note_damaged",
    "pdf_file",
    "pdf_job",
    "pdf_label",
    "print_copy",
    "promote",
    "prune_cache",
    "publish_chart",
    "publish_image",
    "sanitize_html",
    "staging_dir_for",
    "surely_printable",
    "take_damaged",
    "typeset",
    "warm_up_typesetting",
    "write_atomically",
    "write_checked",
    "write_pdf",
]
