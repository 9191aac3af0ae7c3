"""Logging set-up: one handler on the root logger, and a filter that masks secrets in every record.

Our code never logs secrets, but discord.py does at DEBUG: whole received gateway payloads (INTERACTION_CREATE
carries the interaction token) and request URLs with interaction/webhook tokens in their path. The filter
masks the known secrets (bot token, API key) and, by shape, the tokens nobody knows in advance, whatever the
logger and whatever the level.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable, Mapping
from typing import Any

MASK = "********"

# DEBUG lines that are bulk, not insight: discord.py's HTTP request/response bodies, and aiosqlite's SQL
# parameters (prompts, input image bytes); kept at INFO or above
QUIET_LOGGERS = ("discord.http", "aiosqlite")

# keys of a gateway frame: {"op": 0, "t": "INTERACTION_CREATE", "s": 5, "d": {...}} (voice frames use op/d/seq)
_FRAME_KEYS = frozenset({"op", "d", "s", "t", "seq"})

# Patterns for secrets that are not known in advance, each with its replacement. Applied after the known secrets.
_SECRET_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    # /interactions/{id}/{token}/callback, /webhooks/{application_id}/{token}/messages/@original: keep the id
    (re.compile(r"(/(?:webhooks|interactions)/\d+/)[\w\-.~%+=]+"), rf"\1{MASK}"),
    # "token": "…", 'token': '…', webhook_token='…', \"api_key\": \"…\", 'Authorization': 'Bot …'
    (re.compile(r"""(?i)(\b[\w-]*(?:token|api[_-]?key|secret|password|authorization)\\?["']?\s*[:=]\s*)"""
                r"""(\\?["'])(?:(?!\2).)+\2"""), rf"\1\2{MASK}\2"),
    # ?token=…&, token=… (unquoted, after "=" only: "the token: …" in prose is no field)
    (re.compile(r"(?i)(\b[\w-]*(?:token|api[_-]?key|secret|password)=)[^\s\"'&,;)}\]]+"), rf"\1{MASK}"),
    # Authorization header values outside a quoted field
    (re.compile(r"\b((?:Bot|[Bb]earer)\s+)[\w\-.~+/]{20,}=*"), rf"\1{MASK}"),
    # Discord interaction tokens are base64("interaction:<id>:…"), wherever they turn up
    (re.compile(r"\baW50ZXJhY3Rpb246[\w\-+/=]*"), MASK),
    # Discord bot tokens: <base64 user id>.<timestamp>.<hmac>
    (re.compile(r"\b[\w-]{23,}\.[\w-]{6,}\.[\w-]{27,}"), MASK),
)

_TRACEBACKS = logging.Formatter()


def is_gateway_frame(value: object) -> bool:
    """Whether `value` is a decoded gateway (or voice gateway) frame: a mapping with an op code and frame keys."""
    return isinstance(value, Mapping) and "op" in value and value.keys() <= _FRAME_KEYS


def describe_frame(frame: Mapping[str, Any]) -> str:
    """What an operator needs from a gateway frame (op code, event name, sequence), without its payload."""
    parts = [f"op={frame.get('op')}"]
    if frame.get("t"):
        parts.append(f"t={frame['t']}")
    sequence = frame.get("s", frame.get("seq"))
    if sequence is not None:
        parts.append(f"s={sequence}")
    return f"<gateway payload {' '.join(parts)}>"


class RedactSecrets(logging.Filter):
    """Masks secrets in a record's final message, traceback and stack: the known ones (bot token, API key),
    interaction/webhook tokens in URLs, token-like fields and Discord token shapes; gateway frames passed as
    arguments are reduced to `describe_frame`."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        # longest first, so a secret containing another is masked whole
        self._secrets = sorted({s for s in secrets if s and len(s) >= 6}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        """`text` with every known secret and every token-shaped value masked."""
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        for pattern, replacement in _SECRET_SHAPES:
            text = pattern.sub(replacement, text)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message, rewritten = _render(record)
        masked = self.redact(message)
        traceback = None
        if record.exc_info and record.exc_info[1] is not None:
            traceback = _TRACEBACKS.formatException(record.exc_info)
        elif record.exc_text:
            traceback = record.exc_text
        if traceback is not None:
            masked_traceback = self.redact(traceback)
            if masked_traceback != traceback:
                # formatters render exc_info again; hand them the masked text instead
                masked = f"{masked}\n{masked_traceback}"
                record.exc_info = None
                record.exc_text = None
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        if rewritten or masked != message:
            record.msg, record.args = masked, None
        return True


def _render(record: logging.LogRecord) -> tuple[str, bool]:
    """The record's message with gateway frames summarised (never formatted whole), and whether it must replace
    the record's own msg/args (a frame was summarised or the arguments did not fit the format)."""
    msg, args = record.msg, record.args
    summarised = False
    if is_gateway_frame(msg):
        msg, summarised = describe_frame(msg), True
    if is_gateway_frame(args) and "%(" not in str(msg):
        args, summarised = (describe_frame(args),), True  # type: ignore[arg-type]
    elif isinstance(args, tuple) and any(is_gateway_frame(arg) for arg in args):
        args, summarised = tuple(describe_frame(a) if is_gateway_frame(a) else a for a in args), True
    try:
        if not summarised:
            return record.getMessage(), False
        return (str(msg) % args if args else str(msg)), True
    except Exception:  # a broken log call must not break its caller, nor print raw arguments later
        return f"{msg} (unformattable log arguments: {args!r})", True


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
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.getLevelName(level), logging.INFO))
    return handler
