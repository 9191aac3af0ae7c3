"""Async client of the OpenRoute (OpenRouter-compatible) image API: streaming generation and models.

One `aiohttp.ClientSession` (see `create_session`) is shared by the whole bot and injected here. Every
network wait has its own deadline (connect / first byte / idle gap / total) and retries happen only before a
response was accepted (both in `transport.py`); the CPU-heavy part of a multi-megabyte image event (JSON +
base64) runs in a worker thread so the event loop stays responsive.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import inspect
import logging
import random as _random
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import aclosing
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

import aiohttp

from bot.config import OpenRouteSettings
from bot.openroute.chunks import DecodedChunk, StreamState, decode_chunk, parse_json
from bot.openroute.errors import ModelNotFound, NoImageReturned, OpenRouteError, StreamTruncated, UnexpectedResponse
from bot.openroute.models import parse_image_models
from bot.openroute.request import encode_request_body
from bot.openroute.sse import SSEComment, SSEParser
from bot.openroute.transport import Transport, pool_wait_trace
from bot.openroute.types import (
    Finished,
    GeneratedImage,
    GenerationRequest,
    GenerationResult,
    ImageModel,
    ImageProgress,
    ImageReady,
    StreamEvent,
    Waiting,
)

if TYPE_CHECKING:
    from bot.metrics import Metrics

log = logging.getLogger(__name__)
_T = TypeVar("_T")

THREAD_THRESHOLD = 512 * 1024  # events bigger than this are parsed + decoded off the event loop
PROGRESS_THRESHOLD = 64 * 1024  # an incomplete line this big is reported as image progress
READ_BUFSIZE = 256 * 1024  # bigger reads of a giant image line mean fewer wake-ups

EventCallback = Callable[[StreamEvent], Awaitable[None] | None]
IndexedEventCallback = Callable[[int, StreamEvent], Awaitable[None] | None]
DoneCallback = Callable[[int, "GenerationResult | BaseException"], Awaitable[None] | None]


def create_session(settings: OpenRouteSettings) -> aiohttp.ClientSession:
    """The one HTTP session of the bot's API requests: a bounded connection pool (OPENROUTE_MAX_CONNECTIONS), no
    session-wide total timeout (image streams run for minutes; the client sets per-phase deadlines itself), and
    the trace that keeps a wait for a free connection out of the first-byte deadline."""
    connector = aiohttp.TCPConnector(limit=settings.max_connections)
    timeout = aiohttp.ClientTimeout(total=None, connect=None, sock_connect=settings.timeouts.connect,
                                    sock_read=None)
    return aiohttp.ClientSession(connector=connector, timeout=timeout, read_bufsize=READ_BUFSIZE,
                                 trace_configs=[pool_wait_trace()])


class OpenRouteClient:
    """Talks to OpenRoute. Cheap to construct; holds only the models cache."""

    def __init__(self, session: aiohttp.ClientSession, settings: OpenRouteSettings, *,
                 sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
                 random: Callable[[], float] = _random.random,
                 clock: Callable[[], float] = time.monotonic, metrics: Metrics | None = None,
                 executor: concurrent.futures.Executor | None = None) -> None:
        self._http = Transport(session, settings, sleep=sleep, random=random, metrics=metrics)
        # decoding and encoding megabytes of base64: the threads the bot gives to image work (IMAGE_WORKERS),
        # else asyncio's default executor
        self._executor = executor
        self._settings = settings
        self._clock = clock
        self._models: tuple[ImageModel, ...] | None = None
        self._models_fetched_at = 0.0
        self._models_fetch: asyncio.Task[tuple[ImageModel, ...]] | None = None

    # --- generation ------------------------------------------------------------------------------

    async def generate(self, request: GenerationRequest, *, on_event: EventCallback | None = None,
                       stream: bool = True, modalities: list[str] | None = None) -> GenerationResult:
        """Run one generation to the end and return its images.

        Raises `NoImageReturned` (with the model's text or refusal) when it finished without an image, or
        any other `OpenRouteError`. `on_event` sees every stream event (it may be async).
        """
        started = self._clock()
        state, images, finished = await self._follow(request, modalities, stream, on_event)
        if not images:
            said = state.text.strip() or state.refusal.strip()
            error = NoImageReturned(
                f"the model finished without an image (finish reason {finished.finish_reason!r})",
                text=said, finish_reason=finished.finish_reason,
                cost=finished.usage.cost if finished.usage else None)
            self._http.count_error(error)
            raise error
        return self._result(request, state, images, finished, started)

    async def generate_text(self, request: GenerationRequest, *,
                            on_event: EventCallback | None = None) -> GenerationResult:
        """Run one request answered in text (a model that reads the request's images and writes about them),
        streamed, to the end: the result's `text` is what the model wrote and its `images` are empty (an image
        it sent anyway is dropped). `on_event` sees every stream event, the text deltas as they arrive. Raises
        `OpenRouteError` as `generate` does, except that an answer without an image is what is asked for."""
        started = self._clock()
        state, _, finished = await self._follow(request, ["text"], True, on_event)
        return self._result(request, state, [], finished, started)

    async def _follow(self, request: GenerationRequest, modalities: list[str] | None, stream: bool,
                      on_event: EventCallback | None) -> tuple[StreamState, list[GeneratedImage], Finished]:
        """One request's events to the end, each handed to `on_event`: what the answer said, its images and how
        it finished."""
        state = StreamState()
        images: list[GeneratedImage] = []
        finished: Finished | None = None
        async with aclosing(self._events(request, modalities, stream, state)) as events:
            async for event in events:
                if on_event is not None:
                    outcome = on_event(event)
                    if inspect.isawaitable(outcome):
                        await outcome
                if isinstance(event, ImageReady):
                    images.append(GeneratedImage(event.data, event.mime_type))
                elif isinstance(event, Finished):
                    finished = event
        assert finished is not None  # _events always ends with Finished or raises
        return state, images, finished

    def _result(self, request: GenerationRequest, state: StreamState, images: list[GeneratedImage],
                finished: Finished, started: float) -> GenerationResult:
        return GenerationResult(images=tuple(images), text=state.text, finish_reason=finished.finish_reason,
                                usage=finished.usage, generation_id=finished.generation_id,
                                model=finished.model or request.model, elapsed=self._clock() - started)

    async def generate_many(self, request: GenerationRequest, count: int, *,
                            on_event: IndexedEventCallback | None = None,
                            on_done: DoneCallback | None = None, stream: bool = True,
                            modalities: list[str] | None = None) -> list[GenerationResult | BaseException]:
        """`count` concurrent generations of the same request (the API has no `n`).

        Returns one result or exception per request, in order. `on_done(index, outcome)` is called as each
        request ends (awaited if it returns an awaitable, shielded: cancelling this call later does not cut
        it short). Cancelling this call cancels the requests still running.
        """
        if count < 1:
            raise ValueError("count must be at least 1")

        def bound(index: int) -> EventCallback | None:
            if on_event is None:
                return None
            return lambda event: on_event(index, event)

        async def one(index: int) -> GenerationResult | BaseException:
            outcome: GenerationResult | BaseException
            try:
                outcome = await self.generate(request, on_event=bound(index), stream=stream, modalities=modalities)
            except Exception as exc:
                outcome = exc
            if on_done is not None:
                done = on_done(index, outcome)
                if inspect.isawaitable(done):
                    await asyncio.shield(done)
            return outcome

        tasks = [asyncio.ensure_future(one(i)) for i in range(count)]
        try:
            return list(await asyncio.gather(*tasks))
        except BaseException:
            for task in tasks:
                task.cancel()
            raise

    async def _events(self, request: GenerationRequest, modalities: list[str] | None, stream: bool,
                      state: StreamState) -> AsyncIterator[StreamEvent]:
        loop = asyncio.get_running_loop()
        started = loop.time()
        deadline = started + self._settings.timeouts.total
        body = await self._encode_body(request, modalities, stream)
        log.debug("generation request: model=%s prompt_chars=%d input_images=%d stream=%s",
                  request.model, len(request.prompt), len(request.input_images), stream)
        response = await self._http.open("POST", "/chat/completions", body=body, deadline=deadline, timed=True)
        clean = False
        try:
            header_id = response.headers.get("X-Generation-Id")
            if header_id:
                state.generation_id = header_id
            content_type = response.content_type.lower()
            if content_type == "application/json":
                # Not a stream (asked for, or the server ignored `"stream": true`): one JSON answer.
                pieces: list[bytes] = []
                size = 0
                async for data in self._http.body(response, deadline):
                    pieces.append(data)
                    size += len(data)
                    if size > PROGRESS_THRESHOLD:
                        yield ImageProgress(0, size)
                raw = b"".join(pieces)
                del pieces
                for event in state.apply(await self._decode(raw, what="response")):
                    yield event
                if state.finish_reason is None and not state.image_count and not state.text_parts:
                    raise UnexpectedResponse("OpenRoute answered with JSON that is not a chat completion")
                finished = state.finished()
            elif "html" in content_type:
                raise UnexpectedResponse(f"OpenRoute answered with a web page ({content_type}) instead of "
                                         "an event stream")
            else:
                finished = None
                async with aclosing(self._sse_events(response, state, deadline)) as events:
                    async for event in events:
                        if isinstance(event, Finished):
                            finished = event
                            break
                        yield event
                assert finished is not None
            clean = True
            log.info("generation %s finished: model=%s cost=%s images=%d finish=%s elapsed=%.1fs",
                     finished.generation_id or "?", finished.model or request.model,
                     finished.usage.cost if finished.usage and finished.usage.cost is not None else "?",
                     state.image_count, finished.finish_reason, loop.time() - started)
            yield finished
        except OpenRouteError as exc:
            self._http.scrub_error(exc)  # stream errors quote the provider, which could echo anything
            self._http.count_error(exc)
            raise
        finally:
            if clean:
                response.release()
            else:
                response.close()  # abort: the provider sees the disconnect and stops generating

    async def _sse_events(self, response: aiohttp.ClientResponse, state: StreamState,
                          deadline: float) -> AsyncIterator[StreamEvent]:
        """Events of an SSE body, ending with `Finished`; `_events` drives it and closes the response."""
        parser = SSEParser(max_event_bytes=self._settings.max_event_bytes)
        reader = response.content.iter_any()
        while True:
            data = await self._http.read(reader, deadline)
            if not data:
                parser.close()
                if state.finish_reason is None:
                    raise StreamTruncated("the answer stream ended before the generation finished")
                yield state.finished()
                return
            for item in parser.feed(data):
                if isinstance(item, SSEComment):
                    yield Waiting()
                    continue
                raw = item.raw
                if not raw or (len(raw) < 64 and raw.strip() == b"[DONE]"):
                    if raw:
                        yield state.finished()
                        return
                    continue
                for event in state.apply(await self._decode(raw, what="stream chunk")):
                    yield event
            pending = parser.pending_bytes
            if pending and (pending > PROGRESS_THRESHOLD or b'"images"' in parser.pending_head(1024)):
                yield ImageProgress(state.image_count, pending)

    async def _offload(self, func: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
        """`func(*args, **kwargs)` in a worker thread, off the event loop."""
        return await asyncio.get_running_loop().run_in_executor(self._executor,
                                                                functools.partial(func, *args, **kwargs))

    async def _decode(self, raw: bytes, *, what: str) -> DecodedChunk:
        if len(raw) > THREAD_THRESHOLD:
            return await self._offload(decode_chunk, raw, what=what)
        return decode_chunk(raw, what=what)

    async def _encode_body(self, request: GenerationRequest, modalities: list[str] | None,
                           stream: bool) -> bytes:
        if sum(len(image.data) for image in request.input_images) > THREAD_THRESHOLD // 2:
            return await self._offload(encode_request_body, request, modalities, stream)  # base64 + JSON
        return encode_request_body(request, modalities, stream)

    # --- models ----------------------------------------------------------------------------------

    async def list_image_models(self, *, force_refresh: bool = False) -> list[ImageModel]:
        """Models that can output images. Cached for `models_cache_ttl` seconds; concurrent callers share
        one request."""
        if (not force_refresh and self._models is not None
                and self._clock() - self._models_fetched_at < self._settings.models_cache_ttl):
            return list(self._models)
        task = self._models_fetch
        if task is None or task.done():
            task = asyncio.ensure_future(self._fetch_models())
            task.add_done_callback(_retrieve_exception)
            self._models_fetch = task
        return list(await asyncio.shield(task))  # one caller giving up does not cancel the others' fetch

    def cached_image_models(self) -> list[ImageModel] | None:
        """The last fetched model list (possibly stale) or None; never touches the network."""
        return list(self._models) if self._models is not None else None

    async def _fetch_models(self) -> tuple[ImageModel, ...]:
        payload = await self._get_json("/models", params={"output_modalities": "image"}, what="model list")
        models = tuple(parse_image_models(payload))
        self._models = models
        self._models_fetched_at = self._clock()
        log.info("loaded %d image models from OpenRoute", len(models))
        return models

    # --- generation stats ------------------------------------------------------------------------

    async def generation_cost(self, generation_id: str) -> Decimal | None:
        """What a finished generation cost, asked afterwards (`GET /generation`), for an answer that did not
        say. None while the provider does not know the generation yet (it may answer 404 for a short while)
        or gives no usable cost; other failures raise their `OpenRouteError`."""
        try:
            payload = await self._get_json("/generation", params={"id": generation_id}, what="generation stats")
        except ModelNotFound:  # the 404 of a generation it does not know (yet)
            return None
        data = payload.get("data") if isinstance(payload, dict) else None
        cost = data.get("total_cost") if isinstance(data, dict) else None
        if isinstance(cost, bool) or not isinstance(cost, int | float | str | Decimal):
            return None
        try:
            value = Decimal(str(cost))
        except ArithmeticError:
            return None
        return value if value.is_finite() and value >= 0 else None

    async def _get_json(self, path: str, *, params: dict[str, str] | None = None, what: str) -> Any:
        deadline = asyncio.get_running_loop().time() + self._settings.timeouts.total
        response = await self._http.open("GET", path, params=params, deadline=deadline)
        try:
            raw = b"".join([data async for data in self._http.body(response, deadline)])
            if len(raw) > THREAD_THRESHOLD:
                return await self._offload(parse_json, raw, what=what)
            return parse_json(raw, what=what)
        except OpenRouteError as exc:
            self._http.count_error(exc)
            raise
        finally:
            response.release()


def _retrieve_exception(task: asyncio.Task[Any]) -> None:
    # Mark a failed shared fetch as handled even when every caller gave up waiting on it.
    if not task.cancelled():
        task.exception()
