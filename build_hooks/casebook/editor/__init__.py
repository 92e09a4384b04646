"""The form editor: a Decap CMS configuration made from the case model, the admin/ pages and
a local backend that saves case.yaml without losing what the form does not show."""

from __future__ import annotations

from casebook.editor.admin import AdminFiles, admin_files
from casebook.editor.cms_config import (
    CONFIG_PATH,
    REGENERATE,
    cms_config,
    cms_config_text,
    write_cms_config,
)
from casebook.editor.form_spec import FormField, FormSpecError, case_form, form_from_schema
from casebook.editor.local_backend import LocalBackend, make_server
from casebook.editor.merge import MergeError, merge_case

__all__ = [
    "CONFIG_PATH",
    "REGENERATE",
    "AdminFiles",
    "FormField",
    "FormSpecError",
    "LocalBackend",
    "MergeError",
    "admin_files",
    "case_form",
    "cms_config",
    "cms_config_text",
    "form_from_schema",
    "make_server",
    "merge_case",
    "write_cms_config",
]
