"""A Discord-independent job engine: a global concurrency cap, a memory budget, a bounded queue, per-owner
limits and fair round-robin scheduling between owners.

A job (`bot.jobs.job.Job`, re-exported here) is a plain object driven by the engine. Everything runs on
asyncio tasks of the running loop; there is no module-level state.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter, deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from bot.jobs.errors import EngineClosed, JobCancelled, QueueFull, TooManyJobs
from bot.jobs.job import Job, JobState, Work

__all__ = ["Admission", "Job", "JobEngine", "JobState", "OwnerLoad", "Work"]

log = logging.getLogger(__name__)

T = TypeVar("T")


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
    """A place in the engine held for one job of `owner` weighing `weight` bytes (see `JobEngine.admit`).
    Used up by `submit`; `release()` gives it back. Releasing twice is harmless."""

    def __init__(self, engine: JobEngine, owner: Hashable, weight: int = 0, *, waits: bool = False) -> None:
        self._engine: JobEngine | None = engine
        self.owner = owner
        self.weight = weight
        self.waits = waits  # it was expected to wait in the queue when it was admitted

    @property
    def held(self) -> bool:
        """True until the place is used by `submit` or given back."""
        return self._engine is not None

    def release(self) -> None:
        if self._engine is not None:
            self._engine._release(self)
            self._engine = None


async def _drive(work: Work[T], job: Job[T]) -> T:
    # calling work inside the task means even a synchronous raise of work() lands in job.error
    return await work(job)


class JobEngine:
    """Runs at most `max_concurrent` jobs at once; each owner may have `max_per_user` jobs queued or
    running; at most `max_queue` jobs wait. When a slot frees, owners with waiting jobs take turns
    (round-robin), each starting its oldest job, so nobody's pile of jobs starves a later single job.

    Memory: every job has a `weight`, the bytes it may hold at once while it runs (for image jobs,
    `bot.jobs.memory.job_weight`). With a `memory_budget` the next job in turn starts only when the running
    jobs' weights plus its own fit the budget; until then it and every job behind it wait (so a heavy job
    is never overtaken forever, and queue positions stay the real start order). A job heavier than the
    whole budget starts once nothing else runs, and then runs alone. Without a budget weights are ignored.
    `clock` stamps `created_at`/`started_at`/`finished_at` (monotonic seconds)."""

    def __init__(self, *, max_concurrent: int, max_per_user: int, max_queue: int, memory_budget: int | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if max_concurrent < 1 or max_per_user < 1 or max_queue < 0:
            raise ValueError("max_concurrent and max_per_user must be >= 1 and max_queue >= 0")
        if memory_budget is not None and memory_budget < 1:
            raise ValueError("memory_budget must be positive (or None for no budget)")
        self.max_concurrent = max_concurrent
        self.max_per_user = max_per_user
        self.max_queue = max_queue
        self.memory_budget = memory_budget
        self._clock = clock
        self._jobs: dict[int, Job[Any]] = {}  # queued and running jobs by id
        self._queues: dict[Hashable, deque[Job[Any]]] = {}  # owners with waiting jobs → their FIFO
        self._turns: deque[Hashable] = deque()  # owners with waiting jobs, in the order they get a slot
        self._running: dict[int, Job[Any]] = {}
        self._running_by_owner: Counter[Hashable] = Counter()
        self._admitted: Counter[Hashable] = Counter()  # places held by `admit` for jobs not yet submitted
        self._admitted_weight = 0
        self._admitted_waiting = 0  # admissions expected to wait in the queue
        self._running_weight = 0
        self._blocked_on_memory: int | None = None  # the job id last logged as waiting for memory
        self._closed = False

    # --- public API ---------------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        """True once `close()` began: cancellations from now on are shutdowns, not user requests."""
        return self._closed

    @property
    def memory_in_use(self) -> int:
        """The summed weights of the running jobs (bytes)."""
        return self._running_weight

    @property
    def running_count(self) -> int:
        """How many jobs run now."""
        return len(self._running)

    @property
    def queued_count(self) -> int:
        """How many jobs wait for a slot or for memory now."""
        return self._queued_count()

    def admit(self, owner: Hashable, *, weight: int = 0) -> Admission:
        """Hold a place for one job of `owner` weighing `weight` bytes before the job exists (its record is
        written, its input downloaded), so the limits are checked before anything is stored and two
        concurrent requests cannot both take the last place. Pass it to `submit`, or `release()` it when the
        job is not started.

        Raises `TooManyJobs` if the owner already has `max_per_user` jobs queued, running or admitted,
        `QueueFull` if the job would have to wait (for a slot or for memory) and the queue (admitted jobs
        included) is full, `EngineClosed` after `close()` and `ValueError` for a negative weight."""
        if weight < 0:
            raise ValueError("a job's weight cannot be negative")
        if self._closed:
            raise EngineClosed()
        if self._load(owner).total + self._admitted[owner] >= self.max_per_user:
            raise TooManyJobs(self.max_per_user)
        admitted = sum(self._admitted.values())
        # admitted jobs take the free slots (and the free memory) first; only the rest will wait in the queue
        free = 0 if self._turns else max(0, self.max_concurrent - len(self._running))
        must_wait = admitted >= free or not self._fits(weight, busy=admitted + len(self._running),
                                                        in_use=self._running_weight + self._admitted_weight)
        ahead = self._queued_count() + max(admitted - free, self._admitted_waiting)
        if must_wait and ahead >= self.max_queue:
            raise QueueFull(self.max_queue)
        self._admitted[owner] += 1
        self._admitted_weight += weight
        self._admitted_waiting += must_wait
        return Admission(self, owner, weight, waits=must_wait)

    def _release(self, admission: Admission) -> None:
        owner = admission.owner
        self._admitted[owner] -= 1
        if not self._admitted[owner]:
            del self._admitted[owner]
        self._admitted_weight -= admission.weight
        self._admitted_waiting -= admission.waits

    def submit(self, job_id: int, owner: Hashable, work: Work[T], *, admission: Admission | None = None,
               weight: int | None = None) -> Job[T]:
        """Queue `work` as job `job_id` of `owner` and start it at once if a slot and the memory are free.
        With an `admission` (from `admit`) the limits were already checked and the place is used up; without
        one they are checked now (raising what `admit` raises). The job weighs `weight` bytes; None means
        the admission's weight (0 without an admission), and a weight given with an admission replaces the
        admitted one (what was learnt since, e.g. the real size of a downloaded input image). Raises
        `EngineClosed` after `close()` (the admission is given back) and `ValueError` if `job_id` is already
        queued or running, the weight is negative, or the admission is not a live one of `owner` (then the
        caller still holds it)."""
        if job_id in self._jobs:
            raise ValueError(f"job {job_id} is already queued or running")
        if weight is not None and weight < 0:
            raise ValueError("a job's weight cannot be negative")
        if admission is None:
            admission = self.admit(owner, weight=weight or 0)
        elif admission.owner != owner or not admission.held:
            raise ValueError("the admission belongs to another owner or was already used")
        admission.release()
        if self._closed:
            raise EngineClosed()

        job: Job[T] = Job(job_id, owner, work, created_at=self._clock(),
                          weight=admission.weight if weight is None else weight)
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

    def _fits(self, weight: int, *, busy: int, in_use: int) -> bool:
        """Whether a job of `weight` may start next to `busy` other jobs holding `in_use` bytes: always when
        there is no budget or nothing else runs (an oversize job runs alone rather than never)."""
        return self.memory_budget is None or busy == 0 or in_use + weight <= self.memory_budget

    def _dispatch(self) -> None:
        """Start waiting jobs while slots and memory are free, then tell every waiting job its new position."""
        while not self._closed and self._turns and len(self._running) < self.max_concurrent:
            owner = self._turns[0]
            queue = self._queues[owner]
            if not self._fits(queue[0].weight, busy=len(self._running), in_use=self._running_weight):
                self._log_memory_wait(queue[0])
                break  # the next job in turn waits for memory, and everyone behind it too: no overtaking
            self._turns.popleft()
            job = queue.popleft()
            if queue:
                self._turns.append(owner)  # the owner's next job waits for its next turn
            else:
                del self._queues[owner]
            self._start(job)
        self._update_positions()

    def _log_memory_wait(self, job: Job[Any]) -> None:
        if self._blocked_on_memory != job.id:
            self._blocked_on_memory = job.id
            log.info("job %s: waits for image memory (needs %d MiB; %d of %d MiB in use by %d running jobs)",
                     job.id, job.weight >> 20, self._running_weight >> 20, (self.memory_budget or 0) >> 20,
                     len(self._running))

    def _update_positions(self) -> None:
        for place, job in enumerate(self._planned_order(), start=1):
            if job.progress.queue_position != place:
                job.report(queue_position=place)

    def _start(self, job: Job[Any]) -> None:
        work = job._work
        assert work is not None
        self._running[job.id] = job
        self._running_by_owner[job.owner] += 1
        self._running_weight += job.weight
        job._set_running(self._clock())
        task = asyncio.create_task(_drive(work, job), name=f"job-{job.id}")
        job._task = task
        task.add_done_callback(partial(self._on_task_done, job))
        log.info("job %s: started (%d running, %d MiB of image memory in use)", job.id, len(self._running),
                 self._running_weight >> 20)

    def _on_task_done(self, job: Job[Any], task: asyncio.Task[Any]) -> None:
        del self._running[job.id]
        self._running_weight -= job.weight
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
