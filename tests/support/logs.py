"""A logging handler that keeps what reaches it, for tests of what a logger lets through."""

from __future__ import annotations

import logging


class Records(logging.Handler):
    def __init__(self, level: int = logging.WARNING) -> None:
        super().__init__(level)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
