"""Several bot instances on one database: each job's owner and heartbeat, which jobs a start-up interrupts, and
the running-jobs cap of `claim_running`."""

from __future__ import annotations

import asyncio

import pytest

from bot.records.job import JobRecord, JobStatus
from bot.storage import SqlStore
from tests.bot.storage.conftest import scalar
from tests.bot.storage.factories import HANDLE, TOKEN, age_heartbeats, database_now, spec

ME, SIBLING = "bot-a", "bot-b"


async def _job(store: SqlStore, *, owner: str | None, at: float = 100.0, prompt: str = "p") -> JobRecord:
    return await store.jobs.create(spec(prompt=prompt), created_at=at, handle=HANDLE, owner=owner)


async def _heartbeat_at(store: SqlStore, job_id: int) -> object:
    return await scalar(store, "SELECT heartbeat_at FROM jobs WHERE id = ?", (job_id,))


async def _status(store: SqlStore, job_id: int) -> JobStatus:
    record = await store.jobs.get(job_id)
    assert record is not None
    return record.status


async def test_a_job_remembers_its_owner_and_its_heartbeat_starts_by_the_databases_clock(store: SqlStore) -> None:
    before = await database_now(store)
    created = await _job(store, owner=ME, at=123.5)  # the host's clock may be far off: it is not used
    after = await database_now(store)
    ownerless = await _job(store, owner=None)

    assert created.owner == ME
    assert (await store.jobs.get(created.id)) == created
    assert before <= await _heartbeat_at(store, created.id) <= after
    assert ownerless.owner is None


async def test_a_host_whose_clock_is_wrong_never_has_its_live_jobs_taken_over(store: SqlStore) -> None:
    # the host that created the job thinks it is 1970; its sibling judges by the database's clock
    live = await _job(store, owner=SIBLING, at=100.0)
    await store.jobs.claim_running(live.id, started_at=101.0, max_running=None)

    assert await store.jobs.interrupt_unfinished(now=1e10, stale_after=60.0) == []
    assert await store.jobs.claim_running((await _job(store, owner=ME)).id, started_at=1e10, max_running=1,
                                          stale_after=60.0) is False  # its running job holds the cap
    assert await _status(store, live.id) is JobStatus.RUNNING


async def test_a_heartbeat_renews_only_the_owners_unfinished_jobs(store: SqlStore) -> None:
    queued = await _job(store, owner=ME)
    running = await _job(store, owner=ME)
    done = await _job(store, owner=ME)
    theirs = await _job(store, owner=SIBLING)
    await store.jobs.claim_running(running.id, started_at=110.0, max_running=None)
    await store.jobs.finish(done.id, status=JobStatus.SUCCEEDED, finished_at=120.0)
    await age_heartbeats(store, 500.0)
    old = [await _heartbeat_at(store, job.id) for job in (done, theirs)]
    before = await database_now(store)

    renewed = await store.jobs.heartbeat(ME)

    assert renewed == 2
    assert [await _heartbeat_at(store, job.id) >= before for job in (queued, running)] == [True, True]
    assert [await _heartbeat_at(store, job.id) for job in (done, theirs)] == old
    assert await store.jobs.heartbeat("nobody") == 0


async def test_a_start_up_interrupts_its_own_and_ownerless_jobs_but_never_a_live_siblings(store: SqlStore) -> None:
    mine = await _job(store, owner=ME, at=10.0)
    ownerless = await _job(store, owner=None, at=20.0)
    live = await _job(store, owner=SIBLING, at=30.0)

    interrupted = await store.jobs.interrupt_unfinished(now=1001.0, owner=ME, stale_after=60.0)

    assert [job.id for job in interrupted] == [mine.id, ownerless.id]
    assert all(job.handle.interaction_token == TOKEN for job in interrupted)
    assert await _status(store, live.id) is JobStatus.QUEUED


async def test_a_sibling_whose_heartbeat_stopped_has_its_jobs_taken_over(store: SqlStore) -> None:
    dead = await _job(store, owner=SIBLING, at=30.0)
    await store.jobs.claim_running(dead.id, started_at=40.0, max_running=None)
    await age_heartbeats(store, 120.0, owner=SIBLING)

    spared = await store.jobs.interrupt_unfinished(now=1000.0, owner=ME)  # no staleness given: not ours to touch
    taken = await store.jobs.interrupt_unfinished(now=1000.0, owner=ME, stale_after=60.0)

    assert spared == []
    assert [(job.id, job.status, job.handle.interaction_token) for job in taken] == [
        (dead.id, JobStatus.INTERRUPTED, TOKEN)]
    assert await scalar(store, "SELECT interaction_token FROM jobs WHERE id = ?", (dead.id,)) is None


async def test_while_running_only_the_jobs_of_a_stopped_sibling_are_taken_over(store: SqlStore) -> None:
    mine = await _job(store, owner=ME, at=10.0)
    live = await _job(store, owner=SIBLING, at=20.0)
    dead = await _job(store, owner="bot-c", at=30.0)
    await age_heartbeats(store, 10.0, owner=SIBLING)
    await age_heartbeats(store, 120.0, owner="bot-c")

    taken = await store.jobs.interrupt_unfinished(now=1001.0, stale_after=60.0)

    assert [job.id for job in taken] == [dead.id]
    assert [await _status(store, job.id) for job in (mine, live)] == [JobStatus.QUEUED, JobStatus.QUEUED]


async def test_without_an_owner_a_start_up_interrupts_every_unfinished_job(store: SqlStore) -> None:
    jobs = [await _job(store, owner=owner, at=at) for owner, at in ((ME, 1.0), (SIBLING, 2.0), (None, 3.0))]

    interrupted = await store.jobs.interrupt_unfinished(now=1001.0)

    assert [job.id for job in interrupted] == [job.id for job in jobs]


async def test_claiming_starts_jobs_until_the_cap_then_leaves_the_rest_queued(store: SqlStore) -> None:
    jobs = [await _job(store, owner=ME, prompt=f"p{n}") for n in range(3)]
    before = await database_now(store)

    claims = [await store.jobs.claim_running(job.id, started_at=200.0, max_running=2) for job in jobs]

    assert claims == [True, True, False]
    started = await store.jobs.get(jobs[0].id)
    assert started is not None
    assert (started.status, started.started_at) == (JobStatus.RUNNING, 200.0)
    assert await _heartbeat_at(store, jobs[0].id) >= before
    assert await _status(store, jobs[2].id) is JobStatus.QUEUED

    await store.jobs.finish(jobs[0].id, status=JobStatus.SUCCEEDED, finished_at=300.0)
    assert await store.jobs.claim_running(jobs[2].id, started_at=301.0, max_running=2) is True


async def test_running_jobs_of_a_stopped_owner_do_not_hold_the_cap(store: SqlStore) -> None:
    stuck = await _job(store, owner=SIBLING)
    waiting = await _job(store, owner=ME)
    assert await store.jobs.claim_running(stuck.id, started_at=100.0, max_running=1) is True

    assert await store.jobs.claim_running(waiting.id, started_at=150.0, max_running=1, stale_after=60.0) is False
    await age_heartbeats(store, 120.0, owner=SIBLING)
    assert await store.jobs.claim_running(waiting.id, started_at=500.0, max_running=1, stale_after=60.0) is True


async def test_claiming_a_job_that_is_unknown_or_no_longer_queued_says_none(store: SqlStore) -> None:
    cancelled = await _job(store, owner=ME)
    running = await _job(store, owner=ME)
    await store.jobs.finish(cancelled.id, status=JobStatus.CANCELLED, finished_at=101.0)
    await store.jobs.claim_running(running.id, started_at=102.0, max_running=None)

    assert await store.jobs.claim_running(31337, started_at=103.0, max_running=5) is None
    assert await store.jobs.claim_running(cancelled.id, started_at=103.0, max_running=5) is None
    assert await store.jobs.claim_running(running.id, started_at=103.0, max_running=1) is None  # even at the cap
    assert await _status(store, cancelled.id) is JobStatus.CANCELLED


async def test_claiming_without_a_cap_always_starts_a_queued_job(store: SqlStore) -> None:
    jobs = [await _job(store, owner=ME, prompt=f"p{n}") for n in range(4)]

    assert [await store.jobs.claim_running(job.id, started_at=1.0, max_running=None) for job in jobs] == [True] * 4


async def test_a_cap_below_one_is_a_programming_error(store: SqlStore) -> None:
    job = await _job(store, owner=ME)

    with pytest.raises(ValueError, match="max_running"):
        await store.jobs.claim_running(job.id, started_at=1.0, max_running=0)
    assert await _status(store, job.id) is JobStatus.QUEUED


async def test_concurrent_claims_on_one_store_never_exceed_the_cap(store: SqlStore) -> None:
    jobs = [await _job(store, owner=ME, prompt=f"p{n}") for n in range(12)]

    claims = await asyncio.gather(*(store.jobs.claim_running(job.id, started_at=1.0, max_running=5) for job in jobs))

    assert sorted(claims) == [False] * 7 + [True] * 5
    assert await scalar(store, "SELECT COUNT(*) FROM jobs WHERE status = ?", (JobStatus.RUNNING.value,)) == 5
