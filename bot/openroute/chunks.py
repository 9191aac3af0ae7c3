"""Interpretation of chat-completion JSON (stream chunks and whole responses) into stream events.

`decode_chunk` is the CPU-heavy part (JSON parse + base64 decode of images) and is safe to run in a
worker thread; `StreamState` is the cheap bookkeeping that runs on the event loop.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

from bot.openroute.dataurl import decode_big_data_url, decode_data_url
from bot.openroute.errors import StreamError, UnexpectedResponse
from bot.openroute.types import Finished, ImageReady, StreamEvent, TextDelta, Usage

log = logging.getLogger(__name__)

BIG_URL = 64 * 1024  # data URLs longer than this are cut out of the JSON text before parsing
_VALUE_STARTS = frozenset(b":,[ \t\r\n")


@dataclass(slots=True)
class DecodedChunk:
    """A parsed chunk; its images already decoded (and their base64 text dropped from `payload`)."""

    payload: dict[str, Any]
    images: list[tuple[bytes, str]] = field(default_factory=list)


def parse_json(raw: bytes | str, *, what: str = "chunk") -> dict[str, Any]:
    """`json.loads` into a dict (floats as Decimal, so costs stay exact); bad JSON → `UnexpectedResponse`."""
    try:
        payload = json.loads(raw, parse_float=Decimal)
    except (ValueError, RecursionError):
        raise UnexpectedResponse(f"OpenRoute sent a malformed {what} (not valid JSON)") from None
    if not isinstance(payload, dict):
        raise UnexpectedResponse(f"OpenRoute sent a malformed {what} (a JSON {type(payload).__name__}, "
                                 "not an object)")
    return payload


def decode_chunk(raw: bytes | str, *, what: str = "chunk") -> DecodedChunk:
    """Parse one JSON chunk (or a whole non-streaming response) and decode the images it carries.

    Raises `UnexpectedResponse` for bad JSON or image links, and `InvalidImageData` for images that are
    not valid base64 PNG/JPEG/WebP data.
    """
    cut: dict[str, memoryview] = {}
    if isinstance(raw, bytes) and len(raw) > BIG_URL:
        try:
            # The big base64 strings skip the JSON parser: one C call on tens of MB would hold the GIL.
            text, cut = _cut_data_urls(raw)
            payload = parse_json(text, what=what) if cut else parse_json(raw, what=what)
        except UnexpectedResponse:
            if not cut:
                raise
            cut = {}
            payload = parse_json(raw, what=what)  # the cut misjudged the JSON: take the slow, sure way
    else:
        payload = parse_json(raw, what=what)
    chunk = DecodedChunk(payload)
    choices = payload.get("choices")
    if not isinstance(choices, list):
        return chunk
    for choice in choices:
        if not isinstance(choice, dict):
            continue
        for key in ("delta", "message"):
            part = choice.get(key)
            if isinstance(part, dict):
                _decode_images(part, chunk.images, cut)
    return chunk


def _cut_data_urls(raw: bytes) -> tuple[bytes, dict[str, memoryview]]:
    """Replace each big `"data:..."` JSON string in `raw` by a short token; return the text and the cut
    URLs (views into `raw`, no copies). Strings with escapes are left for the JSON parser."""
    view = memoryview(raw)
    pieces: list[bytes] = []
    cut: dict[str, memoryview] = {}
    copied = pos = 0
    while (start := raw.find(b'"data:', pos)) >= 0:
        end = raw.find(b'"', start + 1)
        if end < 0:
            break
        pos = end + 1
        if end - start < BIG_URL or raw[start - 1] not in _VALUE_STARTS or raw.find(b"\\", start, end) >= 0:
            continue
        token = f"\x00imagine-data-url-{len(cut)}"
        pieces.append(raw[copied:start])
        pieces.append(json.dumps(token).encode())
        cut[token] = view[start + 1:end]
        copied = end + 1
    if not cut:
        return raw, cut
    pieces.append(raw[copied:])
    return b"".join(pieces), cut


def _decode_images(part: dict[str, Any], out: list[tuple[bytes, str]], cut: dict[str, memoryview]) -> None:
    items = part.get("images")
    if isinstance(items, list):
        for item in items:
            out.append(_decode_image(item, cut))
        part["images"] = len(items)  # free the (large) base64 text now
    content = part.get("content")
    if isinstance(content, list):  # OpenAI-style content parts; some providers put images there
        for item in content:
            if isinstance(item, dict) and item.get("type") == "image_url":
                out.append(_decode_image(item, cut))


def _decode_image(item: Any, cut: dict[str, memoryview]) -> tuple[bytes, str]:
    url: Any = None
    if isinstance(item, dict):
        image_url = item.get("image_url")
        url = image_url.get("url") if isinstance(image_url, dict) else image_url
        if url is None:
            url = item.get("url")
    elif isinstance(item, str):
        url = item
    if not isinstance(url, str) or not url:
        raise UnexpectedResponse("OpenRoute sent an image part without a URL")
    if url in cut:
        return decode_big_data_url(cut[url])
    if not url.startswith("data:"):
        where = urlsplit(url[:200])
        raise UnexpectedResponse(
            f"the model returned an image as a link ({where.scheme}://{where.hostname or '?'}/...) "
            "instead of inline data; image links are not supported")
    return decode_data_url(url)


# --- values ----------------------------------------------------------------------------------------

def to_decimal(value: Any) -> Decimal | None:
    """A finite Decimal from a JSON number or decimal string; None when absent or not a number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(value.strip()) if isinstance(value, str) else Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def to_int(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    number = to_decimal(value)
    return int(number) if number is not None and number == number.to_integral_value() else None


def parse_usage(value: Any) -> Usage | None:
    """The `usage` object of a chunk or response."""
    if not isinstance(value, dict):
        return None
    return Usage(prompt_tokens=to_int(value.get("prompt_tokens")),
                 completion_tokens=to_int(value.get("completion_tokens")),
                 total_tokens=to_int(value.get("total_tokens")),
                 cost=to_decimal(value.get("cost")))


def stream_error(error: Any) -> StreamError:
    """The `StreamError` for an `error` object found inside a 200 answer."""
    if not isinstance(error, dict):
        return StreamError(f"OpenRoute reported an error during generation: {str(error)[:300]}")
    code = error.get("code")
    if isinstance(code, bool) or not isinstance(code, int | str):
        code = None
    status = code if isinstance(code, int) else None
    message = error.get("message")
    text = str(message)[:500] if message else "the provider failed during generation"
    metadata = error.get("metadata")
    error_type = metadata.get("error_type") if isinstance(metadata, dict) else None
    return StreamError(text, code=code, status=status,
                       error_type=error_type if isinstance(error_type, str) else None)


# --- accumulated state -----------------------------------------------------------------------------

class StreamState:
    """What the answer said so far: text, refusal, images count, finish reason, usage, ids."""

    def __init__(self) -> None:
        self.text_parts: list[str] = []
        self.refusal_parts: list[str] = []
        self.image_count = 0
        self.finish_reason: str | None = None
        self.usage: Usage | None = None
        self.generation_id: str | None = None
        self.model: str | None = None

    @property
    def text(self) -> str:
        return "".join(self.text_parts)

    @property
    def refusal(self) -> str:
        return "".join(self.refusal_parts)

    def apply(self, chunk: DecodedChunk) -> list[StreamEvent]:
        """Events for one decoded chunk. Raises `StreamError` for an in-stream error."""
        payload = chunk.payload
        if payload.get("error") is not None:
            raise stream_error(payload["error"])
        if isinstance(payload.get("id"), str) and self.generation_id is None:
            self.generation_id = payload["id"]
        if isinstance(payload.get("model"), str):
            self.model = payload["model"]
        events: list[StreamEvent] = []
        choices = payload.get("choices")
        for choice in choices if isinstance(choices, list) else ():
            if not isinstance(choice, dict):
                continue
            part = choice.get("delta")
            if not isinstance(part, dict):
                part = choice.get("message")
            if isinstance(part, dict):
                text = _content_text(part.get("content"))
                if text:
                    self.text_parts.append(text)
                    events.append(TextDelta(text))
                refusal = part.get("refusal")
                if isinstance(refusal, str) and refusal:
                    self.refusal_parts.append(refusal)
            reason = choice.get("finish_reason")
            if isinstance(reason, str) and reason:
                if reason == "error":
                    raise StreamError("the provider failed during generation (finish reason 'error')")
                self.finish_reason = reason  # null reasons (usage-only chunks) never overwrite
        for data, mime_type in chunk.images:
            events.append(ImageReady(self.image_count, data, mime_type))
            self.image_count += 1
        usage = parse_usage(payload.get("usage"))
        if usage is not None:
            self.usage = usage
        return events

    def finished(self, default_reason: str = "stop") -> Finished:
        return Finished(finish_reason=self.finish_reason or default_reason, usage=self.usage,
                        generation_id=self.generation_id, model=self.model)


def _content_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(item.get("text", "") for item in content
                       if isinstance(item, dict) and item.get("type") == "text"
                       and isinstance(item.get("text"), str))
    return ""
