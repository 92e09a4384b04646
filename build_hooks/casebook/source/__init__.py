"""Read an author's file: YAML with the line and column of every value, hardened; and change
a few values of a YAML file's text without disturbing the rest."""

from __future__ import annotations

from casebook.source.yaml_edit import YamlEditError, set_scalars
from casebook.source.yaml_loader import Loaded, load_yaml_file, load_yaml_text

__all__ = ["Loaded", "YamlEditError", "load_yaml_file", "load_yaml_text", "set_scalars"]
