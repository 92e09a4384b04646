"""The core as an engine adapter uses it: one module, which the adapter imports afresh whenever
the core's source changed (casebook_mkdocs.core), typed by the Protocol written there."""

from __future__ import annotations

from casebook.assemble import PdfsFailed, SiteOutput, build_site_output, warm_up
from casebook.editor import AdminFiles, admin_files
from casebook.errors import CaseDataError, SettingsError
from casebook.load import read_settings
from casebook.models import EditorSettings, SiteSettings
from casebook.publish import (
    PageSanitizer,
    StagingError,
    discard,
    explain_os_error,
    find_metadata_in_site,
    promote,
    staging_dir_for,
)

__all__ = [
    "AdminFiles",
    "CaseDataError",
    "EditorSettings",
    "PageSanitizer",
    "PdfsFailed",
    "SettingsError",
    "SiteOutput",
    "SiteSettings",
    "StagingError",
    "admin_files",
    "build_site_output",
    "discard",
    "explain_os_error",
    "find_metadata_in_site",
    "promote",
    "read_settings",
    "staging_dir_for",
    "warm_up",
]
