"""The `casebook` command (check, new, schema, render, verify-site), reading mkdocs.yml itself."""

from casebook.cli.commands import main

__all__ = ["main"]
