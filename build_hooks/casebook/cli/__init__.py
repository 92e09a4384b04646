"""The `casebook` command: check, new, schema and render, with mkdocs.yml read without MkDocs."""

from casebook.cli.commands import main

__all__ = ["main"]
