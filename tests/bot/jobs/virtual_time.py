"""An asyncio event loop on virtual time, so tests can check exact schedules without waiting.

`loop.time()` is a virtual clock. Whenever every task is blocked and the loop would sleep until its next
timer, the clock jumps straight to that timer instead. Time therefore only passes while everything is
idle, exactly as it would on a real loop, but in no real time. If every task is blocked and no timer is
scheduled at all, the test is deadlocked: the loop raises instead of hanging.
"""

from __future__ import annotations

import asyncio
import selectors

# A thread may still wake the loop (call_soon_threadsafe) after this many real seconds of nothing.
_DEADLOCK_GRACE = 5.0


class _VirtualSelector(selectors.BaseSelector):
    """Delegates registration to a real selector (the loop's self-pipe lives there) but turns
    a wait for the next timer into a jump of the virtual clock."""

    def __init__(self, loop: VirtualTimeLoop) -> None:
        self._real = selectors.DefaultSelector()
        self._loop = loop

    def register(self, fileobj, events, data=None):  # type: ignore[no-untyped-def]
        return self._real.register(fileobj, events, data)

    def unregister(self, fileobj):  # type: ignore[no-untyped-def]
        return self._real.unregister(fileobj)

    def modify(self, fileobj, events, data=None):  # type: ignore[no-untyped-def]
        return self._real.modify(fileobj, events, data)

    def get_map(self):  # type: ignore[no-untyped-def]
        return self._real.get_map()

    def close(self) -> None:
        self._real.close()

    def select(self, timeout=None):  # type: ignore[no-untyped-def]
        events = self._real.select(0)
        if events:
            return events
        if timeout is None:
            events = self._real.select(_DEADLOCK_GRACE)
            if not events:
                raise RuntimeError("virtual-time loop: every task waits and no timer is scheduled (deadlock)")
            return events
        if timeout > 0:
            self._loop.advance(timeout)
        return events


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    """A selector event loop whose `time()` is virtual (starts at 0.0)."""

    def __init__(self) -> None:
        self._virtual_now = 0.0
        super().__init__(selector=_VirtualSelector(self))

    def time(self) -> float:
        return self._virtual_now

    def advance(self, seconds: float) -> None:
        """Move the virtual clock forward (the loop does this by itself when idle)."""
        self._virtual_now += seconds
