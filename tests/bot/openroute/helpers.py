"""A tiny scriptable OpenRoute stand-in (real aiohttp server on 127.0.0.1) and stream builders.

Each test says exactly which bytes the server sends; this is not the full emulator in playground/openroute.
"""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from PIL import Image

from bot.openroute.dataurl import encode_data_url
from bot.openroute.types import GenerationRequest

API_KEY = "sk-or-v1-TESTKEY-0123456789abcdef"
REQUEST = GenerationRequest(prompt="a watercolor fox in snow", model="test/model")
CHAT = "/chat/completions"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any


@dataclass
class FakeAPI:
    """Routes `/api/v1/<path>` to queued handlers (the last one repeats) and records every request."""

    base_url: str = ""
    requests: list[Recorded] = field(default_factory=list)
    handlers: dict[str, list[Handler]] = field(default_factory=dict)

    def on(self, path: str, *handlers: Handler) -> None:
        self.handlers[path] = list(handlers)

    def calls(self, path: str) -> list[Recorded]:
        return [r for r in self.requests if r.path == path]

    async def dispatch(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        raw = await request.read()
        body = json.loads(raw) if raw else None
        self.requests.append(Recorded(request.method, path, dict(request.query), dict(request.headers), body))
        queue = self.handlers.get(path)
        if not queue:
            return web.json_response({"error": {"code": 404, "message": "no such route"}}, status=404)
        handler = queue.pop(0) if len(queue) > 1 else queue[0]
        return await handler(request)

    def app(self) -> web.Application:
        app = web.Application(client_max_size=256 * 1024 * 1024)
        app.router.add_route("*", "/api/v1/{tail:.*}", self.dispatch)
        return app


# --- handlers ----------------------------------------------------------------------------------------

def sse(*pieces: bytes, content_type: str = "text/event-stream", piece_size: int | None = None,
        status: int = 200) -> Handler:
    """Send `pieces` (each optionally re-split into `piece_size` writes), then end the body."""

    async def handler(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(status=status, headers={"Content-Type": content_type,
                                                              "X-Generation-Id": "gen-header"})
        await response.prepare(request)
        for piece in pieces:
            step = piece_size or len(piece) or 1
            for start in range(0, len(piece), step):
                await response.write(piece[start:start + step])
        await response.write_eof()
        return response

    return handler


def json_reply(body: Any, *, status: int = 200, headers: dict[str, str] | None = None) -> Handler:
    async def handler(request: web.Request) -> web.StreamResponse:
        return web.json_response(body, status=status, headers=headers)

    return handler


def raw_reply(body: bytes, *, status: int, content_type: str, headers: dict[str, str] | None = None) -> Handler:
    async def handler(request: web.Request) -> web.StreamResponse:
        return web.Response(body=body, status=status, content_type=content_type, headers=headers)

    return handler


def api_error(status: int, message: str = "nope", *, metadata: dict | None = None,
              headers: dict[str, str] | None = None, **extra: Any) -> Handler:
    error: dict[str, Any] = {"code": status, "message": message, **extra}
    if metadata is not None:
        error["metadata"] = metadata
    return json_reply({"error": error}, status=status, headers=headers)


def stalled(*pieces: bytes, release: asyncio.Event | None = None,
            disconnected: asyncio.Event | None = None, headers_first: bool = True) -> Handler:
    """Send the headers (unless `headers_first` is False) and `pieces`, then wait for `release`
    (an event the test never sets); set `disconnected` when the client goes away."""
    never = release or asyncio.Event()

    async def handler(request: web.Request) -> web.StreamResponse:
        try:
            if not headers_first:
                await never.wait()
            response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
            await response.prepare(request)
            for piece in pieces:
                await response.write(piece)
            await never.wait()
            await response.write_eof()
            return response
        except (asyncio.CancelledError, ConnectionError):
            if disconnected is not None:
                disconnected.set()
            raise

    return handler


# --- stream content ----------------------------------------------------------------------------------

def event(obj: Any) -> bytes:
    return b"data: " + json.dumps(obj).encode() + b"\n\n"


def chunk(delta: dict | None = None, finish: str | None = None, **extra: Any) -> bytes:
    return event({"id": "gen-1", "object": "chat.completion.chunk", "created": 1, "model": "test/model",
                  "choices": [{"index": 0, "delta": delta or {}, "finish_reason": finish}], **extra})


def usage_chunk(cost: float = 0.039, *, choices: list | None = None) -> bytes:
    return event({"id": "gen-1", "object": "chat.completion.chunk", "created": 1, "model": "test/model",
                  "choices": [] if choices is None else choices,
                  "usage": {"prompt_tokens": 12, "completion_tokens": 1300, "total_tokens": 1312,
                            "cost": cost}})


def image_part(data: bytes, mime: str = "image/png") -> dict:
    return {"type": "image_url", "image_url": {"url": encode_data_url(data, mime)}}


def image_chunk(*images: bytes, mime: str = "image/png") -> bytes:
    return chunk({"images": [image_part(data, mime) for data in images]})


DONE = b"data: [DONE]\n\n"
KEEPALIVE = b": OPENROUTER PROCESSING\n\n"


def png(color: str = "red", size: tuple[int, int] = (8, 8), fmt: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt)
    return buffer.getvalue()
