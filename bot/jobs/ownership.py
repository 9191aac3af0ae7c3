"""Which process runs which job, when several bot processes share one database.

Every job is recorded with the name of the process that accepted it (`INSTANCE_NAME`) and a heartbeat that
its owner renews while it runs, written and judged by the database's clock (the hosts' clocks may differ). A process
starts a job only when the database says a slot is free across every process (`MAX_CONCURRENT_JOBS` is a bot-wide cap,
not a per-process one). At start-up a process reports as interrupted only what it left behind itself, and while it runs
it reports the jobs of a sibling that stopped beating — never the jobs of a live sibling.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from bot.records.job import JobRecord
from bot.storage import JobRepository

log = logging.getLogger(__name__)

HEARTBEAT_INTERVAL = 10.0  # seconds between two heartbeats of a process's unfinished jobs
STALE_AFTER = 60.0  # a job whose owner has not beaten for this long is the job of a stopped process
CLAIM_RETRY = 1.0  # seconds between two tries for a bot-wide slot while every slot is taken


class JobGone(Exception):
    """The job is no longer queued in the database (another process reported it interrupted)."""

    def __init__(self, job_id: int) -> None:
        super().__init__(f"job {job_id} is no longer queued")
        self.job_id = job_id


class JobOwnership:
    """This process's side of sharing jobs with its siblings through the database."""

    def __init__(self, jobs: JobRepository, *, instance: str, max_running: int | None,
                 clock: Callable[[], float] = time.time, stale_after: float = STALE_AFTER,
                 retry: float = CLAIM_RETRY) -> None:
        self._jobs = jobs
        self.instance = instance
        self._max_running = max_running
        self._clock = clock
        self._stale_after = stale_after
        self._retry = retry
        self._slot_freed = asyncio.Event()

    async def recover(self) -> list[JobRecord]:
        """At start-up: mark interrupted (and return, oldest first) the unfinished jobs this instance left
        behind, the ones recorded before jobs had owners, and those of any process that stopped beating."""
        return await self._jobs.interrupt_unfinished(now=self._clock(), owner=self.instance,
                                                     stale_after=self._stale_after)

    async def beat(self) -> list[JobRecord]:
        """Renew this instance's heartbeat, then take over what stopped processes left: their unfinished
        jobs are marked interrupted and returned, so their requesters can be told."""
        await self._jobs.heartbeat(self.instance)
        reaped = await self._jobs.interrupt_unfinished(now=self._clock(), stale_after=self._stale_after)
        if reaped:
            owners = sorted({record.owner or "?" for record in reaped})
            log.warning("%d job(s) of stopped instance(s) %s marked interrupted: %s", len(reaped),
                        ", ".join(owners), [record.id for record in reaped])
        return reaped

    async def start(self, job_id: int, *, waiting: Callable[[], None] | None = None) -> None:
        """Mark the job RUNNING once a bot-wide slot is free, trying again every few seconds (and whenever
        a job of this process ends) while every slot is taken; `waiting` is called once if it has to wait.
        Raises `JobGone` when the job is no longer queued."""
        told = False
        while True:
            now = self._clock()
            self._slot_freed.clear()
            started = await self._jobs.claim_running(job_id, started_at=now, max_running=self._max_running,
                                                     stale_after=self._stale_after)
            if started:
                return
            if started is None:
                raise JobGone(job_id)
            if not told:
                told = True
                log.info("job %d waits for a free slot: %s jobs are running across the bot", job_id,
                         self._max_running)
                if waiting is not None:
                    waiting()
            try:
                async with asyncio.timeout(self._retry):
                    await self._slot_freed.wait()
            except TimeoutError:
                pass

    def ended(self) -> None:
        """A job of this process ended: a waiting one may take its slot now."""
        self._slot_freed.set()
