"""Orchestration: every case's output, from the cache or rendered, and the whole site's."""
