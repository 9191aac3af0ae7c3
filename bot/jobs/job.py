"""A job as its watchers see it: a plain object driven by `JobEngine` (`bot.jobs.engine`).

Its work function receives the `Job` and reports progress through `job.report(...)`; watchers follow it with
`job.changes()` or simply `await job.wait()`. Only the engine changes its state.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable
from enum import StrEnum
from typing import Any, Generic, TypeVar

from bot.jobs.progress import Phase, Progress

log = logging.getLogger(__name__)

T = TypeVar("T")

Work = Callable[["Job[T]"], Awaitable[T]]


class JobState(StrEnum):
    """Life cycle of a job: QUEUED → RUNNING → one of the three terminal states (or QUEUED → CANCELLED)."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


_TERMINAL = frozenset({JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED})
_PHASE_OF_END = {
    JobState.SUCCEEDED: Phase.DONE,
    JobState.FAILED: Phase.FAILED,
    JobState.CANCELLED: Phase.CANCELLED,
}


class Job(Generic[T]):
    """One unit of work owned by someone. Created by `JobEngine.submit`; read its fields, follow it with
    `changes()`, await it with `wait()`. Only the engine changes `state`; the work changes `progress`
    through `report()`. `version` grows by one on every change, so watchers can tell what they saw."""

    def __init__(self, job_id: int, owner: Hashable, work: Work[T], *, created_at: float, weight: int = 0) -> None:
        self.id = job_id
        self.owner = owner
        self.weight = weight  # bytes of memory the job may hold at once while it runs (see `JobEngine`)
        self.state = JobState.QUEUED
        self.progress = Progress()
        self.result: T | None = None
        self.error: BaseException | None = None
        self.created_at: float | None = created_at
        self.started_at: float | None = None
        self.finished_at: float | None = None
        self.version = 0
        self._work: Work[T] | None = work
        self._task: asyncio.Task[T] | None = None
        self._cancel_by_shutdown = False
        self._finished = asyncio.Event()
        self._waiters: list[asyncio.Future[None]] = []

    def __repr__(self) -> str:
        return f"<Job id={self.id} owner={self.owner!r} state={self.state.value} version={self.version}>"

    @property
    def done(self) -> bool:
        """True once the job reached SUCCEEDED, FAILED or CANCELLED; nothing changes after that."""
        return self.state in _TERMINAL

    def report(self, **changes: Any) -> None:
        """Update `progress` (fields of `Progress`, e.g. `phase=Phase.RECEIVING, bytes_received=n`) and
        wake watchers. Ignored once the job is done, so late reports of cancelled work are harmless."""
        if self.done:
            log.debug("job %s: ignoring a report after it ended", self.id)
            return
        new = dataclasses.replace(self.progress, **changes)
        if new == self.progress:
            return
        self.progress = new
        self._bump()

    async def wait(self) -> T:
        """The work's result; raises the work's exception if it failed, `JobCancelled` if cancelled."""
        await self._finished.wait()
        if self.state is JobState.SUCCEEDED:
            return self.result  # type: ignore[return-value]
        assert self.error is not None
        raise self.error

    async def changes(self) -> AsyncIterator[Job[T]]:
        """Yield this job now and then whenever it changed since the last yield; end after a terminal
        state was yielded. Coalescing: a consumer slower than the changes sees only the latest one."""
        seen = -1
        while True:
            if self.version != seen:
                seen = self.version
                yield self
            elif self.done:
                return
            else:
                await self._next_change()

    # --- engine side ----------------------------------------------------------------------------------

    async def _next_change(self) -> None:
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await waiter
        finally:
            if waiter in self._waiters:  # our consumer went away before the change
                self._waiters.remove(waiter)

    def _bump(self) -> None:
        self.version += 1
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    def _set_running(self, now: float) -> None:
        self.state = JobState.RUNNING
        self.started_at = now
        self.progress = dataclasses.replace(self.progress, phase=Phase.WAITING, queue_position=None,
                                            started_at=now)
        self._bump()

    def _end(self, state: JobState, now: float, *, result: T | None = None,
             error: BaseException | None = None) -> None:
        self.state = state
        self.result = result
        self.error = error
        self.finished_at = now
        self.progress = dataclasses.replace(self.progress, phase=_PHASE_OF_END[state], queue_position=None)
        self._work = None
        self._task = None
        self._bump()
        self._finished.set()
