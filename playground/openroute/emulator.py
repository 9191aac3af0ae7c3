"""The OpenRoute emulator: an aiohttp server speaking the OpenRouter wire format on a loopback port.

See the package docstring for the scenario table. Everything here is test infrastructure: it keeps
per-instance state (recorded requests, sent images, generations) for tests to inspect.
"""

from __future__ import annotations

import asyncio
import base64
import collections
import hashlib
import itertools
import json
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, NoReturn

from aiohttp import web
from multidict import CIMultiDict, CIMultiDictProxy

from playground import images
from playground.openroute.catalog import (
    BEHAVIOUR_SCENARIOS,
    DESCRIBE_ANSWERS,
    DESCRIBE_COST,
    ERROR_SCENARIOS,
    FLAKY_ERROR,
    CannedError,
    default_models,
    filter_models,
    image_dimensions,
    moderation_error,
)

log = logging.getLogger(__name__)

API_ROOT = "/api/v1"
KEEPALIVE = b": OPENROUTER PROCESSING"
UTF8_BOM = b"\xef\xbb\xbf"
MAX_REQUEST_BYTES = 64 * 1024 * 1024  # aiohttp's 1 MiB default would reject ordinary base64 input images
COST_PER_IMAGE = 0.039
COST_TEXT_ONLY = 0.0001  # prompt tokens are billed even when no image comes back
IMAGE_TOKENS = 1290
_URL_PLACEHOLDER = "@@emulator-image-url-{}@@"
_LINE_ENDINGS = {"emu/crlf": b"\r\n", "emu/cr": b"\r"}
# Request-scoped slot: the body is parsed once, by the recording middleware.
_PARSED_JSON = web.RequestKey("openroute_emulator_json", object)


class _ShuttingDown(Exception):
    """The emulator is closing: a parked (held or stalled) response must end now."""


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One HTTP request as the emulator received it. `headers` is case-insensitive."""

    method: str
    path: str  # full path, e.g. "/api/v1/chat/completions"
    query: dict[str, str]
    headers: Mapping[str, str]
    json: Any  # parsed JSON body, or None (no body / not JSON)


@dataclass(frozen=True, slots=True)
class SentImage:
    """One image the emulator put on the wire (decoded bytes, declared MIME type)."""

    data: bytes
    mime_type: str
    model: str
    prompt: str


@dataclass(frozen=True, slots=True)
class _Image:
    url: bytes  # the complete `data:` URL as it goes on the wire
    sent: SentImage | None  # None when the payload is not decodable base64


@dataclass(frozen=True, slots=True)
class _Answer:
    text: str
    images: tuple[_Image, ...]
    finish_reason: str
    native_finish_reason: str
    pieces: tuple[str, ...] = ()  # the text as streamed, one delta each (empty: the whole text at once)
    cost: float | None = None  # what it costs, when not the images' or a text answer's usual price

    def usage(self, prompt: str) -> dict[str, Any]:
        prompt_tokens = 8 + len(prompt.split())
        image_tokens = IMAGE_TOKENS * len(self.images)
        completion_tokens = image_tokens + len(self.text.split())
        cost = round(COST_PER_IMAGE * len(self.images), 6) if self.images else COST_TEXT_ONLY
        cost = cost if self.cost is None else self.cost
        return {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
            "completion_tokens_details": {"reasoning_tokens": 0, "image_tokens": image_tokens},
            "cost": cost,
            "is_byok": False,
        }


@dataclass(slots=True)
class _Generation:
    """What `/generation?id=` reports; updated as the answer goes out."""

    id: str
    model: str
    streamed: bool
    created: int
    started: float = field(default_factory=time.monotonic)
    finish_reason: str | None = None
    native_finish_reason: str | None = None
    usage: dict[str, Any] | None = None
    images: int = 0
    cancelled: bool = False
    complete: bool = False  # the last bytes are going out: a disconnect now is not a cancellation
    response: web.StreamResponse | None = None

    def stats(self) -> dict[str, Any]:
        usage = self.usage or {}
        elapsed_ms = int((time.monotonic() - self.started) * 1000)
        return {
            "id": self.id,
            "total_cost": usage.get("cost", 0),
            "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.created)),
            "model": self.model,
            "origin": "",
            "usage": usage.get("cost", 0),
            "is_byok": False,
            "provider_name": "Google",
            "streamed": self.streamed,
            "cancelled": self.cancelled,
            "latency": elapsed_ms,
            "generation_time": elapsed_ms,
            "finish_reason": self.finish_reason,
            "native_finish_reason": self.native_finish_reason,
            "tokens_prompt": usage.get("prompt_tokens", 0),
            "tokens_completion": usage.get("completion_tokens", 0),
            "native_tokens_prompt": usage.get("prompt_tokens", 0),
            "native_tokens_completion": usage.get("completion_tokens", 0),
            "native_tokens_completion_images": IMAGE_TOKENS * self.images,
            "num_media_prompt": 0,
            "num_media_completion": self.images,
            "num_search_results": 0,
        }


def prompt_of(messages: list[Any]) -> str:
    """The text of the last user message (string content or the text parts of a parts array)."""
    for message in reversed(messages):
        if not isinstance(message, dict) or message.get("role") != "user":
            continue
        content = message.get("content")
        if isinstance(content, str):
            return content
        if isinstance(content, list):
            return " ".join(
                str(part.get("text", "")) for part in content
                if isinstance(part, dict) and part.get("type") == "text"
            )
    return ""


def image_seed(model: str, prompt: str, index: int, variant: str = "") -> int:
    """Seed of the noise image number `index` for (model, prompt, `variant`): same request, same bytes."""
    digest = hashlib.sha256(f"{model}\0{prompt}\0{index}\0{variant}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def request_variant(body: dict[str, Any]) -> str:
    """What else a request's pixels depend on besides model and prompt: its input images (in order) and its
    image options, so a test can tell which images and sizes reached the model from the result alone."""
    inputs = hashlib.sha256()
    for message in body.get("messages") or ():
        content = message.get("content") if isinstance(message, dict) else None
        for part in content if isinstance(content, list) else ():
            if isinstance(part, dict) and part.get("type") == "image_url":
                inputs.update(str((part.get("image_url") or {}).get("url", "")).encode())
                inputs.update(b"\0")
    return f"{inputs.hexdigest()}\0{json.dumps(body.get('image_config'), sort_keys=True)}"


def _dumps(obj: Any) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()


def _dumps_with_urls(obj: Any, urls: list[bytes]) -> bytes:
    """JSON-encode `obj`, splicing in image URLs at their placeholders (avoids escaping MBs of base64)."""
    encoded = _dumps(obj)
    for index, url in enumerate(urls):
        head, tail = encoded.split(_dumps(_URL_PLACEHOLDER.format(index)), 1)
        encoded = b'"'.join((head, url, tail))
    return encoded


def _image_part(index: int) -> dict[str, Any]:
    return {"type": "image_url", "image_url": {"url": _URL_PLACEHOLDER.format(index)}}


def _error_body(status: int, message: str, error_type: str, metadata: dict[str, Any] | None = None) -> bytes:
    return _dumps({"error": {"code": status, "message": message,
                             "metadata": {"error_type": error_type, **(metadata or {})}}})


def _error_response(error: CannedError) -> web.Response:
    if error.html is not None:
        return web.Response(status=error.status, text=error.html, content_type="text/html",
                            headers=error.headers)
    return web.Response(status=error.status, content_type="application/json", headers=error.headers,
                        body=_error_body(error.status, error.message, error.error_type, error.metadata))


def _json_response(payload: Any, status: int = 200) -> web.Response:
    return web.Response(status=status, body=_dumps(payload), content_type="application/json")


def _data_url(mime_type: str, data: bytes) -> bytes:
    return f"data:{mime_type};base64,".encode() + base64.b64encode(data)


class _EventStream:
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


class OpenRouteEmulator:
    """A local fake of the OpenRoute/OpenRouter API on a real loopback socket.

    Use as `async with OpenRouteEmulator() as emu:` and point clients at `emu.base_url`.
    """

    def __init__(
        self,
        *,
        api_key: str = "test-key",
        write_size: int = 64 * 1024,
        keepalive_interval: float = 0.05,
        slow_keepalives: int = 5,
        models: list[dict[str, Any]] | None = None,
        key_limit: float | None = 100.0,
    ) -> None:
        if write_size < 1:
            raise ValueError("write_size must be positive")
        self._api_key = api_key
        self._write_size = write_size
        self._keepalive_interval = keepalive_interval
        self._slow_keepalives = slow_keepalives
        self._models = models if models is not None else default_models()
        self._key_limit = key_limit
        self.requests: list[RecordedRequest] = []
        self.sent_images: list[SentImage] = []
        self.disconnects = 0
        self._held_total = 0
        self._holding = 0
        self._usage_total = 0.0
        self._flaky_seen: set[str] = set()
        self._generations: dict[str, _Generation] = {}
        self._serial = itertools.count(1)
        self._waiters: list[tuple[Callable[[], bool], asyncio.Future[None]]] = []
        self._released = asyncio.Event()
        self._permits = 0  # `release_one` calls no parked request has taken yet
        self._parked: collections.deque[asyncio.Future[None]] = collections.deque()  # oldest first
        self._closing = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._base_url: str | None = None

    # --- lifecycle -----------------------------------------------------------------------------------

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        """Bind and serve; `port=0` picks a free port (read it back from `base_url`)."""
        app = web.Application(middlewares=[self._make_recorder()], client_max_size=MAX_REQUEST_BYTES)
        app.router.add_post(f"{API_ROOT}/chat/completions", self._chat_completions)
        app.router.add_get(f"{API_ROOT}/models", self._list_models)
        app.router.add_get(f"{API_ROOT}/key", self._key)
        app.router.add_get(f"{API_ROOT}/generation", self._generation)
        # handler_cancellation: a client hanging up cancels its handler, which is how disconnects are seen.
        self._runner = web.AppRunner(app, handler_cancellation=True, shutdown_timeout=1.0, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port).start()
        bound_host, bound_port = self._runner.addresses[0][:2]
        self._base_url = f"http://{bound_host}:{bound_port}{API_ROOT}"
        log.info("OpenRoute emulator listening on %s", self._base_url)

    @property
    def base_url(self) -> str:
        """`http://HOST:PORT/api/v1` once started."""
        if self._base_url is None:
            raise RuntimeError("emulator not started")
        return self._base_url

    async def close(self) -> None:
        """Stop serving; parked `emu/hold` and `emu/stall` streams are cut off."""
        self._closing.set()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> OpenRouteEmulator:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    # --- test controls -------------------------------------------------------------------------------

    def set_models(self, models: list[dict[str, Any]]) -> None:
        """Replace the model list `GET /models` answers from now on (the provider renamed, retired or added
        models). Generation still answers any model id."""
        self._models = [dict(model) for model in models]

    def release(self) -> None:
        """Let every `emu/hold` request proceed, now and from then on (a latch)."""
        self._released.set()

    def release_one(self) -> None:
        """Let one parked `emu/hold` request proceed: the longest parked, or the next one if none is parked."""
        while self._parked:
            ticket = self._parked.popleft()
            if not ticket.done():
                ticket.set_result(None)
                return
        self._permits += 1

    @property
    def held_total(self) -> int:
        """How many requests have been parked by `emu/hold` so far (released or not)."""
        return self._held_total

    @property
    def holding(self) -> int:
        """How many requests are parked by `emu/hold` right now."""
        return self._holding

    async def wait_held(self, n: int = 1) -> None:
        """Return once `n` requests in total have been parked by `emu/hold` (headers and a keep-alive sent)."""
        await self._wait_until(lambda: self._held_total >= n)

    async def wait_disconnects(self, n: int = 1) -> None:
        """Return once `n` responses in total were abandoned by their client before they finished."""
        await self._wait_until(lambda: self.disconnects >= n)

    async def wait_requests(self, n: int = 1, *, path: str | None = None) -> None:
        """Return once `n` requests (only those whose path ends with `path`, if given) have arrived."""
        await self._wait_until(
            lambda: sum(path is None or r.path.endswith(path) for r in self.requests) >= n
        )

    async def _wait_until(self, predicate: Callable[[], bool]) -> None:
        if predicate():
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        entry = (predicate, future)
        self._waiters.append(entry)
        try:
            await future
        finally:
            if entry in self._waiters:
                self._waiters.remove(entry)

    def _notify(self) -> None:
        for predicate, future in self._waiters:
            if not future.done() and predicate():
                future.set_result(None)

    # --- plumbing ------------------------------------------------------------------------------------

    def _make_recorder(self) -> Callable[..., Awaitable[web.StreamResponse]]:
        @web.middleware
        async def record(
            request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
        ) -> web.StreamResponse:
            try:
                raw = await request.read()
            except web.HTTPRequestEntityTooLarge:
                self._record(request, None)
                return _error_response(CannedError(413, "Request body too large", "payload_too_large"))
            request[_PARSED_JSON] = body = _parse_json(raw)
            self._record(request, body)
            return await handler(request)

        return record

    def _record(self, request: web.Request, body: Any) -> None:
        self.requests.append(RecordedRequest(
            method=request.method,
            path=request.path,
            query=dict(request.query),
            headers=CIMultiDictProxy(CIMultiDict(request.headers)),
            json=body,
        ))
        self._notify()

    def _auth_error(self, request: web.Request) -> web.Response | None:
        header = request.headers.get("Authorization")
        if header is None:
            return _error_response(CannedError(401, "No auth credentials found", "authentication"))
        if header != f"Bearer {self._api_key}":
            return _error_response(CannedError(401, "User not found.", "authentication"))
        return None

    def _new_generation(self, model: str, streamed: bool) -> _Generation:
        created = int(time.time())
        generation = _Generation(
            id=f"gen-{created}-{next(self._serial):04d}{uuid.uuid4().hex[:12]}",
            model=model, streamed=streamed, created=created,
        )
        self._generations[generation.id] = generation
        return generation

    def _bill(self, generation: _Generation, answer: _Answer, prompt: str) -> dict[str, Any]:
        usage = answer.usage(prompt)
        generation.usage = usage
        generation.finish_reason = answer.finish_reason
        generation.native_finish_reason = answer.native_finish_reason
        generation.images = len(answer.images)
        self._usage_total += usage["cost"]
        return usage

    def _send_image(self, image: _Image) -> None:
        if image.sent is not None:
            self.sent_images.append(image.sent)

    # --- GET endpoints -------------------------------------------------------------------------------

    async def _list_models(self, request: web.Request) -> web.Response:
        return _json_response({"data": filter_models(self._models, request.query.get("output_modalities"))})

    async def _key(self, request: web.Request) -> web.Response:
        if (denied := self._auth_error(request)) is not None:
            return denied
        usage = round(self._usage_total, 6)
        remaining = None if self._key_limit is None else round(self._key_limit - usage, 6)
        return _json_response({"data": {
            "label": "emulator-key",
            "limit": self._key_limit,
            "limit_remaining": remaining,
            "limit_reset": None,
            "usage": usage,
            "usage_daily": usage,
            "usage_weekly": usage,
            "usage_monthly": usage,
            "byok_usage": 0,
            "include_byok_in_limit": False,
            "is_free_tier": False,
            "rate_limit": {"requests": -1, "interval": "10s", "note": "This field is deprecated"},
        }})

    async def _generation(self, request: web.Request) -> web.Response:
        if (denied := self._auth_error(request)) is not None:
            return denied
        generation_id = request.query.get("id")
        if not generation_id:
            return _error_response(CannedError(400, "Missing required query parameter: id", "invalid_request"))
        generation = self._generations.get(generation_id)
        if generation is None:
            return _error_response(CannedError(404, f"Generation {generation_id} not found", "not_found"))
        return _json_response({"data": generation.stats()})

    # --- chat completions ----------------------------------------------------------------------------

    async def _chat_completions(self, request: web.Request) -> web.StreamResponse:
        if (denied := self._auth_error(request)) is not None:
            return denied
        body = request[_PARSED_JSON]
        if not isinstance(body, dict) or not isinstance(body.get("model"), str) or not body["model"]:
            return _error_response(CannedError(400, 'Input required: specify "model"', "invalid_request"))
        if not isinstance(body.get("messages"), list) or not body["messages"]:
            return _error_response(CannedError(400, 'Input required: specify "messages"', "invalid_request"))
        model: str = body["model"]
        prompt = prompt_of(body["messages"])
        if (error := self._canned_error(model, prompt)) is not None:
            return _error_response(error)
        scenario = model if model in BEHAVIOUR_SCENARIOS or model in DESCRIBE_ANSWERS else "emu/png"
        streamed = bool(body.get("stream")) and scenario != "emu/nonstream"
        generation = self._new_generation(model, streamed)
        answer_task = None if scenario == "emu/stall" else asyncio.create_task(
            self._answer(scenario, model, prompt, body)
        )
        try:
            if streamed:
                return await self._stream(request, scenario, prompt, generation, answer_task)
            return await self._respond_json(request, scenario, prompt, generation, answer_task)
        except asyncio.CancelledError:  # handler_cancellation: the client hung up while we waited
            self._client_went_away(generation)
            raise
        except ConnectionResetError:  # the client hung up while we wrote
            self._client_went_away(generation)
            if generation.response is None:
                raise
            return generation.response  # aiohttp finishes the broken response quietly
        except _ShuttingDown:
            if request.transport is not None:
                request.transport.close()
            return generation.response or web.Response(status=503)
        finally:
            if answer_task is not None and not answer_task.done():
                answer_task.cancel()

    def _client_went_away(self, generation: _Generation) -> None:
        if generation.complete or self._closing.is_set():
            return
        generation.cancelled = True
        self.disconnects += 1
        log.debug("client went away during %s (%s)", generation.id, generation.model)
        self._notify()

    def _canned_error(self, model: str, prompt: str) -> CannedError | None:
        if model == "emu/error-403":
            return moderation_error(model, prompt)
        if model in ERROR_SCENARIOS:
            return ERROR_SCENARIOS[model]
        if model == "emu/flaky" and prompt not in self._flaky_seen:
            self._flaky_seen.add(prompt)
            return FLAKY_ERROR
        return None

    async def _answer(self, scenario: str, model: str, prompt: str, body: dict[str, Any]) -> _Answer:
        """What the model "generates" for this request (images are encoded in a worker thread)."""
        if scenario in DESCRIBE_ANSWERS:  # a model that reads images answers in text, line by line
            text = DESCRIBE_ANSWERS[scenario]
            return _Answer(text, (), "stop", "STOP", pieces=tuple(text.splitlines(keepends=True)),
                           cost=DESCRIBE_COST)
        modalities = body.get("modalities")
        if isinstance(modalities, list) and "image" not in modalities:
            # Real models asked for text only answer in text.
            return _Answer("A picture of that would show " + prompt, (), "stop", "STOP")
        if scenario == "emu/no-image":
            text = "I can't draw that, but here is a poem instead:\nRoses are noise,\nPixels are too."
            return _Answer(text, (), "stop", "STOP")
        if scenario == "emu/refusal":
            return _Answer("I'm sorry, but I can't create that image.", (), "content_filter", "IMAGE_SAFETY")

        def image(mime_type: str, data: bytes) -> _Image:
            return _Image(_data_url(mime_type, data), SentImage(data, mime_type, model, prompt))

        variant = request_variant(body)
        seed = image_seed(model, prompt, 0, variant)
        if scenario == "emu/two-images":
            width, height = image_dimensions(body.get("image_config"))
            first, second = await asyncio.gather(
                asyncio.to_thread(images.noise_png, width, height, seed),
                asyncio.to_thread(images.noise_png, width, height, image_seed(model, prompt, 1, variant)),
            )
            pictures = (image("image/png", first), image("image/png", second))
            return _Answer("Here are two takes on it.", pictures, "stop", "STOP")
        if scenario == "emu/bad-base64":
            picture = _Image(b"data:image/png;base64,iVBORw0KGgo!!this*is#not%base64~~", None)
        elif scenario == "emu/not-an-image":
            picture = image("image/png", b"This is plainly not an image, whatever the label says. " * 64)
        elif scenario == "emu/jpeg-4k":
            picture = image("image/jpeg", await asyncio.to_thread(images.noise_jpeg, 4096, 4096, seed))
        elif scenario == "emu/webp":
            picture = image("image/webp", await asyncio.to_thread(images.noise_webp, 256, 256, seed))
        elif scenario == "emu/bomb":
            picture = image("image/png", await asyncio.to_thread(images.bomb_png))
        else:
            width, height = image_dimensions(body.get("image_config"))
            picture = image("image/png", await asyncio.to_thread(images.noise_png, width, height, seed))
        return _Answer("Here is your image.", (picture,), "stop", "STOP")

    async def _hold(self, while_waiting: Callable[[], Awaitable[None]] | None) -> None:
        """Park until `release()` (calling `while_waiting` every keep-alive interval)."""
        self._held_total += 1
        self._holding += 1
        self._notify()
        ticket: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if self._permits:
            self._permits -= 1
            ticket.set_result(None)
        else:
            self._parked.append(ticket)
        released = asyncio.ensure_future(self._released.wait())
        try:
            while not (self._released.is_set() or ticket.done()):
                if self._closing.is_set():
                    raise _ShuttingDown
                done, _ = await asyncio.wait({released, ticket}, timeout=self._keepalive_interval,
                                             return_when=asyncio.FIRST_COMPLETED)
                if not done and while_waiting is not None:
                    await while_waiting()
        finally:
            released.cancel()
            if not ticket.done():
                ticket.cancel()  # a `release_one` skips it
            self._holding -= 1
            self._notify()

    async def _stall(self) -> NoReturn:
        """Send nothing more until the client hangs up (or the emulator closes)."""
        await self._closing.wait()
        raise _ShuttingDown

    async def _answer_with_keepalives(
        self, answer_task: asyncio.Task[_Answer], sse: _EventStream | None
    ) -> _Answer:
        """Await the answer, sending a keep-alive every interval while a big image is still encoding."""
        while not answer_task.done():
            await asyncio.wait({answer_task}, timeout=self._keepalive_interval)
            if not answer_task.done() and sse is not None:
                await sse.keepalive()
        return answer_task.result()

    async def _stream(
        self,
        request: web.Request,
        scenario: str,
        prompt: str,
        generation: _Generation,
        answer_task: asyncio.Task[_Answer] | None,
    ) -> web.StreamResponse:
        response = web.StreamResponse(headers={
            "Content-Type": "text/event-stream",
            "Cache-Control": "no-cache",
            "X-Generation-Id": generation.id,
        })
        generation.response = response
        await response.prepare(request)
        sse = _EventStream(response, eol=_LINE_ENDINGS.get(scenario, b"\n"), write_size=self._write_size)
        interval = self._keepalive_interval
        if scenario == "emu/bom":
            await sse.write(UTF8_BOM)
        await sse.keepalive()
        if answer_task is None:  # emu/stall
            await self._stall()
        if scenario == "emu/hold":
            await self._hold(sse.keepalive)
        keepalives = self._slow_keepalives if scenario == "emu/slow" else 1
        for _ in range(keepalives):
            await asyncio.sleep(interval)
            await sse.keepalive()
        answer = await self._answer_with_keepalives(answer_task, sse)

        def chunk(choices: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
            return {"id": generation.id, "provider": "Google", "model": generation.model,
                    "object": "chat.completion.chunk", "created": generation.created,
                    "choices": choices, **extra}

        def choice(delta: dict[str, Any], finish_reason: str | None = None,
                   native_finish_reason: str | None = None) -> list[dict[str, Any]]:
            item: dict[str, Any] = {"index": 0, "delta": delta, "finish_reason": finish_reason}
            if finish_reason is not None:
                item["native_finish_reason"] = native_finish_reason
            return [item]

        for index, piece in enumerate(answer.pieces or (answer.text,)):
            if index == 2 and scenario == "emu/describe-hold":
                await self._hold(sse.keepalive)
            await sse.send(_dumps(chunk(choice({"role": "assistant", "content": piece} if index == 0
                                               else {"content": piece}))))
        if scenario == "emu/mid-stream-error":
            generation.finish_reason = "error"
            generation.complete = True
            error = {"code": 502, "message": "Provider disconnected",
                     "metadata": {"error_type": "provider_unavailable"}}
            await sse.send(_dumps(chunk(choice({"content": ""}, "error", "error"), error=error)))
            return response
        for image in answer.images:
            line = sse.event(_dumps_with_urls(
                chunk(choice({"role": "assistant", "images": [_image_part(0)]})), [image.url]
            ))
            if scenario == "emu/truncated":
                generation.complete = True
                await sse.write(line[: max(1, len(line) // 2)])
                if request.transport is not None:
                    request.transport.close()  # flushes what was written, then hangs up mid-line
                return response
            self._send_image(image)
            await sse.write(line)
        if scenario == "emu/no-done":
            return response
        usage = self._bill(generation, answer, prompt)
        await sse.send(_dumps(chunk(choice({}, answer.finish_reason, answer.native_finish_reason))))
        generation.complete = True
        if scenario == "emu/no-cost":  # tokens but no cost: only `GET /generation` tells it
            usage = {key: value for key, value in usage.items() if key != "cost"}
        if scenario == "emu/usage-after-stop":
            await sse.send(_dumps(chunk(choice({}), usage=usage)))
        else:
            await sse.send(_dumps(chunk([], usage=usage)))
        await sse.send(b"[DONE]")
        return response

    async def _respond_json(
        self,
        request: web.Request,
        scenario: str,
        prompt: str,
        generation: _Generation,
        answer_task: asyncio.Task[_Answer] | None,
    ) -> web.StreamResponse:
        if answer_task is None:  # emu/stall: no headers at all until the client gives up
            await self._stall()
        if scenario == "emu/hold":
            await self._hold(None)
        if scenario == "emu/slow":
            await asyncio.sleep(self._keepalive_interval * self._slow_keepalives)
        answer = await self._answer_with_keepalives(answer_task, None)
        if scenario == "emu/mid-stream-error":
            generation.finish_reason = "error"
            generation.complete = True
            return _error_response(CannedError(502, "Provider disconnected", "provider_unavailable",
                                               {"provider_name": "Google"}))
        usage = self._bill(generation, answer, prompt)
        message: dict[str, Any] = {"role": "assistant", "content": answer.text, "refusal": None}
        if answer.images:
            message["images"] = [_image_part(index) for index in range(len(answer.images))]
        payload = {
            "id": generation.id,
            "provider": "Google",
            "model": generation.model,
            "object": "chat.completion",
            "created": generation.created,
            "choices": [{"index": 0, "logprobs": None, "finish_reason": answer.finish_reason,
                         "native_finish_reason": answer.native_finish_reason, "message": message}],
            "usage": usage,
        }
        body = _dumps_with_urls(payload, [image.url for image in answer.images])
        for image in answer.images:
            self._send_image(image)
        generation.complete = True
        headers = {"X-Generation-Id": generation.id}
        if scenario != "emu/truncated":
            return web.Response(body=body, content_type="application/json", headers=headers)
        response = web.StreamResponse(headers={**headers, "Content-Type": "application/json"})
        response.content_length = len(body)
        generation.response = response
        await response.prepare(request)
        await _EventStream(response, eol=b"\n", write_size=self._write_size).write(body[: len(body) // 2])
        if request.transport is not None:
            request.transport.close()
        return response


def _parse_json(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None
