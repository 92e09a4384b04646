"""Read an author's file: YAML with the line and column of every value, hardened."""

from __future__ import annotations

from casebook.source.yaml_loader import load_yaml_file, load_yaml_text

__all__ = ["load_yaml_file", "load_yaml_text"]
