"""JobOwnership: several bot processes on one database — the bot-wide running cap, the start-up recovery that
spares a live sibling, and taking over the jobs of a sibling that stopped. Real stores, both backends."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

import pytest

from bot.jobs.ownership import JobGone, JobOwnership
from bot.records.job import JobStatus
from bot.storage import Store, open_store
from tests.bot.jobs.real_loop import on_a_real_loop
from tests.bot.storage.factories import HANDLE, TOKEN, age_heartbeats, spec


class Clock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def with_store(test: Callable[[Store], Coroutine[Any, Any, None]]) -> Callable[[str], None]:
    """Run the test on a real event loop (the database driver's timeouts need real time) with a fresh store of
    each backend."""

    async def run(database_url: str) -> None:
        async with await open_store(database_url) as store:
            await test(store)

    run.__name__, run.__doc__ = test.__name__, test.__doc__  # not functools.wraps: pytest must see database_url
    return on_a_real_loop(run)


async def _job(store: Store, owner: str, *, at: float, user: int = 1001) -> int:
    record = await store.jobs.create(spec(requester_id=user, prompt=f"by {owner}"), created_at=at, handle=HANDLE,
                                     owner=owner)
    return record.id


async def _status(store: Store, job_id: int) -> JobStatus:
    record = await store.jobs.get(job_id)
    assert record is not None
    return record.status


@with_store
async def test_a_restart_reports_its_own_jobs_but_not_a_live_siblings(store: Store) -> None:
    clock = Clock(1000.0)
    a = JobOwnership(store.jobs, instance="bot-a", max_running=None, clock=clock)
    b = JobOwnership(store.jobs, instance="bot-b", max_running=None, clock=clock)
    mine = await _job(store, "bot-a", at=980.0)
    theirs = await _job(store, "bot-b", at=980.0)
    await b.beat()  # bot-b is alive

    recovered = await a.recover()

    assert [(r.id, r.handle.interaction_token) for r in recovered] == [(mine, TOKEN)]
    assert await _status(store, theirs) is JobStatus.QUEUED


@with_store
async def test_a_sibling_that_stops_beating_has_its_jobs_taken_over_and_returned_once(store: Store) -> None:
    clock = Clock(1000.0)
    a = JobOwnership(store.jobs, instance="bot-a", max_running=None, clock=clock, stale_after=60.0)
    b = JobOwnership(store.jobs, instance="bot-b", max_running=None, clock=clock, stale_after=60.0)
    theirs = await _job(store, "bot-b", at=1000.0)
    mine = await _job(store, "bot-a", at=1000.0)

    await age_heartbeats(store, 50.0)  # 50 s since anyone beat: everyone is still alive
    assert await a.beat() == []
    await age_heartbeats(store, 50.0, owner="bot-b")  # bot-b never beat again; bot-a kept beating
    taken = await a.beat()

    assert [r.id for r in taken] == [theirs]
    assert await _status(store, theirs) is JobStatus.INTERRUPTED
    assert await _status(store, mine) is JobStatus.QUEUED
    assert await a.beat() == []  # reported once
    assert await b.beat() == []  # a sibling coming back finds nothing of its own left to take


@with_store
async def test_a_job_waits_for_a_bot_wide_slot_and_starts_when_one_frees(store: Store) -> None:
    a = JobOwnership(store.jobs, instance="bot-a", max_running=1, retry=3600)
    b = JobOwnership(store.jobs, instance="bot-b", max_running=1, retry=3600)
    first = await _job(store, "bot-b", at=1000.0, user=1)
    second = await _job(store, "bot-a", at=1001.0, user=2)
    await b.start(first)
    told = asyncio.Event()

    waiting = asyncio.create_task(a.start(second, waiting=told.set))
    await told.wait()  # every slot is taken (by the other process): the job is shown as queued
    assert await _status(store, second) is JobStatus.QUEUED

    await store.jobs.finish(first, status=JobStatus.SUCCEEDED, finished_at=1010.0)
    a.ended()  # in one process this wakes the waiter at once; across processes the retry interval does
    await waiting

    assert await _status(store, second) is JobStatus.RUNNING


@with_store
async def test_a_job_no_longer_queued_is_not_started(store: Store) -> None:
    ownership = JobOwnership(store.jobs, instance="bot-a", max_running=4)
    job = await _job(store, "bot-a", at=1000.0)
    await store.jobs.finish(job, status=JobStatus.INTERRUPTED, finished_at=1001.0)

    with pytest.raises(JobGone):
        await ownership.start(job)
    assert await _status(store, job) is JobStatus.INTERRUPTED
