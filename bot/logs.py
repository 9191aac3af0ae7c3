"""Logging set-up: one handler on the root logger, and a filter that masks secrets in every record."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

MASK = "********"


class RedactSecrets(logging.Filter):
    """Replaces any known secret value in a record's final message (defence in depth: code never logs them)."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s and len(s) >= 6]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        message = record.getMessage()
        masked = message
        for secret in self._secrets:
            masked = masked.replace(secret, MASK)
        if record.exc_info and record.exc_info[1] is not None:
            # tracebacks are formatted later; pre-render them masked
            formatted = logging.Formatter().formatException(record.exc_info)
            for secret in self._secrets:
                formatted = formatted.replace(secret, MASK)
            masked = f"{masked}\n{formatted}"
            record.exc_info = None
            record.exc_text = None
        if masked != message:
            record.msg, record.args = masked, None
        return True


def setup_logging(level: str = "INFO", *, secrets: Iterable[str] = (), stream=None) -> logging.Handler:
    """Install one stream handler on the root logger with the redaction filter. Returns the handler."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s",
                                           "%Y-%m-%d %H:%M:%S"))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    for existing in list(root.handlers):
        if getattr(existing, "_imagine_bot", False):
            root.removeHandler(existing)
    handler._imagine_bot = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    # discord.py's HTTP debug logs include request bodies; keep them quieter unless asked for
    logging.getLogger("discord.http").setLevel(max(logging.getLevelName(level), logging.INFO))
    return handler
