"""Bytes on disk: the build cache, re-encoded figures, drawn charts, sanitised pages, staging."""
