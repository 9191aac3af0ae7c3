"""A Discord-independent job engine: a global concurrency cap, a bounded queue, per-owner limits and
fair round-robin scheduling between owners.

A job is a plain object driven by the engine. Its work function receives the `Job` and reports progress
through `job.report(...)`; watchers follow it with `job.changes()` or simply `await job.wait()`.
Everything runs on asyncio tasks of the running loop; there is no module-level state.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections import Counter, deque
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from typing import Any, Generic, TypeVar

from bot.jobs.errors import EngineClosed, JobCancelled, QueueFull, TooManyJobs
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

    def __init__(self, job_id: int, owner: Hashable, work: Work[T], *, created_at: float) -> None:
        self.id = job_id
        self.owner = owner
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


@dataclass(frozen=True, slots=True)
class OwnerLoad:
    """How many jobs one owner has waiting and running."""

    queued: int
    running: int

    @property
    def total(self) -> int:
        """What the per-owner limit counts."""
        return self.queued + self.running


class Admission:
    """A place in the engine held for one job of `owner` (see `JobEngine.admit`). Used up by `submit`;
    `release()` gives it back. Releasing twice is harmless."""

    def __init__(self, engine: JobEngine, owner: Hashable) -> None:
        self._engine: JobEngine | None = engine
        self.owner = owner

    @property
    def held(self) -> bool:
        """True until the place is used by `submit` or given back."""
        return self._engine is not None

    def release(self) -> None:
        if self._engine is not None:
            self._engine._release(self.owner)
            self._engine = None


async def _drive(work: Work[T], job: Job[T]) -> T:
    # calling work inside the task means even a synchronous raise of work() lands in job.error
    return await work(job)


class JobEngine:
    """Runs at most `max_concurrent` jobs at once; each owner may have `max_per_user` jobs queued or
    running; at most `max_queue` jobs wait. When a slot frees, owners with waiting jobs take turns
    (round-robin), each starting its oldest job, so nobody's pile of jobs starves a later single job.
    `clock` stamps `created_at`/`started_at`/`finished_at` (monotonic seconds)."""

    def __init__(self, *, max_concurrent: int, max_per_user: int, max_queue: int,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if max_concurrent < 1 or max_per_user < 1 or max_queue < 0:
            raise ValueError("max_concurrent and max_per_user must be >= 1 and max_queue >= 0")
        self.max_concurrent = max_concurrent
        self.max_per_user = max_per_user
        self.max_queue = max_queue
        self._clock = clock
        self._jobs: dict[int, Job[Any]] = {}  # queued and running jobs by id
        self._queues: dict[Hashable, deque[Job[Any]]] = {}  # owners with waiting jobs → their FIFO
        self._turns: deque[Hashable] = deque()  # owners with waiting jobs, in the order they get a slot
        self._running: dict[int, Job[Any]] = {}
        self._running_by_owner: Counter[Hashable] = Counter()
        self._admitted: Counter[Hashable] = Counter()  # places held by `admit` for jobs not yet submitted
        self._closed = False

    # --- public API ---------------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        """True once `close()` began: cancellations from now on are shutdowns, not user requests."""
        return self._closed

    def admit(self, owner: Hashable) -> Admission:
        """Hold a place for one job of `owner` before the job exists (its record is written, its input
        downloaded), so the limits are checked before anything is stored and two concurrent requests cannot
        both take the last place. Pass it to `submit`, or `release()` it when the job is not started.

        Raises `TooManyJobs` if the owner already has `max_per_user` jobs queued, running or admitted,
        `QueueFull` if the job would have to wait and the queue (admitted jobs included) is full, and
        `EngineClosed` after `close()`."""
        if self._closed:
            raise EngineClosed()
        if self._load(owner).total + self._admitted[owner] >= self.max_per_user:
            raise TooManyJobs(self.max_per_user)
        admitted = sum(self._admitted.values())
        # admitted jobs take the free slots first; only the rest will wait in the queue
        free = 0 if self._turns else max(0, self.max_concurrent - len(self._running))
        must_wait = admitted >= free
        if must_wait and self._queued_count() + admitted - free >= self.max_queue:
            raise QueueFull(self.max_queue)
        self._admitted[owner] += 1
        return Admission(self, owner)

    def _release(self, owner: Hashable) -> None:
        self._admitted[owner] -= 1
        if not self._admitted[owner]:
            del self._admitted[owner]

    def submit(self, job_id: int, owner: Hashable, work: Work[T], *, admission: Admission | None = None) -> Job[T]:
        """Queue `work` as job `job_id` of `owner` and start it at once if a slot is free. With an
        `admission` (from `admit`) the limits were already checked and the place is used up; without one
        they are checked now (raising what `admit` raises). Raises `EngineClosed` after `close()` (the
        admission is given back) and `ValueError` if `job_id` is already queued or running or the admission
        is not a live one of `owner` (then the caller still holds it)."""
        if job_id in self._jobs:
            raise ValueError(f"job {job_id} is already queued or running")
        if admission is None:
            admission = self.admit(owner)
        elif admission.owner != owner or not admission.held:
            raise ValueError("the admission belongs to another owner or was already used")
        admission.release()
        if self._closed:
            raise EngineClosed()

        job: Job[T] = Job(job_id, owner, work, created_at=self._clock())
        self._jobs[job_id] = job
        queue = self._queues.get(owner)
        if queue is None:
            # an owner without waiting jobs joins the end of the rotation
            queue = self._queues[owner] = deque()
            self._turns.append(owner)
        queue.append(job)
        log.debug("job %s: submitted by %r", job_id, owner)
        self._dispatch()
        return job

    def get(self, job_id: int) -> Job[Any] | None:
        """The queued or running job with this id; None once it finished (keep the `Job` to read it)."""
        return self._jobs.get(job_id)

    def cancel(self, job_id: int) -> bool:
        """Cancel a job. A queued job leaves the queue and is CANCELLED at once; a running job's task is
        cancelled and the job becomes CANCELLED when its work ends (if the work swallows the
        cancellation and returns, it counts as SUCCEEDED). False if the job is unknown or finished."""
        job = self._jobs.get(job_id)
        if job is None:
            return False
        if job.state is JobState.QUEUED:
            self._unqueue(job)
            job._end(JobState.CANCELLED, self._clock(), error=JobCancelled(job.id))
            del self._jobs[job.id]
            log.info("job %s: cancelled while queued", job.id)
            self._dispatch()
            return True
        assert job._task is not None
        log.info("job %s: cancelling the running work", job.id)
        # False when the work already ended and only the bookkeeping callback is still to run
        return job._task.cancel()

    async def close(self) -> None:
        """Refuse new jobs, cancel every queued and running job (`JobCancelled(by_shutdown=True)`) and
        wait until all work tasks have ended. Safe to call twice."""
        self._closed = True
        for job in self._planned_order():
            self._unqueue(job)
            job._end(JobState.CANCELLED, self._clock(), error=JobCancelled(job.id, by_shutdown=True))
            del self._jobs[job.id]
        running = list(self._running.values())
        for job in running:
            job._cancel_by_shutdown = True
            if job._task is not None:
                job._task.cancel()
        # the done callback does the bookkeeping; waiting for it (not the task) means it has run
        await asyncio.gather(*(job._finished.wait() for job in running))

    # --- scheduling ---------------------------------------------------------------------------------

    def _load(self, owner: Hashable) -> OwnerLoad:
        queue = self._queues.get(owner)
        return OwnerLoad(queued=len(queue) if queue else 0, running=self._running_by_owner[owner])

    def _queued_count(self) -> int:
        return sum(len(queue) for queue in self._queues.values())

    def _unqueue(self, job: Job[Any]) -> None:
        queue = self._queues[job.owner]
        queue.remove(job)
        if not queue:
            del self._queues[job.owner]
            self._turns.remove(job.owner)

    def _planned_order(self) -> list[Job[Any]]:
        # replays exactly what _dispatch does, so positions are the real start order
        pending = {owner: deque(queue) for owner, queue in self._queues.items()}
        turns = deque(self._turns)
        order: list[Job[Any]] = []
        while turns:
            owner = turns.popleft()
            queue = pending[owner]
            order.append(queue.popleft())
            if queue:
                turns.append(owner)
        return order

    def _dispatch(self) -> None:
        """Start waiting jobs while slots are free, then tell every waiting job its new position."""
        while not self._closed and self._turns and len(self._running) < self.max_concurrent:
            owner = self._turns.popleft()
            queue = self._queues[owner]
            job = queue.popleft()
            if queue:
                self._turns.append(owner)  # the owner's next job waits for its next turn
            else:
                del self._queues[owner]
            self._start(job)
        self._update_positions()

    def _update_positions(self) -> None:
        for place, job in enumerate(self._planned_order(), start=1):
            if job.progress.queue_position != place:
                job.report(queue_position=place)

    def _start(self, job: Job[Any]) -> None:
        work = job._work
        assert work is not None
        self._running[job.id] = job
        self._running_by_owner[job.owner] += 1
        job._set_running(self._clock())
        task = asyncio.create_task(_drive(work, job), name=f"job-{job.id}")
        job._task = task
        task.add_done_callback(partial(self._on_task_done, job))
        log.info("job %s: started (%d running)", job.id, len(self._running))

    def _on_task_done(self, job: Job[Any], task: asyncio.Task[Any]) -> None:
        del self._running[job.id]
        self._running_by_owner[job.owner] -= 1
        if not self._running_by_owner[job.owner]:
            del self._running_by_owner[job.owner]
        now = self._clock()
        if task.cancelled():
            job._end(JobState.CANCELLED, now, error=JobCancelled(job.id, by_shutdown=job._cancel_by_shutdown))
            log.info("job %s: cancelled", job.id)
        else:
            # retrieving the exception here is what keeps asyncio from logging it as never retrieved
            error = task.exception()
            if error is None:
                job._end(JobState.SUCCEEDED, now, result=task.result())
                log.info("job %s: succeeded", job.id)
            elif isinstance(error, JobCancelled):
                job._end(JobState.CANCELLED, now, error=error)
                log.info("job %s: cancelled by its work", job.id)
            else:
                job._end(JobState.FAILED, now, error=error)
                log.info("job %s: failed with %s", job.id, type(error).__name__)
                log.debug("job %s: failure details", job.id, exc_info=error)
        del self._jobs[job.id]
        self._dispatch()
