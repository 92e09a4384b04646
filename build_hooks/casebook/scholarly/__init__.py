"""What a case publishes for indexers and readers' tools, all from one ScholarlyRecord."""

from __future__ import annotations

from casebook.scholarly.outputs import ScholarlyOutput, scholarly_output, site_files
from casebook.scholarly.record import ScholarlyRecord, affiliation_text

__all__ = [
    "ScholarlyOutput",
    "ScholarlyRecord",
    "affiliation_text",
    "scholarly_output",
    "site_files",
]
