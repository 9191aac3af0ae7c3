"""The OpenRouter wire format: compact JSON with image URLs spliced in, error bodies, and Server-Sent Events
framing (keep-alive comments, `data:` lines) with a chosen line ending, written in pieces."""

from __future__ import annotations

import asyncio
import base64
import json
from typing import Any

from aiohttp import web

from playground.openroute.catalog import CannedError

KEEPALIVE = b": OPENROUTER PROCESSING"
UTF8_BOM = b"\xef\xbb\xbf"
URL_PLACEHOLDER = "@@emulator-image-url-{}@@"


def dumps(obj: Any) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()


def dumps_with_urls(obj: Any, urls: list[bytes]) -> bytes:
    """JSON-encode `obj`, splicing in image URLs at their placeholders (avoids escaping MBs of base64)."""
    encoded = dumps(obj)
    for index, url in enumerate(urls):
        head, tail = encoded.split(dumps(URL_PLACEHOLDER.format(index)), 1)
        encoded = b'"'.join((head, url, tail))
    return encoded


def image_part(index: int) -> dict[str, Any]:
    return {"type": "image_url", "image_url": {"url": URL_PLACEHOLDER.format(index)}}


def error_body(status: int, message: str, error_type: str, metadata: dict[str, Any] | None = None) -> bytes:
    return dumps({"error": {"code": status, "message": message,
                            "metadata": {"error_type": error_type, **(metadata or {})}}})


def error_response(error: CannedError) -> web.Response:
    if error.html is not None:
        return web.Response(status=error.status, text=error.html, content_type="text/html",
                            headers=error.headers)
    return web.Response(status=error.status, content_type="application/json", headers=error.headers,
                        body=error_body(error.status, error.message, error.error_type, error.metadata))


def json_response(payload: Any, status: int = 200) -> web.Response:
    return web.Response(status=status, body=dumps(payload), content_type="application/json")


def data_url(mime_type: str, data: bytes) -> bytes:
    return f"data:{mime_type};base64,".encode() + base64.b64encode(data)


class EventStream:
    """Writes SSE framing with a chosen line ending, big payloads in `write_size` pieces."""

    def __init__(self, response: web.StreamResponse, *, eol: bytes, write_size: int) -> None:
        self._response = response
        self._eol = eol
        self._write_size = write_size

    async def write(self, data: bytes) -> None:
        view = memoryview(data)
        for start in range(0, len(view), self._write_size):
            await self._response.write(view[start:start + self._write_size])  # drains past 64 KiB
            if start + self._write_size < len(view):
                await asyncio.sleep(0)  # let the loop serve other streams between pieces

    def event(self, data: bytes) -> bytes:
        return b"data: " + data + self._eol + self._eol

    async def send(self, data: bytes) -> None:
        await self.write(self.event(data))

    async def keepalive(self) -> None:
        await self.write(KEEPALIVE + self._eol + self._eol)


def parse_json(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None
