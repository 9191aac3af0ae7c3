"""`UsageRepository`: totals per member, server and bot, the top members, the daily chart, the latest request,
a model's history, and forgetting a user."""

from __future__ import annotations

from decimal import Decimal

from bot.records.job import JobRecord, JobStatus
from bot.records.quota import Quota
from bot.records.spec import JobSpec
from bot.records.usage import Forgotten, ModelHistory, UsageTotals
from bot.storage import SqlStore, open_store
from tests.bot.storage.factories import PNG_BYTES, dm_spec, spec

DAY = 24 * 60 * 60
MIDNIGHT = 1_699_920_000.0  # 2023-11-14 00:00 UTC
NOW = MIDNIGHT + 15 * 3600  # 15:00 the same day
GUILD = 2002
OTHER_GUILD = 2999
MODEL = "google/gemini-2.5-flash-image-preview"


async def _job(store: SqlStore, request: JobSpec, *, at: float, reserve: str = "0",
               status: JobStatus | None = None, cost: str | None = None, images: int | None = None,
               started_at: float | None = None, finished_at: float | None = None) -> JobRecord:
    """A job created at `at` reserving `reserve`, left queued or taken to `status`."""
    record = await store.jobs.create(request, created_at=at, quota=Quota(now=at, reserve=Decimal(reserve)))
    if status is JobStatus.RUNNING or started_at is not None:
        await store.jobs.claim_running(record.id, started_at=at if started_at is None else started_at,
                                       max_running=None)
    if status is not None and status.is_finished:
        await store.jobs.finish(record.id, status=status, finished_at=at + 1 if finished_at is None else finished_at,
                                cost=None if cost is None else Decimal(cost), images=images)
    return record


async def _mixed_day(store: SqlStore) -> None:
    """Member 1001's jobs in server 2002 since NOW - 100: five jobs, 2 + 1 + 3 images, 0.55 spent."""
    await _job(store, spec(count=2), at=NOW - 100, reserve="0.20")  # queued: 2 images, 0.20 held
    await _job(store, spec(count=4), at=NOW - 90, status=JobStatus.SUCCEEDED, cost="0.10", images=1)
    await _job(store, spec(count=3), at=NOW - 80, status=JobStatus.SUCCEEDED, cost="0.25")  # 3: none reported
    await _job(store, spec(count=4), at=NOW - 70, reserve="9", status=JobStatus.FAILED)  # nothing
    await _job(store, spec(count=4), at=NOW - 60, reserve="9", status=JobStatus.CANCELLED, cost="0")  # nothing


async def test_member_totals_count_images_and_money_by_outcome(store: SqlStore) -> None:
    await _mixed_day(store)
    await _job(store, spec(), at=NOW - 200, status=JobStatus.SUCCEEDED, cost="5")  # before `since`
    await _job(store, spec(requester_id=9999), at=NOW, reserve="1")  # someone else
    await _job(store, spec(guild_id=OTHER_GUILD), at=NOW, reserve="1")  # another server
    await _job(store, dm_spec(), at=NOW, reserve="1")  # in DMs

    totals = await store.usage.member(1001, guild_id=GUILD, since=NOW - 100)

    assert totals == UsageTotals(jobs=5, images=6, cost=Decimal("0.55"))


async def test_member_usage_without_a_server_is_every_dm_job_wherever_it_was_asked(store: SqlStore) -> None:
    await _job(store, dm_spec(count=2), at=NOW, reserve="0.10")
    await _job(store, dm_spec(guild_id=OTHER_GUILD), at=NOW, status=JobStatus.SUCCEEDED, cost="0.05")
    await _job(store, spec(), at=NOW, reserve="1")

    assert await store.usage.member(1001, guild_id=None, since=0.0) == UsageTotals(2, 3, Decimal("0.15"))
    assert await store.usage.member(1001, guild_id=OTHER_GUILD, since=0.0) == UsageTotals(0, 0, Decimal(0))


async def test_since_is_inclusive(store: SqlStore) -> None:
    await _job(store, spec(), at=NOW)

    assert (await store.usage.member(1001, guild_id=GUILD, since=NOW)).jobs == 1
    assert (await store.usage.guild(GUILD, since=NOW)).jobs == 1
    assert (await store.usage.everywhere(since=NOW)).jobs == 1
    assert (await store.usage.everywhere(since=NOW + 0.001)).jobs == 0


async def test_server_totals_add_up_every_member_and_everywhere_adds_up_every_job(store: SqlStore) -> None:
    await _mixed_day(store)
    await _job(store, spec(requester_id=9999, count=2), at=NOW, status=JobStatus.SUCCEEDED, cost="0.05")
    await _job(store, spec(guild_id=OTHER_GUILD), at=NOW, reserve="1")
    await _job(store, dm_spec(), at=NOW, status=JobStatus.SUCCEEDED, cost="0.001")

    assert await store.usage.guild(GUILD, since=0.0) == UsageTotals(6, 8, Decimal("0.60"))
    assert await store.usage.everywhere(since=0.0) == UsageTotals(8, 10, Decimal("1.601"))


async def test_nothing_used_is_all_zeros(store: SqlStore) -> None:
    assert await store.usage.everywhere(since=0.0) == UsageTotals(jobs=0, images=0, cost=Decimal(0))
    assert await store.usage.top_members(GUILD, since=0.0) == []


async def test_top_members_come_most_images_first_then_most_jobs_then_lowest_id(store: SqlStore) -> None:
    for requester_id, counts in [(1, [1]), (2, [4]), (3, [2, 2]), (4, [1, 1, 2]), (5, [1])]:
        for count in counts:
            await _job(store, spec(requester_id=requester_id, count=count), at=NOW, reserve="0.01")
    await _job(store, spec(requester_id=6, count=4, guild_id=OTHER_GUILD), at=NOW)
    await _job(store, spec(requester_id=7, count=4), at=NOW - 10)  # before `since`

    top = await store.usage.top_members(GUILD, since=NOW - 1, limit=4)

    assert top == [(4, UsageTotals(3, 4, Decimal("0.03"))), (3, UsageTotals(2, 4, Decimal("0.02"))),
                   (2, UsageTotals(1, 4, Decimal("0.01"))), (1, UsageTotals(1, 1, Decimal("0.01")))]
    assert [member for member, _ in await store.usage.top_members(GUILD, since=0.0)] == [4, 3, 2, 7, 1]


async def test_daily_has_one_entry_per_utc_day_oldest_first_ending_today(store: SqlStore) -> None:
    await _job(store, spec(count=2), at=MIDNIGHT - 2 * DAY - 1)  # the day before the window
    await _job(store, spec(count=2), at=MIDNIGHT - 2 * DAY, status=JobStatus.SUCCEEDED, cost="0.10")
    await _job(store, spec(), at=MIDNIGHT - DAY - 0.5, status=JobStatus.SUCCEEDED, cost="0.05")
    await _job(store, spec(count=3), at=MIDNIGHT, reserve="0.30")
    await _job(store, spec(), at=NOW, status=JobStatus.FAILED)
    await _job(store, spec(guild_id=OTHER_GUILD), at=NOW, reserve="1")
    await _job(store, dm_spec(), at=NOW, reserve="1")

    chart = await store.usage.daily(GUILD, days=3, now=NOW)

    assert chart == [(MIDNIGHT - 2 * DAY, UsageTotals(2, 3, Decimal("0.15"))),  # two jobs on that day
                     (MIDNIGHT - DAY, UsageTotals(0, 0, Decimal(0))),
                     (MIDNIGHT, UsageTotals(2, 3, Decimal("0.30")))]


async def test_a_single_day_chart_is_today(store: SqlStore) -> None:
    await _job(store, spec(), at=MIDNIGHT + DAY - 0.001)

    assert await store.usage.daily(GUILD, days=1, now=MIDNIGHT) == [(MIDNIGHT, UsageTotals(1, 1, Decimal(0)))]


async def test_last_request_is_the_latest_job_in_that_place(store: SqlStore) -> None:
    assert await store.usage.last_request_at(1001, guild_id=GUILD) is None

    await _job(store, spec(), at=NOW - 50, status=JobStatus.FAILED)
    await _job(store, spec(), at=NOW - 100)
    await _job(store, spec(guild_id=OTHER_GUILD), at=NOW)
    await _job(store, dm_spec(), at=NOW - 5)
    await _job(store, spec(requester_id=9999), at=NOW)

    assert await store.usage.last_request_at(1001, guild_id=GUILD) == NOW - 50
    assert await store.usage.last_request_at(1001, guild_id=None) == NOW - 5


async def test_model_history_averages_cost_per_image_of_priced_requests_and_seconds_of_succeeded_jobs(
        store: SqlStore) -> None:
    succeeded = JobStatus.SUCCEEDED
    await _job(store, spec(), at=NOW, status=succeeded, cost="9", started_at=NOW, finished_at=NOW + 1)  # oldest
    await _job(store, spec(count=4), at=NOW, status=succeeded, cost="0.30", images=3,
               started_at=NOW, finished_at=NOW + 10)
    await _job(store, spec(count=2), at=NOW, status=succeeded, cost="0.10", started_at=NOW + 5, finished_at=NOW + 25)
    # no cost reported: its reservation is kept as its cost, which says nothing about the price
    await _job(store, spec(count=2), at=NOW, reserve="7", status=succeeded, started_at=NOW, finished_at=NOW + 30)
    await _job(store, spec(), at=NOW, status=JobStatus.FAILED, cost="5", started_at=NOW, finished_at=NOW + 40)
    await _job(store, spec(image_size="4K"), at=NOW, status=succeeded, cost="0.24", finished_at=NOW + 45)
    await _job(store, spec(model="other/model"), at=NOW, status=succeeded, cost="5", finished_at=NOW + 50)
    await _job(store, spec(), at=NOW, reserve="5")  # still queued

    history = await store.usage.model_history(MODEL, last=2)

    # 0.40 for 5 images over the two latest priced requests; 30 s and 20 s for the two latest succeeded jobs
    assert history == ModelHistory(samples=2, avg_cost=Decimal("0.08"), avg_seconds=25.0)
    assert await store.usage.model_history(MODEL, image_size="1k", last=2) == history  # no size is 1K
    assert (await store.usage.model_history(MODEL, image_size="4K")).avg_cost == Decimal("0.24")


async def test_a_model_without_history_has_no_averages(store: SqlStore) -> None:
    await _job(store, spec(), at=NOW, status=JobStatus.SUCCEEDED)  # neither cost nor start time

    assert await store.usage.model_history("never/used") == ModelHistory(samples=0, avg_cost=None, avg_seconds=None)
    assert await store.usage.model_history(MODEL) == ModelHistory(samples=1, avg_cost=None, avg_seconds=None)


async def test_forgetting_a_user_deletes_their_finished_jobs_and_images_but_never_their_spend(
        store: SqlStore) -> None:
    theirs = await store.inputs.put(b"their image", "image/png", now=NOW)
    shared = await store.inputs.put(PNG_BYTES, "image/png", now=NOW)
    unrelated = await store.inputs.put(b"someone's upload in flight", "image/png", now=NOW - DAY)
    parent = await _job(store, spec(inputs=(theirs,)), at=NOW, status=JobStatus.SUCCEEDED, cost="0.04")
    running = await _job(store, spec(inputs=(shared,)), at=NOW, reserve="0.04", status=JobStatus.RUNNING)
    queued = await _job(store, dm_spec(), at=NOW, reserve="0.04")
    child = await _job(store, spec(requester_id=9999, parent_job_id=parent.id, inputs=(shared,)), at=NOW)
    before = await store.usage.member(1001, guild_id=GUILD, since=0.0)

    forgotten = await store.usage.forget(1001)

    assert forgotten == Forgotten(jobs=1, unfinished=2)  # the running and the queued one are left to finish
    assert await store.jobs.get(parent.id) is None
    assert await store.jobs.get(running.id) is not None
    assert await store.jobs.get(queued.id) is not None
    # what they spent and the images they counted stay, for limits and budgets
    assert await store.usage.member(1001, guild_id=GUILD, since=0.0) == before == UsageTotals(2, 2, Decimal("0.08"))
    assert await store.ledger.forgotten(parent.id)
    assert not await store.ledger.forgotten(running.id)
    assert not await store.ledger.forgotten(child.id)
    kept = await store.jobs.get(child.id)
    assert kept is not None
    assert kept.spec.parent_job_id is None
    assert await store.inputs.get(theirs.sha256) is None
    assert await store.inputs.get(shared.sha256) == PNG_BYTES
    assert await store.inputs.get(unrelated.sha256) is not None
    assert await store.usage.forget(1001) == Forgotten(jobs=0, unfinished=2)


async def test_usage_survives_closing_and_reopening_the_store(database_url: str) -> None:
    async with await open_store(database_url) as store:
        await _mixed_day(store)
        before = await store.usage.member(1001, guild_id=GUILD, since=0.0)

    async with await open_store(database_url) as store:
        after = await store.usage.member(1001, guild_id=GUILD, since=0.0)

    assert after == before == UsageTotals(jobs=5, images=6, cost=Decimal("0.55"))
