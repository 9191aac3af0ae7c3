"""A clock the tests can move forward: real (monotonic) time plus an offset."""

from __future__ import annotations

import time


class FakeClock:
    """Unix time that runs like the real clock but can be advanced by tests.

    It is monotonic (built on `time.monotonic`) so a wall-clock jump on the machine never moves it
    backwards; `advance` adds to an offset, so deadlines measured with it (the 3 s acknowledgement
    window, the 15 min token lifetime, rate-limit windows) can be crossed without sleeping.
    """

    def __init__(self, start: float | None = None) -> None:
        self._wall_start = time.time() if start is None else start
        self._mono_start = time.monotonic()
        self._offset = 0.0

    def now(self) -> float:
        """Current fake unix time in seconds."""
        return self._wall_start + (time.monotonic() - self._mono_start) + self._offset

    def advance(self, seconds: float) -> None:
        """Move the clock forward by `seconds` (never backwards)."""
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        self._offset += seconds

    @property
    def offset(self) -> float:
        """Total seconds added by `advance` so far."""
        return self._offset
