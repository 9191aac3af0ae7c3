"""`JobRepository.create` with a `Quota`: each limit, their order, reservations, and concurrent creates."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable
from decimal import Decimal
from typing import Any

import pytest

from bot.records.job import JobRecord, JobStatus
from bot.records.quota import Quota, QuotaExceeded
from bot.records.spec import JobSpec
from bot.storage import SqlStore, open_store
from tests.bot.storage.factories import dm_spec, spec

NOW = 1_700_000_000.0
DAY = 24 * 60 * 60
GUILD = 2002
OTHER_GUILD = 2999


def quota(**limits: Any) -> Quota:
    return Quota(now=NOW, **limits)


async def _job_count(store: SqlStore) -> int:
    rows = list(await store.database.fetch("SELECT COUNT(*) FROM jobs"))
    return int(rows[0][0])


async def _refused(create: Awaitable[JobRecord]) -> QuotaExceeded:
    with pytest.raises(QuotaExceeded) as refused:
        await create
    return refused.value


async def _outcomes(creates: list[Awaitable[JobRecord]]) -> tuple[int, set[str]]:
    """How many of the concurrent creates passed, and the kinds of the refusals."""
    results = await asyncio.gather(*creates, return_exceptions=True)
    for result in results:
        if not isinstance(result, JobRecord | QuotaExceeded):
            raise result
    return (sum(isinstance(result, JobRecord) for result in results),
            {result.kind for result in results if isinstance(result, QuotaExceeded)})


# --- no limits ------------------------------------------------------------------------------------------

async def test_a_quota_without_limits_records_every_job_with_its_reservation(store: SqlStore) -> None:
    for n in range(5):
        await store.jobs.create(spec(prompt=f"p{n}"), created_at=NOW, quota=quota(reserve=Decimal("0.25")))

    assert await _job_count(store) == 5
    assert (await store.usage.guild(GUILD, since=0.0)).cost == Decimal("1.25")


async def test_limits_of_zero_are_no_limits(store: SqlStore) -> None:
    await store.jobs.create(spec(), created_at=NOW, quota=quota(reserve=Decimal("5")))
    zeros = quota(daily_images=0, cooldown=0.0, concurrent=0, guild_budget=Decimal(0), global_budget=Decimal(0))

    await store.jobs.create(spec(), created_at=NOW, quota=zeros)

    assert await _job_count(store) == 2


async def test_a_job_created_without_a_quota_reserves_nothing(store: SqlStore) -> None:
    await store.jobs.create(spec(), created_at=NOW)

    assert (await store.usage.guild(GUILD, since=0.0)).cost == Decimal(0)


async def test_a_negative_reservation_is_a_programming_error(store: SqlStore) -> None:
    with pytest.raises(ValueError, match="reservation"):
        await store.jobs.create(spec(), created_at=NOW, quota=quota(reserve=Decimal("-0.01")))

    assert await _job_count(store) == 0


# --- cooldown -------------------------------------------------------------------------------------------

async def test_cooldown_refuses_until_it_passed_and_says_how_long_is_left(store: SqlStore) -> None:
    first = await store.jobs.create(spec(), created_at=NOW - 10)
    await store.jobs.finish(first.id, status=JobStatus.FAILED, finished_at=NOW - 9)  # any job counts

    refused = await _refused(store.jobs.create(spec(), created_at=NOW, quota=quota(cooldown=30.0)))

    assert (refused.kind, refused.limit, refused.retry_after) == ("cooldown", 30.0, 20.0)
    assert await _job_count(store) == 1
    later = Quota(now=NOW + 20, cooldown=30.0)
    assert (await store.jobs.create(spec(), created_at=NOW + 20, quota=later)).created_at == NOW + 20


async def test_cooldown_counts_only_the_requesters_jobs_in_the_same_place(store: SqlStore) -> None:
    await store.jobs.create(spec(), created_at=NOW - 1)
    cooldown = quota(cooldown=60.0)

    await store.jobs.create(spec(requester_id=9999), created_at=NOW, quota=cooldown)  # someone else
    await store.jobs.create(spec(guild_id=OTHER_GUILD), created_at=NOW, quota=cooldown)  # another server
    await store.jobs.create(dm_spec(), created_at=NOW, quota=cooldown)  # in DMs

    assert await _job_count(store) == 4


# --- daily images ---------------------------------------------------------------------------------------

async def test_daily_counts_images_by_outcome_and_says_when_the_oldest_counted_job_leaves(
        store: SqlStore) -> None:
    await store.jobs.create(spec(count=4), created_at=NOW - DAY)  # just outside the rolling window
    delivered_one = await store.jobs.create(spec(count=4), created_at=NOW - 7200)
    await store.jobs.finish(delivered_one.id, status=JobStatus.SUCCEEDED, finished_at=NOW - 7100, images=1)
    failed = await store.jobs.create(spec(count=4), created_at=NOW - 8000)  # earlier, but counts nothing
    await store.jobs.finish(failed.id, status=JobStatus.FAILED, finished_at=NOW - 7900)
    await store.jobs.create(spec(count=2), created_at=NOW - 3600)  # queued: counts its count
    daily = quota(daily_images=4)

    await store.jobs.create(spec(count=1), created_at=NOW, quota=daily)  # 1 + 2 + 1 = 4: fits exactly
    refused = await _refused(store.jobs.create(spec(count=1), created_at=NOW, quota=daily))

    assert (refused.kind, refused.limit) == ("daily", 4)
    assert refused.retry_after == DAY - 7200
    assert await _job_count(store) == 5


async def test_a_succeeded_job_that_reported_no_image_count_counts_its_count(store: SqlStore) -> None:
    job = await store.jobs.create(spec(count=3), created_at=NOW - 60)
    await store.jobs.finish(job.id, status=JobStatus.SUCCEEDED, finished_at=NOW - 50)

    refused = await _refused(store.jobs.create(spec(count=2), created_at=NOW, quota=quota(daily_images=4)))

    assert refused.kind == "daily"


async def test_a_request_bigger_than_the_daily_limit_has_no_retry_time(store: SqlStore) -> None:
    refused = await _refused(store.jobs.create(spec(count=3), created_at=NOW, quota=quota(daily_images=2)))

    assert (refused.kind, refused.retry_after) == ("daily", None)


async def test_dm_jobs_count_together_wherever_they_were_asked_and_apart_from_servers(
        store: SqlStore) -> None:
    await store.jobs.create(dm_spec(count=2), created_at=NOW - 10)
    await store.jobs.create(dm_spec(guild_id=OTHER_GUILD, count=2), created_at=NOW - 5)  # user-installed
    await store.jobs.create(spec(count=4), created_at=NOW - 5)
    daily = quota(daily_images=4)

    refused = await _refused(store.jobs.create(dm_spec(), created_at=NOW, quota=daily))
    await store.jobs.create(spec(guild_id=OTHER_GUILD, count=4), created_at=NOW, quota=daily)

    assert refused.kind == "daily"
    assert refused.retry_after == DAY - 10


# --- concurrent -----------------------------------------------------------------------------------------

async def test_concurrent_counts_queued_and_running_jobs_until_one_finishes(store: SqlStore) -> None:
    running = await store.jobs.create(spec(), created_at=NOW - 20)
    await store.jobs.claim_running(running.id, started_at=NOW - 19, max_running=None)
    await store.jobs.create(spec(), created_at=NOW - 10)
    await store.jobs.create(dm_spec(), created_at=NOW - 10)  # in DMs: another place
    limit = quota(concurrent=2)

    refused = await _refused(store.jobs.create(spec(), created_at=NOW, quota=limit))
    await store.jobs.finish(running.id, status=JobStatus.SUCCEEDED, finished_at=NOW - 1)
    await store.jobs.create(spec(), created_at=NOW, quota=limit)

    assert (refused.kind, refused.limit, refused.retry_after) == ("concurrent", 2, None)


# --- budgets --------------------------------------------------------------------------------------------

async def test_the_server_budget_counts_costs_this_month_and_reservations_of_unfinished_jobs(
        store: SqlStore) -> None:
    month_start = NOW - 1000
    expensive = await store.jobs.create(spec(), created_at=month_start - 1, quota=quota(reserve=Decimal(9)))
    await store.jobs.finish(expensive.id, status=JobStatus.SUCCEEDED, finished_at=NOW, cost=Decimal(9))  # last month
    paid = await store.jobs.create(spec(), created_at=month_start, quota=quota(reserve=Decimal("0.50")))
    await store.jobs.finish(paid.id, status=JobStatus.SUCCEEDED, finished_at=NOW, cost=Decimal("0.40"))
    released = await store.jobs.create(spec(), created_at=NOW - 500, quota=quota(reserve=Decimal("0.50")))
    await store.jobs.finish(released.id, status=JobStatus.FAILED, finished_at=NOW)  # no cost: counts nothing
    await store.jobs.create(spec(), created_at=NOW - 400, quota=quota(reserve=Decimal("0.30")))  # queued
    await store.jobs.create(spec(guild_id=OTHER_GUILD), created_at=NOW, quota=quota(reserve=Decimal(7)))
    await store.jobs.create(dm_spec(), created_at=NOW, quota=quota(reserve=Decimal(7)))
    budget = quota(guild_budget=Decimal("1.00"), month_start=month_start, reserve=Decimal("0.30"))

    await store.jobs.create(spec(), created_at=NOW, quota=budget)  # 0.40 + 0.30 + 0.30 = 1.00
    used_up = dataclasses.replace(budget, reserve=Decimal(0))  # even a job reserving nothing
    refused = await _refused(store.jobs.create(spec(), created_at=NOW, quota=used_up))

    assert (refused.kind, refused.limit, refused.retry_after) == ("guild_budget", Decimal("1.00"), None)


async def test_a_reservation_that_would_overspend_the_server_budget_is_refused(store: SqlStore) -> None:
    budget = quota(guild_budget=Decimal("1.00"), reserve=Decimal("0.60"))
    await store.jobs.create(spec(), created_at=NOW, quota=budget)

    refused = await _refused(store.jobs.create(spec(), created_at=NOW, quota=budget))
    small = await store.jobs.create(spec(), created_at=NOW, quota=quota(guild_budget=Decimal("1.00"),
                                                                         reserve=Decimal("0.40")))

    assert refused.kind == "guild_budget"
    assert small.status is JobStatus.QUEUED


async def test_settling_a_job_replaces_its_reservation_with_its_cost(store: SqlStore) -> None:
    budget = quota(guild_budget=Decimal("1.00"), reserve=Decimal("0.60"))
    job = await store.jobs.create(spec(), created_at=NOW, quota=budget)
    await store.jobs.finish(job.id, status=JobStatus.SUCCEEDED, finished_at=NOW, cost=Decimal("0.10"))

    await store.jobs.create(spec(), created_at=NOW, quota=budget)  # 0.10 + 0.60

    assert (await store.usage.guild(GUILD, since=0.0)).cost == Decimal("0.70")


async def test_interrupted_jobs_release_their_reservations(store: SqlStore) -> None:
    budget = quota(guild_budget=Decimal("1.00"), reserve=Decimal("0.60"))
    await store.jobs.create(spec(), created_at=NOW, quota=budget)
    await store.jobs.interrupt_unfinished(now=NOW)

    await store.jobs.create(spec(), created_at=NOW, quota=budget)

    assert (await store.usage.guild(GUILD, since=0.0)).cost == Decimal("0.60")


async def test_a_dm_job_is_not_held_to_a_server_budget(store: SqlStore) -> None:
    await store.jobs.create(dm_spec(), created_at=NOW,
                            quota=quota(guild_budget=Decimal("0.01"), reserve=Decimal("0.50")))

    assert await _job_count(store) == 1


async def test_the_global_budget_counts_every_job_of_the_last_24_hours(store: SqlStore) -> None:
    old = await store.jobs.create(spec(), created_at=NOW - DAY)
    await store.jobs.finish(old.id, status=JobStatus.SUCCEEDED, finished_at=NOW - DAY, cost=Decimal(50))
    await store.jobs.create(dm_spec(requester_id=1), created_at=NOW - 10, quota=quota(reserve=Decimal("0.50")))
    await store.jobs.create(spec(guild_id=OTHER_GUILD), created_at=NOW - 5, quota=quota(reserve=Decimal("0.40")))
    budget = quota(global_budget=Decimal("1.00"), reserve=Decimal("0.10"))

    await store.jobs.create(spec(), created_at=NOW, quota=budget)
    refused = await _refused(store.jobs.create(spec(), created_at=NOW, quota=budget))

    assert (refused.kind, refused.limit, refused.retry_after) == ("global_budget", Decimal("1.00"), None)


async def test_budgets_add_up_exact_decimals(store: SqlStore) -> None:
    budget = quota(guild_budget=Decimal("0.3"), reserve=Decimal("0.1"))  # as floats, 0.1 * 3 > 0.3

    passed, kinds = await _outcomes([store.jobs.create(spec(), created_at=NOW, quota=budget) for _ in range(5)])

    assert (passed, kinds) == (3, {"guild_budget"})


# --- order and atomicity --------------------------------------------------------------------------------

async def test_the_limits_are_checked_in_their_documented_order(store: SqlStore) -> None:
    await store.jobs.create(spec(count=4), created_at=NOW - 1, quota=quota(reserve=Decimal(5)))
    every_limit = {"cooldown": 60.0, "daily_images": 4, "concurrent": 1, "guild_budget": Decimal(1),
                   "global_budget": Decimal(1)}
    seen = []
    for name in list(every_limit):  # lift each limit in turn once it refused
        refused = await _refused(store.jobs.create(spec(), created_at=NOW, quota=quota(**every_limit)))
        seen.append(refused.kind)
        del every_limit[name]

    assert seen == ["cooldown", "daily", "concurrent", "guild_budget", "global_budget"]
    assert await _job_count(store) == 1


def _dm(requester_id: int, n: int) -> JobSpec:
    return dm_spec(requester_id=requester_id, prompt=f"p{n}")


_LAST_UNIT = {
    "cooldown": quota(cooldown=60.0),
    "daily": quota(daily_images=1),
    "concurrent": quota(concurrent=1),
    "global_budget": quota(global_budget=Decimal("1.00"), reserve=Decimal("1.00")),
}


@pytest.mark.parametrize("kind", sorted(_LAST_UNIT))
async def test_concurrent_creates_on_one_store_never_both_pass_the_last_unit(store: SqlStore, kind: str) -> None:
    passed, kinds = await _outcomes([store.jobs.create(_dm(1001, n), created_at=NOW, quota=_LAST_UNIT[kind])
                                     for n in range(10)])

    assert (passed, kinds) == (1, {kind})
    assert await _job_count(store) == 1


async def test_many_concurrent_reservations_never_overspend_a_server_budget(store: SqlStore) -> None:
    budget = quota(guild_budget=Decimal("1.00"), reserve=Decimal("0.30"))

    passed, kinds = await _outcomes([store.jobs.create(spec(requester_id=n), created_at=NOW, quota=budget)
                                     for n in range(10)])

    assert (passed, kinds) == (3, {"guild_budget"})
    assert (await store.usage.guild(GUILD, since=0.0)).cost == Decimal("0.90")


@pytest.mark.parametrize("kind", sorted(_LAST_UNIT))
async def test_concurrent_creates_from_two_processes_never_both_pass_the_last_unit(
        database_url: str, kind: str) -> None:
    async with await open_store(database_url) as first, await open_store(database_url) as second:
        for attempt in range(3):  # several rounds, each a fresh requester and day, to give a race its chance
            now = NOW + attempt * 2 * DAY
            limit = dataclasses.replace(_LAST_UNIT[kind], now=now)
            passed, kinds = await _outcomes(
                [store.jobs.create(_dm(7000 + attempt, n), created_at=now, quota=limit)
                 for n in range(4) for store in (first, second)])

            assert (passed, kinds) == (1, {kind})
            assert (await second.usage.member(7000 + attempt, guild_id=None, since=0.0)).jobs == 1


async def test_reservations_from_two_processes_never_overspend_a_server_budget(database_url: str) -> None:
    budget = quota(guild_budget=Decimal("1.00"), reserve=Decimal("0.30"))
    async with await open_store(database_url) as first, await open_store(database_url) as second:
        passed, kinds = await _outcomes([store.jobs.create(spec(requester_id=n), created_at=NOW, quota=budget)
                                         for n in range(5) for store in (first, second)])

        assert (passed, kinds) == (3, {"guild_budget"})
        assert (await first.usage.guild(GUILD, since=0.0)).cost == Decimal("0.90")


async def test_reservations_survive_closing_and_reopening_the_store(database_url: str) -> None:
    budget = quota(guild_budget=Decimal("1.00"), reserve=Decimal("0.60"))
    async with await open_store(database_url) as store:
        await store.jobs.create(spec(), created_at=NOW, quota=budget)

    async with await open_store(database_url) as store:
        refused = await _refused(store.jobs.create(spec(), created_at=NOW, quota=budget))
        spent = (await store.usage.guild(GUILD, since=0.0)).cost

    assert refused.kind == "guild_budget"
    assert spent == Decimal("0.60")
