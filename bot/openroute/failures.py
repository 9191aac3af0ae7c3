"""What a failed answer means: the typed error of a non-2xx answer, `Retry-After`, whether and when to try
again, and keeping the API key out of every message."""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Callable
from datetime import UTC
from http import HTTPStatus
from typing import Any

from bot.config import OpenRouteSettings
from bot.openroute.chunks import to_decimal
from bot.openroute.errors import (
    AuthenticationFailed,
    BadRequest,
    ConnectionFailed,
    ContentRefused,
    InsufficientCredits,
    ModelNotFound,
    OpenRouteError,
    ProviderUnavailable,
    RateLimited,
    RequestTimedOut,
    UnexpectedResponse,
)

MAX_ERROR_BODY = 64 * 1024  # we never need more of an error answer than this
_RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 524, 529})
_PROVIDER_STATUSES = frozenset({500, 502, 503, 524, 529})


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds from a `Retry-After` header (delta-seconds or HTTP date); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = when.timestamp() - (time.time() if now is None else now)
    if seconds != seconds or seconds == float("inf"):  # NaN / infinity
        return None
    return max(0.0, seconds)


def error_from_answer(status: int, raw: bytes, retry_after_header: str | None, *, key: str) -> OpenRouteError:
    """The typed error for a non-2xx answer: its status, the start of its body (its JSON error when there
    is one) and its `Retry-After` header; `key` is scrubbed from everything the server said."""
    error: dict[str, Any] = {}
    try:
        payload = json.loads(raw[:MAX_ERROR_BODY])
    except ValueError:
        payload = None
    if isinstance(payload, dict) and isinstance(payload.get("error"), dict):
        error = payload["error"]
    metadata = error.get("metadata") if isinstance(error.get("metadata"), dict) else {}
    availability = error.get("availability") if isinstance(error.get("availability"), dict) else {}
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "error"
    detail = error.get("message") if isinstance(error.get("message"), str) else None
    message = scrub(f"OpenRoute answered HTTP {status}: {detail[:500]}" if detail
                    else f"OpenRoute answered HTTP {status} ({phrase})", key)
    error_type = metadata.get("error_type") if isinstance(metadata.get("error_type"), str) else None
    if error_type is None and isinstance(availability.get("code"), str):
        error_type = availability["code"]
    retry_after = parse_retry_after(retry_after_header)
    if retry_after is None:
        for source in (metadata, availability):
            retry_after = to_decimal(source.get("retry_after"))
            if retry_after is not None:
                retry_after = max(0.0, float(retry_after))
                break
    if status in (400, 413, 422):
        return BadRequest(message, status=status, error_type=error_type)
    if status == 401:
        return AuthenticationFailed(message, status=status, error_type=error_type)
    if status == 402:
        return InsufficientCredits(message, status=status, error_type=error_type)
    if status == 403:
        reasons = [scrub(str(r), key) for r in metadata.get("reasons") or [] if r] \
            if isinstance(metadata.get("reasons"), list) else []
        if isinstance(metadata.get("patterns"), list):
            reasons += [scrub(str(p), key) for p in metadata["patterns"] if p]
        flagged = metadata.get("flagged_input")
        return ContentRefused(message, reasons=reasons,
                              flagged_input=scrub(flagged, key) if isinstance(flagged, str) else None,
                              status=status, error_type=error_type)
    if status == 404:
        return ModelNotFound(message, status=status, error_type=error_type)
    if status == 408:
        return RequestTimedOut(message, phase="server", status=status, error_type=error_type)
    if status == 429:
        return RateLimited(message, retry_after=retry_after, status=status, error_type=error_type)
    if status in _PROVIDER_STATUSES:
        return ProviderUnavailable(message, retry_after=retry_after, status=status, error_type=error_type)
    return UnexpectedResponse(message, status=status, error_type=error_type)


def retry_delay(error: OpenRouteError, attempt: int, settings: OpenRouteSettings,
                random: Callable[[], float]) -> float | None:
    """Seconds to wait before retrying `error` (after `attempt` retries), or None when it must not be retried."""
    if isinstance(error, RequestTimedOut):
        if error.phase not in ("connect", "server"):
            return None  # the server may be generating (and billing): do not start a second one
    elif isinstance(error, RateLimited | ProviderUnavailable):
        if error.status is not None and error.status not in _RETRY_STATUSES:
            return None
        if error.retry_after is not None:
            # Honour the server's wish, but not beyond our cap: then the user is told when to retry.
            return error.retry_after if error.retry_after <= settings.retry_max_delay else None
    elif not isinstance(error, ConnectionFailed):
        return None
    ceiling = min(settings.retry_max_delay, settings.retry_base_delay * 2 ** attempt)
    return random() * ceiling  # "full jitter" backoff


def scrub(text: str, key: str) -> str:
    """Never let the API key into a message, whatever the server or a library echoes back."""
    return text.replace(key, "********") if key and len(key) >= 4 else text


def scrub_error(exc: OpenRouteError, key: str) -> None:
    """`scrub` the error's message and arguments in place."""
    exc.message = scrub(exc.message, key)
    exc.args = tuple(scrub(a, key) if isinstance(a, str) else a for a in exc.args)
