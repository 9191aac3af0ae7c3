"""Holding requests back: `emu/hold` parks a request until the test releases it (all at once or one by
one), `emu/stall` until the client hangs up; closing the emulator ends every parked response.

Mixed into `OpenRouteEmulator`, whose `__init__` holds the state (`_released`, `_parked`, `_permits`, ...).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import NoReturn


class ShuttingDown(Exception):
    """The emulator is closing: a parked (held or stalled) response must end now."""


class Holds:
    """`release`, `release_one`, `held_total`, `holding`, `wait_held` and the parking itself."""

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
                    raise ShuttingDown
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
        raise ShuttingDown
