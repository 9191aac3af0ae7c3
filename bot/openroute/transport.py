"""One request to OpenRoute and the bytes of its answer: retries before an answer was accepted, a deadline
for every wait (connect / first byte / idle gap / total), the size cap, and typed errors without the key.

The first-byte deadline counts from when the request has a connection: a request waiting for a free connection
of the pool (every one busy with other streams) is bounded only by the total deadline meanwhile. The session
tells the transport about that wait through `pool_wait_trace()`, which `create_session` installs."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING, Any

import aiohttp

from bot.config import OpenRouteSettings
from bot.openroute.errors import (
    ConnectionFailed,
    OpenRouteError,
    RequestTimedOut,
    StreamTruncated,
    UnexpectedResponse,
)
from bot.openroute.failures import MAX_ERROR_BODY, error_from_answer, retry_delay, scrub, scrub_error
from bot.openroute.request import request_headers

if TYPE_CHECKING:
    from bot.metrics import Metrics

log = logging.getLogger(__name__)


class FirstByteWindow:
    """The first-byte deadline of one attempt: `first_byte` seconds from the send, or, when the request waited
    for a free pooled connection, from the end of that wait (never past the total `deadline`)."""

    def __init__(self, first_byte: float, deadline: float) -> None:
        self._first_byte = first_byte
        self._deadline = deadline
        self._waiting = False  # for a pooled connection, now
        self.started = asyncio.get_running_loop().time()  # when the wait for the first byte began
        self.timeout = asyncio.timeout_at(self._due())

    def _due(self) -> float:
        return min(self.started + self._first_byte, self._deadline)

    @property
    def total_ran_out(self) -> bool:
        """True when the window ended at the total deadline rather than at the first-byte one."""
        return self.timeout.expired() and (self._waiting or self._deadline <= self.started + self._first_byte)

    def queued(self) -> None:
        """The request waits for a free connection: only the total deadline holds meanwhile."""
        self._waiting = True
        self.timeout.reschedule(self._deadline)

    def dequeued(self) -> None:
        """It has its connection: the first byte is due `first_byte` seconds from now."""
        self._waiting = False
        self.started = asyncio.get_running_loop().time()
        self.timeout.reschedule(self._due())


def pool_wait_trace() -> aiohttp.TraceConfig:
    """The session's trace that tells each request's `FirstByteWindow` when it waits for a pooled connection."""

    async def queued(_session: aiohttp.ClientSession, context: Any, _params: Any) -> None:
        if isinstance(context.trace_request_ctx, FirstByteWindow):
            context.trace_request_ctx.queued()

    async def dequeued(_session: aiohttp.ClientSession, context: Any, _params: Any) -> None:
        if isinstance(context.trace_request_ctx, FirstByteWindow):
            context.trace_request_ctx.dequeued()

    trace = aiohttp.TraceConfig()
    trace.on_connection_queued_start.append(queued)
    trace.on_connection_queued_end.append(dequeued)
    return trace


class Transport:
    """The HTTP side of `OpenRouteClient`: sends, retries, reads under deadlines, maps failures to typed errors."""

    def __init__(self, session: aiohttp.ClientSession, settings: OpenRouteSettings, *,
                 sleep: Callable[[float], Awaitable[Any]], random: Callable[[], float],
                 metrics: Metrics | None) -> None:
        self._session = session
        self._settings = settings
        self._sleep = sleep
        self._random = random
        self._metrics = metrics  # None: nothing is counted (the CLI)
        self._base_url = settings.base_url.rstrip("/")

    async def open(self, method: str, path: str, *, body: bytes | None = None,
                   params: dict[str, str] | None = None, deadline: float,
                   timed: bool = False) -> aiohttp.ClientResponse:
        """Send the request, retrying transient failures; return a 2xx response whose body is unread.
        `timed`: each attempt's wait for the first byte of its answer goes to the metrics."""
        loop = asyncio.get_running_loop()
        retries = self._settings.max_retries
        attempt = 0
        while True:
            window = FirstByteWindow(self._settings.timeouts.first_byte, deadline)
            try:
                response = await self._send(method, path, body, params, window)
            except (ConnectionFailed, RequestTimedOut) as exc:
                error: OpenRouteError = exc
            else:
                if response.status < 300:
                    if timed and self._metrics is not None:
                        self._metrics.first_byte(loop.time() - window.started)
                    return response
                try:
                    error = await self._error_from(response, deadline)
                finally:
                    response.release()
            self.count_error(error)
            delay = retry_delay(error, attempt, self._settings, self._random)
            if delay is None or attempt >= retries or loop.time() + delay >= deadline:
                raise error
            attempt += 1
            log.warning("OpenRoute %s %s failed (%s: %s); retry %d/%d in %.1fs", method, path,
                        type(error).__name__, error.message, attempt, retries, delay)
            await self._sleep(delay)

    async def _send(self, method: str, path: str, body: bytes | None, params: dict[str, str] | None,
                    window: FirstByteWindow) -> aiohttp.ClientResponse:
        """One HTTP attempt, up to the response headers, mapped to typed errors."""
        timeouts = self._settings.timeouts
        limit = aiohttp.ClientTimeout(total=None, connect=None, sock_connect=timeouts.connect, sock_read=None)
        try:
            async with window.timeout:
                return await self._session.request(method, self._base_url + path, data=body, params=params,
                                                   headers=request_headers(self._settings, json_body=body is not None),
                                                   timeout=limit, trace_request_ctx=window)
        except aiohttp.ConnectionTimeoutError:
            raise RequestTimedOut(f"could not connect to OpenRoute within {timeouts.connect:g}s",
                                  phase="connect") from None
        except TimeoutError:
            if window.total_ran_out:
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

    async def body(self, response: aiohttp.ClientResponse, deadline: float) -> AsyncIterator[bytes]:
        """A whole (non-stream) body in pieces, under the idle/total timeouts and the size cap."""
        reader = response.content.iter_any()
        size = 0
        while data := await self.read(reader, deadline):
            size += len(data)
            self._check_size(size)
            yield data

    async def read(self, reader: AsyncIterator[bytes], deadline: float) -> bytes:
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
        """The typed error for a non-2xx answer, from what arrives of its body within the deadlines."""
        raw = b""
        try:
            reader = response.content.iter_any()
            while len(raw) < MAX_ERROR_BODY and (data := await self.read(reader, deadline)):
                raw += data
        except (StreamTruncated, RequestTimedOut):
            pass  # the status alone still tells what happened
        return error_from_answer(response.status, raw, response.headers.get("Retry-After"),
                                 key=self._settings.api_key.get())

    def count_error(self, error: OpenRouteError) -> None:
        """Count a failure in the metrics (when there are metrics)."""
        if self._metrics is not None:
            self._metrics.openroute_error(error)

    def _scrub(self, text: str) -> str:
        """`text` without the API key."""
        return scrub(text, self._settings.api_key.get())

    def scrub_error(self, exc: OpenRouteError) -> None:
        """`exc` without the API key, in place."""
        scrub_error(exc, self._settings.api_key.get())
