"""Keep progress edits of Discord messages under rate limits.

The pure part decides *when* an edit may happen: `EditThrottle` (a per-message minimum interval) and
`TokenBucket` (a global edits-per-second budget). The async part, `EditScheduler`, gives every message an
`EditStream`: `update()` remembers only the latest state and a background task sends it when both gates
allow; `finish()` sends the final state, which is never dropped and never queued behind other messages'
progress: it waits only for its own message's interval and books its share of the global budget, which
delays later progress edits instead (interaction edits are outside Discord's global rate limit; the budget
is ours, to keep progress gentle). Time comes from an injected clock and sleep so tests can run schedules
on virtual time.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from bot.jobs.errors import EditStreamClosed

log = logging.getLogger(__name__)

T = TypeVar("T")

# Clock readings this close count as equal: a virtual or real sleep may wake a hair early.
_EPSILON = 1e-6
# A final edit rate limited for longer than this is given up on (its interaction token may expire).
_MAX_FINAL_BACKOFF = 60.0
_NOTHING: Any = object()
FINAL_GAP_SHARE = 0.2  # a final edit waits this share of the per-message interval after the previous edit


@dataclass(frozen=True, slots=True)
class EditThrottle:
    """The per-message gate: two edits of one message are at least `min_interval` seconds apart; the final
    one (the result) only a fifth of that after the last progress edit, so a result is not held back by a
    progress edit sent just before it (a 4K result is packed for about a second, during which its "uploading"
    edit often goes out). Progress edits `min_interval` apart plus one final edit stay within five
    edits in any five seconds (the edit rate commonly observed on Discord) for any `min_interval` >= 1.25."""

    min_interval: float = 1.5

    def gap(self, *, final: bool) -> float:
        """The seconds an edit waits after the message's previous edit."""
        return self.min_interval * FINAL_GAP_SHARE if final else self.min_interval

    def next_edit_at(self, *, now: float, last_edit: float | None, pending: bool,
                     final: bool = False) -> float | None:
        """When the next edit may be sent: None if there is nothing to send, else the earliest time
        (`now` if allowed at once). A final state always needs sending, even if no update is pending."""
        if not pending and not final:
            return None
        if last_edit is None:
            return now
        return max(now, last_edit + self.gap(final=final))


class TokenBucket:
    """The global gate: on average `rate` edits per second, at most `burst` at once. `reserve` books
    one edit and says when it may go, so reservations are served in order."""

    def __init__(self, *, rate: float, burst: int) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be > 0 and burst >= 1")
        self.rate = rate
        self.burst = burst
        self._tokens = float(burst)
        self._updated: float | None = None

    def reserve(self, now: float) -> float:
        """Book one edit at `now`; returns the time it may be sent (`now` if a token is available)."""
        if self._updated is not None:
            self._tokens = min(float(self.burst), self._tokens + (now - self._updated) * self.rate)
        self._updated = now
        self._tokens -= 1.0
        if self._tokens >= 0:
            return now
        # a negative balance is a queue of bookings, each 1/rate seconds after the previous one
        return now + -self._tokens / self.rate


def _retry_after(error: BaseException) -> float | None:
    """Seconds to back off when `error` says we were rate limited (a `retry_after` attribute)."""
    value = getattr(error, "retry_after", None)
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) and value >= 0:
        return float(value)
    return None


def _describe(error: BaseException) -> str:
    # type and status only: messages of HTTP errors can carry URLs with interaction tokens
    status = getattr(error, "status", None)
    return f"{type(error).__name__}" + (f" (status {status})" if status is not None else "")


class EditStream(Generic[T]):
    """The edits of one message. Create it with `EditScheduler.stream`."""

    def __init__(self, scheduler: EditScheduler, key: Hashable, send: Callable[[T], Awaitable[None]]) -> None:
        self.key = key
        self._scheduler = scheduler
        self._send = send
        self._pending: Any = _NOTHING  # the latest state not yet sent
        self._final_sent: asyncio.Future[None] | None = None
        self._closed = False
        self._wake = asyncio.Event()
        self._not_before = -math.inf  # set by a rate-limit answer
        self._task: asyncio.Task[None] | None = None
        # set by finish(): the pending (or in-flight) state is the last one, and a progress edit waiting for its
        # turn stops waiting
        self._finishing = asyncio.Event()

    @property
    def _final(self) -> bool:
        return self._finishing.is_set()

    @property
    def finished(self) -> bool:
        """True once `finish()` was called or the stream was closed: updates are ignored."""
        return self._final or self._closed

    def update(self, state: T) -> None:
        """Remember `state` as the latest; it is sent when the gates allow. Never blocks; states that
        are superseded before their turn are dropped. Ignored after `finish()` or `aclose()`."""
        if self.finished:
            return
        self._pending = state
        self._kick()

    async def finish(self, state: T) -> None:
        """Send `state` as the last edit: it waits for this message's interval but not for the global budget
        (it books its share, so later progress edits wait instead); it is never dropped, and a rate-limited
        attempt (an error with `retry_after`) is retried after that delay. Returns once it was sent; other
        errors of `send` propagate. Cancelling the caller does not stop it."""
        if self.finished:
            raise EditStreamClosed(f"edit stream {self.key!r} is already finished or closed")
        self._finishing.set()
        self._pending = state
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        # marks the outcome as retrieved even if our caller was cancelled and never looks at it
        done.add_done_callback(lambda fut: fut.cancelled() or fut.exception())
        self._final_sent = done
        self._kick()
        await asyncio.shield(done)

    async def aclose(self) -> None:
        """Stop sending at once, dropping anything pending; a `finish()` still waiting raises
        `EditStreamClosed`. Safe to call twice."""
        self._closed = True
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
            await asyncio.wait({task})  # unlike `await task`, never confuses its end with our cancellation
        if self._final_sent is not None and not self._final_sent.done():
            self._final_sent.set_exception(
                EditStreamClosed(f"edit stream {self.key!r} was closed before its final state was sent"))
        self._scheduler._forget(self)

    # --- background sender ----------------------------------------------------------------------------

    def _kick(self) -> None:
        if self._task is None and not self._closed:
            self._task = asyncio.create_task(self._run(), name=f"edits-{self.key!r}")
        self._wake.set()

    async def _run(self) -> None:
        scheduler = self._scheduler
        final_attempts = 0
        while True:
            await self._wake.wait()
            await self._wait_for_turn()
            self._wake.clear()
            state, final = self._pending, self._final
            self._pending = _NOTHING
            if state is _NOTHING:
                continue
            scheduler._edited(self.key, scheduler._clock())
            try:
                await self._send(state)
            except Exception as error:
                retry_after = _retry_after(error)
                if retry_after is not None:
                    self._not_before = scheduler._clock() + retry_after
                if final:
                    final_attempts += 1
                    if (retry_after is not None and retry_after <= _MAX_FINAL_BACKOFF
                            and final_attempts < scheduler.final_attempts):
                        log.info("final edit of %r rate limited; retrying in %.1fs", self.key, retry_after)
                        self._pending = state
                        self._wake.set()
                        continue
                    self._resolve_final(error)
                    return
                log.warning("progress edit of %r failed: %s", self.key, _describe(error))
                if retry_after is not None and self._pending is _NOTHING:
                    # nothing newer came in: show this state once the rate limit lifts
                    self._pending = state
                    self._wake.set()
                continue
            if final:
                self._resolve_final(None)
                return

    async def _wait_for_turn(self) -> None:
        """Sleep until the per-message interval (and any rate-limit back-off) and, for a progress edit, the
        global bucket allow one edit. A final edit books a token without waiting for it; a progress edit
        waiting for the bucket when `finish()` comes goes at once as the final one."""
        scheduler = self._scheduler
        booked = False
        while True:
            now = scheduler._clock()
            at = scheduler.throttle.next_edit_at(now=now, last_edit=scheduler._last_edit.get(self.key),
                                                 pending=True, final=self._final)
            assert at is not None
            at = max(at, self._not_before)
            if at - now > _EPSILON:
                if self._final:
                    await scheduler._sleep(at - now)
                else:
                    await self._sleep_unless_finished(at - now)  # the final state waits less
                continue
            ready = now if booked else scheduler._bucket.reserve(now)
            booked = True
            if not self._final and ready - now > _EPSILON and not await self._sleep_unless_finished(ready - now):
                continue  # finish() came meanwhile: no more waiting for the bucket
            # another stream of the same message may have edited while we waited for the bucket
            now = scheduler._clock()
            last = scheduler._last_edit.get(self.key)
            if last is None or now - last >= scheduler.throttle.gap(final=self._final) - _EPSILON:
                return

    async def _sleep_unless_finished(self, delay: float) -> bool:
        """Sleep `delay` seconds; False as soon as `finish()` is called instead."""
        sleeper = asyncio.ensure_future(self._scheduler._sleep(delay))
        finishing = asyncio.ensure_future(self._finishing.wait())
        try:
            done, _ = await asyncio.wait({sleeper, finishing}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            sleeper.cancel()
            finishing.cancel()
        return finishing not in done

    def _resolve_final(self, error: BaseException | None) -> None:
        done = self._final_sent
        if done is None or done.done():
            return
        if error is None:
            done.set_result(None)
        else:
            done.set_exception(error)
        self._scheduler._forget(self)


class EditScheduler:
    """Hands out `EditStream`s that share one global budget: at most `global_burst` edits at once and
    `global_rate` per second on average, and at least `min_interval` seconds between two edits of the
    same key (message). A final edit that keeps being rate limited is given up after `final_attempts`."""

    def __init__(self, *, min_interval: float = 1.5, global_rate: float = 10.0, global_burst: int = 10,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
                 final_attempts: int = 5) -> None:
        if min_interval < 0 or final_attempts < 1:
            raise ValueError("min_interval must be >= 0 and final_attempts >= 1")
        self.throttle = EditThrottle(min_interval)
        self.final_attempts = final_attempts
        self._bucket = TokenBucket(rate=global_rate, burst=global_burst)
        self._clock = clock
        self._sleep = sleep
        self._last_edit: dict[Hashable, float] = {}
        self._streams: set[EditStream[Any]] = set()

    def stream(self, key: Hashable, send: Callable[[T], Awaitable[None]]) -> EditStream[T]:
        """A new stream of edits for the message `key`; `send(state)` performs one edit."""
        now = self._clock()
        # records older than the interval no longer gate anything; dropping them bounds memory
        self._last_edit = {k: t for k, t in self._last_edit.items() if now - t < self.throttle.min_interval}
        stream: EditStream[T] = EditStream(self, key, send)
        self._streams.add(stream)
        return stream

    async def aclose(self) -> None:
        """Close every open stream (pending edits are dropped)."""
        for stream in list(self._streams):
            await stream.aclose()

    def _edited(self, key: Hashable, now: float) -> None:
        self._last_edit[key] = now

    def _forget(self, stream: EditStream[Any]) -> None:
        self._streams.discard(stream)
