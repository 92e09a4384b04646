"""Markdown pages from the view model, through the Jinja templates in render/templates/."""
