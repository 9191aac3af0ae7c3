"""Async client of the OpenRoute (OpenRouter-compatible) image API: streaming generation and models.

One `aiohttp.ClientSession` (see `create_session`) is shared by the whole bot and injected here. Every
network wait has its own deadline (connect / first byte / idle gap / total), retries happen only before a
response was accepted, and the CPU-heavy part of a multi-megabyte image event (JSON + base64) runs in a
worker thread so the event loop stays responsive.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import email.utils
import functools
import inspect
import json
import logging
import random as _random
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import aclosing
from datetime import UTC
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, TypeVar

import aiohttp

from bot.config import OpenRouteSettings
from bot.openroute.chunks import DecodedChunk, StreamState, decode_chunk, parse_json, to_decimal, to_int
from bot.openroute.dataurl import encode_data_url
from bot.openroute.errors import (
    AuthenticationFailed,
    BadRequest,
    ConnectionFailed,
    ContentRefused,
    InsufficientCredits,
    ModelNotFound,
    NoImageReturned,
    OpenRouteError,
    ProviderUnavailable,
    RateLimited,
    RequestTimedOut,
    StreamTruncated,
    UnexpectedResponse,
)
from bot.openroute.sse import SSEComment, SSEParser
from bot.openroute.types import (
    Finished,
    GeneratedImage,
    GenerationRequest,
    GenerationResult,
    ImageModel,
    ImageProgress,
    ImageReady,
    ModelPricing,
    StreamEvent,
    Waiting,
)

if TYPE_CHECKING:
    from bot.metrics import Metrics

log = logging.getLogger(__name__)
_T = TypeVar("_T")

DEFAULT_MODALITIES = ("image", "text")
THREAD_THRESHOLD = 512 * 1024  # events bigger than this are parsed + decoded off the event loop
PROGRESS_THRESHOLD = 64 * 1024  # an incomplete line this big is reported as image progress
MAX_ERROR_BODY = 64 * 1024  # we never need more of an error answer than this
READ_BUFSIZE = 256 * 1024  # bigger reads of a giant image line mean fewer wake-ups
_RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 524, 529})
_PROVIDER_STATUSES = frozenset({500, 502, 503, 524, 529})

EventCallback = Callable[[StreamEvent], Awaitable[None] | None]
IndexedEventCallback = Callable[[int, StreamEvent], Awaitable[None] | None]


def create_session(settings: OpenRouteSettings) -> aiohttp.ClientSession:
    """The one HTTP session of the bot: a bounded connection pool and no session-wide total timeout
    (image streams run for minutes; the client sets per-phase deadlines itself)."""
    connector = aiohttp.TCPConnector(limit=settings.max_connections)
    timeout = aiohttp.ClientTimeout(total=None, connect=None, sock_connect=settings.timeouts.connect,
                                    sock_read=None)
    return aiohttp.ClientSession(connector=connector, timeout=timeout, read_bufsize=READ_BUFSIZE)


def build_request_body(request: GenerationRequest, modalities: list[str] | tuple[str, ...] | None = None,
                       *, stream: bool = True) -> dict[str, Any]:
    """The JSON body of `POST /chat/completions` for one generation."""
    content: str | list[dict[str, Any]]
    if request.input_images:
        content = [{"type": "text", "text": request.prompt}]
        content.extend({"type": "image_url",
                        "image_url": {"url": encode_data_url(image.data, image.mime_type)}}
                       for image in request.input_images)
    else:
        content = request.prompt
    body: dict[str, Any] = {
        "model": request.model,
        "messages": [{"role": "user", "content": content}],
        "modalities": list(modalities or DEFAULT_MODALITIES),
    }
    image_config = {key: value for key, value in (("aspect_ratio", request.aspect_ratio),
                                                   ("image_size", request.image_size)) if value}
    if image_config:
        body["image_config"] = image_config
    body["stream"] = stream
    if request.user:
        body["user"] = request.user
    return body


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


def parse_image_models(payload: Any) -> list[ImageModel]:
    """`ImageModel`s from a `/models` answer: only models whose output modalities include "image"."""
    items = payload.get("data") if isinstance(payload, dict) else None
    if not isinstance(items, list):
        raise UnexpectedResponse("OpenRoute's model list has no 'data' array")
    models: list[ImageModel] = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        architecture = item.get("architecture") if isinstance(item.get("architecture"), dict) else {}
        outputs = _strings(architecture.get("output_modalities"))
        if "image" not in outputs:
            continue
        pricing = item.get("pricing") if isinstance(item.get("pricing"), dict) else {}
        models.append(ImageModel(
            id=item["id"],
            name=item["name"] if isinstance(item.get("name"), str) and item["name"] else item["id"],
            pricing=ModelPricing(prompt=to_decimal(pricing.get("prompt")),
                                 completion=to_decimal(pricing.get("completion")),
                                 image=to_decimal(pricing.get("image")),
                                 image_output=to_decimal(pricing.get("image_output")),
                                 request=to_decimal(pricing.get("request"))),
            input_modalities=_strings(architecture.get("input_modalities")),
            output_modalities=outputs,
            context_length=to_int(item.get("context_length")),
        ))
    return models


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


class OpenRouteClient:
    """Talks to OpenRoute. Cheap to construct; holds only the models cache."""

    def __init__(self, session: aiohttp.ClientSession, settings: OpenRouteSettings, *,
                 sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
                 random: Callable[[], float] = _random.random,
                 clock: Callable[[], float] = time.monotonic, metrics: Metrics | None = None,
                 executor: concurrent.futures.Executor | None = None) -> None:
        self._session = session
        # decoding and encoding megabytes of base64: the threads the bot gives to image work (IMAGE_WORKERS),
        # else asyncio's default executor
        self._executor = executor
        self._metrics = metrics  # None: nothing is counted (the CLI)
        self._settings = settings
        self._sleep = sleep
        self._random = random
        self._clock = clock
        self._base_url = settings.base_url.rstrip("/")
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
        if not images:
            said = state.text.strip() or state.refusal.strip()
            error = NoImageReturned(
                f"the model finished without an image (finish reason {finished.finish_reason!r})",
                text=said, finish_reason=finished.finish_reason,
                cost=finished.usage.cost if finished.usage else None)
            self._count_error(error)
            raise error
        return GenerationResult(images=tuple(images), text=state.text, finish_reason=finished.finish_reason,
                                usage=finished.usage, generation_id=finished.generation_id,
                                model=finished.model or request.model, elapsed=self._clock() - started)

    async def generate_many(self, request: GenerationRequest, count: int, *,
                            on_event: IndexedEventCallback | None = None, stream: bool = True,
                            modalities: list[str] | None = None) -> list[GenerationResult | BaseException]:
        """`count` concurrent generations of the same request (the API has no `n`).

        Returns one result or exception per request, in order. Cancelling this call cancels them all.
        """
        if count < 1:
            raise ValueError("count must be at least 1")

        def bound(index: int) -> EventCallback | None:
            if on_event is None:
                return None
            return lambda event: on_event(index, event)

        tasks = [asyncio.ensure_future(self.generate(request, on_event=bound(i), stream=stream,
                                                     modalities=modalities))
                 for i in range(count)]
        return list(await asyncio.gather(*tasks, return_exceptions=True))

    async def _events(self, request: GenerationRequest, modalities: list[str] | None, stream: bool,
                      state: StreamState) -> AsyncIterator[StreamEvent]:
        loop = asyncio.get_running_loop()
        started = loop.time()
        deadline = started + self._settings.timeouts.total
        body = await self._encode_body(request, modalities, stream)
        log.debug("generation request: model=%s prompt_chars=%d input_images=%d stream=%s",
                  request.model, len(request.prompt), len(request.input_images), stream)
        response = await self._open("POST", "/chat/completions", body=body, deadline=deadline, timed=True)
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
                async for data in self._body(response, deadline):
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
            self._scrub_error(exc)  # stream errors quote the provider, which could echo anything
            self._count_error(exc)
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
            data = await self._read(reader, deadline)
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
        def encode() -> bytes:
            return json.dumps(build_request_body(request, modalities, stream=stream),
                              ensure_ascii=False).encode("utf-8")

        if sum(len(image.data) for image in request.input_images) > THREAD_THRESHOLD // 2:
            return await self._offload(encode)  # base64 + JSON of input images
        return encode()

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

    async def _get_json(self, path: str, *, params: dict[str, str] | None = None, what: str) -> Any:
        deadline = asyncio.get_running_loop().time() + self._settings.timeouts.total
        response = await self._open("GET", path, params=params, deadline=deadline)
        try:
            raw = b"".join([data async for data in self._body(response, deadline)])
            if len(raw) > THREAD_THRESHOLD:
                return await self._offload(parse_json, raw, what=what)
            return parse_json(raw, what=what)
        except OpenRouteError as exc:
            self._count_error(exc)
            raise
        finally:
            response.release()

    # --- HTTP plumbing ---------------------------------------------------------------------------

    def _headers(self, *, json_body: bool) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self._settings.api_key.get()}",
                   "X-OpenRouter-Title": self._settings.app_name,
                   "X-Title": self._settings.app_name}
        if self._settings.app_url:
            headers["HTTP-Referer"] = self._settings.app_url
        if json_body:
            headers["Content-Type"] = "application/json"
        return headers

    async def _open(self, method: str, path: str, *, body: bytes | None = None,
                    params: dict[str, str] | None = None, deadline: float,
                    timed: bool = False) -> aiohttp.ClientResponse:
        """Send the request, retrying transient failures; return a 2xx response whose body is unread.
        `timed`: each attempt's wait for the first byte of its answer goes to the metrics."""
        loop = asyncio.get_running_loop()
        retries = self._settings.max_retries
        attempt = 0
        while True:
            sent = loop.time()
            try:
                response = await self._send(method, path, body, params, deadline)
            except (ConnectionFailed, RequestTimedOut) as exc:
                error: OpenRouteError = exc
            else:
                if response.status < 300:
                    if timed and self._metrics is not None:
                        self._metrics.first_byte(loop.time() - sent)
                    return response
                try:
                    error = await self._error_from(response, deadline)
                finally:
                    response.release()
            self._count_error(error)
            delay = self._retry_delay(error, attempt)
            if delay is None or attempt >= retries or loop.time() + delay >= deadline:
                raise error
            attempt += 1
            log.warning("OpenRoute %s %s failed (%s: %s); retry %d/%d in %.1fs", method, path,
                        type(error).__name__, error.message, attempt, retries, delay)
            await self._sleep(delay)

    def _retry_delay(self, error: OpenRouteError, attempt: int) -> float | None:
        """Seconds to wait before retrying `error`, or None when it must not be retried."""
        if isinstance(error, RequestTimedOut):
            if error.phase not in ("connect", "server"):
                return None  # the server may be generating (and billing): do not start a second one
        elif isinstance(error, RateLimited | ProviderUnavailable):
            if error.status is not None and error.status not in _RETRY_STATUSES:
                return None
            if error.retry_after is not None:
                # Honour the server's wish, but not beyond our cap: then the user is told when to retry.
                return error.retry_after if error.retry_after <= self._settings.retry_max_delay else None
        elif not isinstance(error, ConnectionFailed):
            return None
        ceiling = min(self._settings.retry_max_delay, self._settings.retry_base_delay * 2 ** attempt)
        return self._random() * ceiling  # "full jitter" backoff

    async def _send(self, method: str, path: str, body: bytes | None, params: dict[str, str] | None,
                    deadline: float) -> aiohttp.ClientResponse:
        """One HTTP attempt, up to the response headers, mapped to typed errors."""
        timeouts = self._settings.timeouts
        loop = asyncio.get_running_loop()
        headers_due = loop.time() + timeouts.first_byte
        limit = aiohttp.ClientTimeout(total=None, connect=None, sock_connect=timeouts.connect, sock_read=None)
        window = asyncio.timeout_at(min(headers_due, deadline))
        try:
            async with window:
                return await self._session.request(method, self._base_url + path, data=body, params=params,
                                                   headers=self._headers(json_body=body is not None),
                                                   timeout=limit)
        except aiohttp.ConnectionTimeoutError:
            raise RequestTimedOut(f"could not connect to OpenRoute within {timeouts.connect:g}s",
                                  phase="connect") from None
        except TimeoutError:
            if window.expired() and deadline <= headers_due:
                raise RequestTimedOut(f"OpenRoute did not finish within {timeouts.total:g}s",
                                      phase="total") from None
            raise RequestTimedOut(f"OpenRoute did not start answering within {timeouts.first_byte:g}s",
                                  phase="first_byte") from None
        except aiohttp.ClientResponseError as exc:  # malformed HTTP; its request_info holds our headers
            raise UnexpectedResponse(self._scrub(f"OpenRoute sent a malformed HTTP answer: {exc.message}"),
                                     status=exc.status or None) from None
        except (aiohttp.ClientConnectionError, OSError) as exc:
            raise ConnectionFailed(self._scrub(f"could not reach OpenRoute: {type(exc).__name__}: {exc}")) \
                from None

    async def _body(self, response: aiohttp.ClientResponse, deadline: float) -> AsyncIterator[bytes]:
        """A whole (non-stream) body in pieces, under the idle/total timeouts and the size cap."""
        reader = response.content.iter_any()
        size = 0
        while data := await self._read(reader, deadline):
            size += len(data)
            self._check_size(size)
            yield data

    async def _read(self, reader: AsyncIterator[bytes], deadline: float) -> bytes:
        """The next bytes of a body (b"" at the end), within the idle and total deadlines."""
        loop = asyncio.get_running_loop()
        idle_due = loop.time() + self._settings.timeouts.idle
        window = asyncio.timeout_at(min(idle_due, deadline))
        try:
            async with window:
                return await anext(reader)
        except StopAsyncIteration:
            return b""
        except TimeoutError:
            if not window.expired():
                raise
            if deadline <= idle_due:
                raise RequestTimedOut(f"OpenRoute did not finish within {self._settings.timeouts.total:g}s",
                                      phase="total") from None
            raise RequestTimedOut(f"OpenRoute sent nothing for {self._settings.timeouts.idle:g}s",
                                  phase="idle") from None
        except (aiohttp.ClientPayloadError, aiohttp.ClientConnectionError, OSError) as exc:
            raise StreamTruncated(self._scrub(f"the connection to OpenRoute broke during the answer "
                                              f"({type(exc).__name__})")) from None

    def _check_size(self, size: int) -> None:
        limit = self._settings.max_event_bytes
        if size > limit:
            raise UnexpectedResponse(f"OpenRoute's answer is larger than {limit} bytes")

    async def _error_from(self, response: aiohttp.ClientResponse, deadline: float) -> OpenRouteError:
        """The typed error for a non-2xx answer (its JSON error body when there is one)."""
        status = response.status
        raw = b""
        try:
            reader = response.content.iter_any()
            while len(raw) < MAX_ERROR_BODY and (data := await self._read(reader, deadline)):
                raw += data
        except (StreamTruncated, RequestTimedOut):
            pass  # the status alone still tells what happened
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
        message = self._scrub(f"OpenRoute answered HTTP {status}: {detail[:500]}" if detail
                              else f"OpenRoute answered HTTP {status} ({phrase})")
        error_type = metadata.get("error_type") if isinstance(metadata.get("error_type"), str) else None
        if error_type is None and isinstance(availability.get("code"), str):
            error_type = availability["code"]
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
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
            reasons = [self._scrub(str(r)) for r in metadata.get("reasons") or [] if r] \
                if isinstance(metadata.get("reasons"), list) else []
            if isinstance(metadata.get("patterns"), list):
                reasons += [self._scrub(str(p)) for p in metadata["patterns"] if p]
            flagged = metadata.get("flagged_input")
            return ContentRefused(message, reasons=reasons,
                                  flagged_input=self._scrub(flagged) if isinstance(flagged, str) else None,
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

    def _count_error(self, error: OpenRouteError) -> None:
        if self._metrics is not None:
            self._metrics.openroute_error(error)

    def _scrub_error(self, exc: OpenRouteError) -> None:
        exc.message = self._scrub(exc.message)
        exc.args = tuple(self._scrub(a) if isinstance(a, str) else a for a in exc.args)

    def _scrub(self, text: str) -> str:
        """Never let the API key into a message, whatever the server or a library echoes back."""
        key = self._settings.api_key.get()
        return text.replace(key, "********") if key and len(key) >= 4 else text


def _retrieve_exception(task: asyncio.Task[Any]) -> None:
    # Mark a failed shared fetch as handled even when every caller gave up waiting on it.
    if not task.cancelled():
        task.exception()
