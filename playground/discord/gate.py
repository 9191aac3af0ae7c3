"""Holding requests: a test makes Discord slow at one precise point (an upload, the gateway lookup, a CDN file)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from .model import RecordedRequest


class RequestGate:
    """Holds every request `match` accepts before the fake handles it, until `release()` (a latch: later
    matching requests pass at once). `held` lists the requests it held, in arrival order.

    A held request whose client hung up meanwhile is never handled, as if it never fully arrived."""

    def __init__(self, match: Callable[[RecordedRequest], bool]) -> None:
        self.match = match
        self.held: list[RecordedRequest] = []
        self._open = asyncio.Event()

    @property
    def released(self) -> bool:
        """Whether `release()` was called."""
        return self._open.is_set()

    def release(self) -> None:
        """Let every held request (and every later one) through."""
        self._open.set()

    async def wait(self) -> None:
        """Until `release()`."""
        await self._open.wait()
