"""Helpers for the engine tests: work functions the test drives, and an engine on the test's loop clock."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from bot.jobs.engine import Job, JobEngine


class Script:
    """Work functions the test drives: each announces its start on `starts` and then waits until the
    test resolves its gate (with a result or an exception)."""

    def __init__(self) -> None:
        self.starts: asyncio.Queue[int] = asyncio.Queue()
        self._gates: dict[int, asyncio.Future[Any]] = {}
        self.cleaned_up: list[int] = []

    def gate(self, job_id: int) -> asyncio.Future[Any]:
        if job_id not in self._gates:
            self._gates[job_id] = asyncio.get_running_loop().create_future()
        return self._gates[job_id]

    def work(self) -> Callable[[Job[Any]], Awaitable[Any]]:
        async def run(job: Job[Any]) -> Any:
            self.starts.put_nowait(job.id)
            try:
                return await self.gate(job.id)
            finally:
                self.cleaned_up.append(job.id)

        return run

    def succeed(self, job_id: int, result: Any = None) -> None:
        self.gate(job_id).set_result(result)

    def fail(self, job_id: int, error: BaseException) -> None:
        self.gate(job_id).set_exception(error)

    async def started(self, count: int) -> list[int]:
        """The next `count` job ids that started, in start order."""
        return [await self.starts.get() for _ in range(count)]


def make_engine(max_concurrent: int = 1, max_per_user: int = 10, max_queue: int = 100,
                memory_budget: int | None = None) -> JobEngine:
    return JobEngine(max_concurrent=max_concurrent, max_per_user=max_per_user, max_queue=max_queue,
                     memory_budget=memory_budget, clock=asyncio.get_running_loop().time)


async def drain_one_at_a_time(engine: JobEngine, script: Script, running: list[int], total: int) -> list[int]:
    """Finish running jobs one by one (oldest first) and return every job id in the order it started."""
    order = list(running)
    while len(order) < total:
        script.succeed(running.pop(0))
        new = await script.started(1)
        running += new
        order += new
    return order
