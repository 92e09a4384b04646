"""Casebook core: case data -> validated model -> Markdown pages, with no MkDocs imports."""
