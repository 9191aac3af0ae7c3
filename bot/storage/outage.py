"""How long the bot waits on its database, and telling the operator once when it stops answering."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from bot.storage.errors import DatabaseUnavailable

log = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_DATABASE_TIMEOUT = 10.0  # seconds (DATABASE_TIMEOUT): one database call, from waiting its turn to the answer


class OutageLog:
    """Turns a failed call into `DatabaseUnavailable` and logs an outage as one WARNING when the first call
    fails (which database, how long it waited, what to check) and one INFO when a call succeeds again; the
    failures in between are DEBUG lines, so a database that is down for minutes does not flood the log."""

    def __init__(self, database: str, timeout: float, *, check: str) -> None:
        self.database = database  # e.g. "PostgreSQL 10.0.0.5:5432/imagine": never a password
        self.timeout = timeout
        self._check = check  # what the operator should look at
        self._failures = 0

    def failed(self, reason: str, *, timed_out: bool = True) -> DatabaseUnavailable:
        """The error to raise for a call that failed for `reason` (after waiting `timeout` when `timed_out`)."""
        error = DatabaseUnavailable(self.database, reason, timeout=self.timeout if timed_out else None)
        self._failures += 1
        if self._failures == 1:
            log.warning("the database %s is not answering: %s (DATABASE_TIMEOUT=%gs); requests that need it are "
                        "refused until it answers; %s", self.database, reason, self.timeout, self._check)
        else:
            log.debug("the database %s is still not answering: %s", self.database, reason)
        return error

    def answered(self) -> None:
        """A call succeeded: the end of an outage, if there was one."""
        if self._failures:
            log.info("the database %s answers again (%d call%s failed meanwhile)", self.database, self._failures,
                     "" if self._failures == 1 else "s")
            self._failures = 0


async def until_answered(call: Callable[[], Awaitable[T]], *, what: str,
                         sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
                         first_delay: float = 1.0, max_delay: float = 30.0) -> T:
    """`call()`, made again (after 1, 2, 4 ... up to `max_delay` seconds) for as long as it raises
    `DatabaseUnavailable`: for a write that must land once the database is back and that nobody waits on
    interactively (the end of a job, what a provider charged). Other errors, and cancellation, end it. `what`
    names the write in the one log line of its first failure."""
    delay = first_delay
    failures = 0
    while True:
        try:
            return await call()
        except DatabaseUnavailable as exc:
            failures += 1
            level = logging.WARNING if failures == 1 else logging.DEBUG
            log.log(level, "%s could not be written (%s); it is tried again until the database answers", what,
                    exc.reason)
        await sleep(delay)
        delay = min(delay * 2, max_delay)
