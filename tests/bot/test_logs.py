"""Secrets are masked in every log line, tracebacks included."""

from __future__ import annotations

import io
import logging

from bot.logs import setup_logging


def test_secrets_are_masked_in_messages_and_tracebacks():
    stream = io.StringIO()
    handler = setup_logging("DEBUG", secrets=["sk-very-secret-key"], stream=stream)
    try:
        log = logging.getLogger("tests.logs")
        log.warning("calling with %s", "Bearer sk-very-secret-key")
        try:
            raise RuntimeError("failed for sk-very-secret-key")
        except RuntimeError:
            log.exception("boom")
    finally:
        logging.getLogger().removeHandler(handler)
    output = stream.getvalue()
    assert "sk-very-secret-key" not in output
    assert "Bearer ********" in output
    assert "failed for ********" in output
    assert "RuntimeError" in output
