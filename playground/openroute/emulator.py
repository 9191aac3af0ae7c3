"""The OpenRoute emulator: an aiohttp server speaking the OpenRouter wire format on a loopback port.

See the package docstring for the scenario table. Everything here is test infrastructure: it keeps
per-instance state (recorded requests, sent images, generations) for tests to inspect.
"""

from __future__ import annotations

import asyncio
import collections
import itertools
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from multidict import CIMultiDict, CIMultiDictProxy

from playground.openroute.answers import (
    COST_PER_IMAGE,
    COST_TEXT_ONLY,
    IMAGE_TOKENS,
    Answer,
    Generation,
    Image,
    SentImage,
    generate,
    image_seed,
    prompt_of,
    request_variant,
)
from playground.openroute.catalog import (
    BEHAVIOUR_SCENARIOS,
    DESCRIBE_ANSWERS,
    ERROR_SCENARIOS,
    FLAKY_ERROR,
    CannedError,
    default_models,
    filter_models,
    moderation_error,
)
from playground.openroute.holds import Holds, ShuttingDown
from playground.openroute.responses import Responses
from playground.openroute.wire import KEEPALIVE, error_response, json_response, parse_json

log = logging.getLogger(__name__)

API_ROOT = "/api/v1"
MAX_REQUEST_BYTES = 64 * 1024 * 1024  # aiohttp's 1 MiB default would reject ordinary base64 input images
# Request-scoped slot: the body is parsed once, by the recording middleware.
_PARSED_JSON = web.RequestKey("openroute_emulator_json", object)


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One HTTP request as the emulator received it. `headers` is case-insensitive."""

    method: str
    path: str  # full path, e.g. "/api/v1/chat/completions"
    query: dict[str, str]
    headers: Mapping[str, str]
    json: Any  # parsed JSON body, or None (no body / not JSON)


class OpenRouteEmulator(Holds, Responses):
    """A local fake of the OpenRoute/OpenRouter API on a real loopback socket.

    Use as `async with OpenRouteEmulator() as emu:` and point clients at `emu.base_url`. This module holds its
    state, lifecycle, recording and routes; parking held requests is in `holds.py`, writing answers out in
    `responses.py`, what the model answers in `answers.py`.
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
        self._generations: dict[str, Generation] = {}
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
                return error_response(CannedError(413, "Request body too large", "payload_too_large"))
            request[_PARSED_JSON] = body = parse_json(raw)
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
            return error_response(CannedError(401, "No auth credentials found", "authentication"))
        if header != f"Bearer {self._api_key}":
            return error_response(CannedError(401, "User not found.", "authentication"))
        return None

    def _new_generation(self, model: str, streamed: bool) -> Generation:
        created = int(time.time())
        generation = Generation(
            id=f"gen-{created}-{next(self._serial):04d}{uuid.uuid4().hex[:12]}",
            model=model, streamed=streamed, created=created,
        )
        self._generations[generation.id] = generation
        return generation

    def _bill(self, generation: Generation, answer: Answer, prompt: str) -> dict[str, Any]:
        usage = answer.usage(prompt)
        generation.usage = usage
        generation.finish_reason = answer.finish_reason
        generation.native_finish_reason = answer.native_finish_reason
        generation.images = len(answer.images)
        self._usage_total += usage["cost"]
        return usage

    def _send_image(self, image: Image) -> None:
        if image.sent is not None:
            self.sent_images.append(image.sent)

    # --- GET endpoints -------------------------------------------------------------------------------

    async def _list_models(self, request: web.Request) -> web.Response:
        return json_response({"data": filter_models(self._models, request.query.get("output_modalities"))})

    async def _key(self, request: web.Request) -> web.Response:
        if (denied := self._auth_error(request)) is not None:
            return denied
        usage = round(self._usage_total, 6)
        remaining = None if self._key_limit is None else round(self._key_limit - usage, 6)
        return json_response({"data": {
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
            return error_response(CannedError(400, "Missing required query parameter: id", "invalid_request"))
        generation = self._generations.get(generation_id)
        if generation is None:
            return error_response(CannedError(404, f"Generation {generation_id} not found", "not_found"))
        return json_response({"data": generation.stats()})

    # --- chat completions ----------------------------------------------------------------------------

    async def _chat_completions(self, request: web.Request) -> web.StreamResponse:
        if (denied := self._auth_error(request)) is not None:
            return denied
        body = request[_PARSED_JSON]
        if not isinstance(body, dict) or not isinstance(body.get("model"), str) or not body["model"]:
            return error_response(CannedError(400, 'Input required: specify "model"', "invalid_request"))
        if not isinstance(body.get("messages"), list) or not body["messages"]:
            return error_response(CannedError(400, 'Input required: specify "messages"', "invalid_request"))
        model: str = body["model"]
        prompt = prompt_of(body["messages"])
        if (error := self._canned_error(model, prompt)) is not None:
            return error_response(error)
        scenario = model if model in BEHAVIOUR_SCENARIOS or model in DESCRIBE_ANSWERS else "emu/png"
        streamed = bool(body.get("stream")) and scenario != "emu/nonstream"
        generation = self._new_generation(model, streamed)
        answer_task = None if scenario == "emu/stall" else asyncio.create_task(
            generate(scenario, model, prompt, body)
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
        except ShuttingDown:
            if request.transport is not None:
                request.transport.close()
            return generation.response or web.Response(status=503)
        finally:
            if answer_task is not None and not answer_task.done():
                answer_task.cancel()

    def _client_went_away(self, generation: Generation) -> None:
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


__all__ = [
    "COST_PER_IMAGE",
    "COST_TEXT_ONLY",
    "IMAGE_TOKENS",
    "KEEPALIVE",
    "OpenRouteEmulator",
    "RecordedRequest",
    "SentImage",
    "image_seed",
    "prompt_of",
    "request_variant",
]
