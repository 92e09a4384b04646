"""What a case publishes for indexers and readers' tools, all from one ScholarlyRecord."""

from __future__ import annotations

from casebook.scholarly.outputs import scholarly_output, site_files
from casebook.scholarly.record import ScholarlyRecord

__all__ = ["ScholarlyRecord", "scholarly_output", "site_files"]
