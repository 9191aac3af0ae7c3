"""The usage ledger: one entry per provider request, settled as each answer ends, never deleted with its job;
limits, budgets and usage count from it. Every test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import aiosqlite
import asyncpg
import pytest

from bot.records.job import JobStatus
from bot.records.ledger import LEDGER_DAYS, Answer, CostSource
from bot.records.quota import Quota, QuotaExceeded
from bot.records.usage import UsageTotals
from bot.storage import SqlStore, open_store
from bot.storage.migrate import load_migrations, run_migrations
from bot.storage.postgres import PostgresMigrationTarget
from bot.storage.sqlite import SqliteMigrationTarget
from tests.bot.storage.factories import dm_spec, spec

DAY = 24 * 60 * 60
NOW = 1_700_000_000.0
GUILD = 2002


def answer(request: int = 0, *, images: int = 1, cost: str | None = "0.04", generation: str | None = "gen-1") -> Answer:
    return Answer(request=request, images=images, cost=None if cost is None else Decimal(cost),
                  generation_id=generation)


async def _refused(store: SqlStore, quota: Quota, **changes: object) -> QuotaExceeded:
    with pytest.raises(QuotaExceeded) as refused:
        await store.jobs.create(spec(**changes), created_at=quota.now, quota=quota)
    return refused.value


async def test_a_job_opens_one_entry_per_request_sharing_its_reservation_exactly(store: SqlStore) -> None:
    job = await store.jobs.create(spec(count=3, image_size=None), created_at=NOW,
                                  quota=Quota(now=NOW, reserve=Decimal("0.10")))

    entries = await store.ledger.entries(job.id)

    assert [entry.request for entry in entries] == [0, 1, 2]
    assert sum(entry.reserved_cost for entry in entries) == Decimal("0.10")
    assert {(entry.expected, entry.images, entry.settled, entry.image_size, entry.model) for entry in entries} == {
        (1, 0, False, "1K", spec().model)}
    assert await store.usage.member(1001, guild_id=GUILD, since=0.0) == UsageTotals(1, 3, Decimal("0.10"))


async def test_a_settled_request_counts_the_images_produced_and_what_it_cost(store: SqlStore) -> None:
    job = await store.jobs.create(spec(count=2), created_at=NOW, quota=Quota(now=NOW, reserve=Decimal("0.20")))

    settled = await store.ledger.settle(job.id, answer(1, images=2, cost="0.039"), settled_at=NOW + 5)

    assert settled is not None
    assert (settled.settled_cost, settled.cost_source, settled.images, settled.generation_id) == (
        Decimal("0.039"), CostSource.REPORTED, 2, "gen-1")
    # request 1 is settled (2 images, 0.039); request 0 is still open (1 image, its 0.10 share)
    assert await store.usage.member(1001, guild_id=GUILD, since=0.0) == UsageTotals(1, 3, Decimal("0.139"))


async def test_an_answer_without_a_cost_keeps_its_reservation_until_the_cost_is_looked_up(store: SqlStore) -> None:
    job = await store.jobs.create(spec(), created_at=NOW, quota=Quota(now=NOW, reserve=Decimal("0.05")))

    settled = await store.ledger.settle(job.id, answer(cost=None), settled_at=NOW + 5)
    counted_before = (await store.usage.everywhere(since=0.0)).cost
    corrected = await store.ledger.correct(job.id, 0, cost=Decimal("0.039"))
    again = await store.ledger.correct(job.id, 0, cost=Decimal("9"))

    assert settled is not None
    assert (settled.settled_cost, settled.cost_source) == (Decimal("0.05"), CostSource.RESERVED)
    assert counted_before == Decimal("0.05")
    assert (corrected, again) == (True, False)  # a looked-up cost is final
    [entry] = await store.ledger.entries(job.id)
    assert (entry.settled_cost, entry.cost_source) == (Decimal("0.039"), CostSource.LOOKED_UP)
    assert (await store.usage.everywhere(since=0.0)).cost == Decimal("0.039")


async def test_the_first_settlement_of_a_request_wins(store: SqlStore) -> None:
    job = await store.jobs.create(spec(), created_at=NOW)

    first = await store.ledger.settle(job.id, answer(cost="0.04"), settled_at=NOW)
    second = await store.ledger.settle(job.id, answer(cost="4"), settled_at=NOW + 1)
    unknown = await store.ledger.settle(job.id + 1000, answer(), settled_at=NOW)

    assert first is not None
    assert (second, unknown) == (None, None)
    assert (await store.usage.everywhere(since=0.0)).cost == Decimal("0.04")


async def test_a_cancelled_job_counts_what_its_answered_requests_cost_and_produced(store: SqlStore) -> None:
    job = await store.jobs.create(spec(count=2), created_at=NOW, quota=Quota(now=NOW, reserve=Decimal("0.48")))
    await store.jobs.claim_running(job.id, started_at=NOW, max_running=None)
    await store.ledger.settle(job.id, answer(0, cost="0.24"), settled_at=NOW + 30)
    await store.ledger.settle(job.id, answer(1, cost="0.24"), settled_at=NOW + 31)

    await store.jobs.finish(job.id, status=JobStatus.CANCELLED, finished_at=NOW + 32, error="cancelled")

    assert await store.usage.member(1001, guild_id=GUILD, since=0.0) == UsageTotals(1, 2, Decimal("0.48"))
    refused = await _refused(store, Quota(now=NOW + 40, daily_images=2))
    assert refused.kind == "daily"


async def test_requests_a_cancel_stopped_before_they_answered_spend_nothing(store: SqlStore) -> None:
    job = await store.jobs.create(spec(count=2), created_at=NOW, quota=Quota(now=NOW, reserve=Decimal("0.48")))
    await store.ledger.settle(job.id, answer(0, cost="0.24"), settled_at=NOW + 30)

    await store.jobs.finish(job.id, status=JobStatus.CANCELLED, finished_at=NOW + 31, error="cancelled")

    entries = await store.ledger.entries(job.id)
    assert [(entry.settled_cost, entry.images, entry.cost_source) for entry in entries] == [
        (Decimal("0.24"), 1, CostSource.REPORTED), (Decimal(0), 0, CostSource.NONE)]


async def test_an_interrupted_running_job_keeps_its_reservation_and_a_queued_one_spends_nothing(
        store: SqlStore) -> None:
    running = await store.jobs.create(spec(), created_at=NOW, quota=Quota(now=NOW, reserve=Decimal("0.24")))
    await store.jobs.claim_running(running.id, started_at=NOW, max_running=None)
    queued = await store.jobs.create(dm_spec(), created_at=NOW, quota=Quota(now=NOW, reserve=Decimal("0.04")))

    await store.jobs.interrupt_unfinished(now=NOW + 60)

    [cut_off] = await store.ledger.entries(running.id)
    [never_sent] = await store.ledger.entries(queued.id)
    assert (cut_off.settled_cost, cut_off.images, cut_off.cost_source) == (Decimal("0.24"), 1, CostSource.RESERVED)
    assert (never_sent.settled_cost, never_sent.images, never_sent.cost_source) == (Decimal(0), 0, CostSource.NONE)


async def test_deleting_old_jobs_never_lowers_this_months_spending(store: SqlStore) -> None:
    job = await store.jobs.create(spec(), created_at=NOW - 30 * DAY, quota=Quota(now=NOW, reserve=Decimal("1")))
    await store.ledger.settle(job.id, answer(cost="2.50"), settled_at=NOW - 30 * DAY)
    await store.jobs.finish(job.id, status=JobStatus.SUCCEEDED, finished_at=NOW - 30 * DAY, images=1)
    before = await store.usage.guild(GUILD, since=NOW - 31 * DAY)

    deleted = await store.jobs.delete_finished_before(NOW - 29 * DAY)  # RETENTION_DAYS=29

    assert deleted == 1
    assert await store.usage.guild(GUILD, since=NOW - 31 * DAY) == before == UsageTotals(1, 1, Decimal("2.50"))
    refused = await _refused(store, Quota(now=NOW, guild_budget=Decimal(3), month_start=NOW - 31 * DAY,
                                          reserve=Decimal(1)))
    assert refused.kind == "guild_budget"


async def test_the_ledger_prunes_only_settled_entries_older_than_the_cutoff(store: SqlStore) -> None:
    old = await store.jobs.create(spec(), created_at=NOW - (LEDGER_DAYS + 1) * DAY)
    await store.jobs.finish(old.id, status=JobStatus.FAILED, finished_at=NOW - LEDGER_DAYS * DAY)
    stuck = await store.jobs.create(spec(), created_at=NOW - (LEDGER_DAYS + 1) * DAY)  # still open
    recent = await store.jobs.create(spec(), created_at=NOW - DAY)
    await store.jobs.finish(recent.id, status=JobStatus.FAILED, finished_at=NOW - DAY)

    pruned = await store.ledger.prune(created_before=NOW - LEDGER_DAYS * DAY)

    assert pruned == 1
    assert await store.ledger.entries(old.id) == []
    assert len(await store.ledger.entries(stuck.id)) == 1
    assert len(await store.ledger.entries(recent.id)) == 1


async def test_forgetting_history_at_the_daily_limit_still_refuses_the_next_job(store: SqlStore) -> None:
    quota = Quota(now=NOW, daily_images=2, cooldown=60.0)
    job = await store.jobs.create(spec(count=2), created_at=NOW - 10, quota=quota)
    await store.ledger.settle(job.id, answer(0), settled_at=NOW - 5)
    await store.ledger.settle(job.id, answer(1), settled_at=NOW - 5)
    await store.jobs.finish(job.id, status=JobStatus.SUCCEEDED, finished_at=NOW - 4, images=2)

    await store.usage.forget(1001)

    assert await store.jobs.get(job.id) is None
    assert (await _refused(store, quota)).kind == "cooldown"
    assert (await _refused(store, Quota(now=NOW + 120, daily_images=2))).kind == "daily"


async def test_a_forgotten_member_with_a_running_job_is_still_at_their_concurrency_limit(store: SqlStore) -> None:
    job = await store.jobs.create(dm_spec(), created_at=NOW)
    await store.jobs.claim_running(job.id, started_at=NOW, max_running=1)

    await store.usage.forget(1001)

    refused = await _refused(store, Quota(now=NOW + 1, concurrent=1), guild_id=None, is_dm=True)
    assert refused.kind == "concurrent"
    assert await store.jobs.claim_running(
        (await store.jobs.create(spec(requester_id=7), created_at=NOW + 2)).id,
        started_at=NOW + 2, max_running=1) is False  # its slot of the bot-wide cap is still taken


# --- the migration ------------------------------------------------------------------------------------------

_OLD_JOBS = [  # id, count, status, reserved, cost, images: what the jobs of version 6 counted
    (1, 2, "queued", "0.08", None, None),  # 2 images, 0.08 reserved
    (2, 1, "running", "0.04", "0.039", None),  # paid, not yet delivered: 1 image, 0.039
    (3, 4, "succeeded", "0.16", "0.10", 3),  # 3 images, 0.10
    (4, 2, "succeeded", "0.08", None, None),  # 2 images, nothing reported: nothing
    (5, 1, "failed", "0.04", "0.01", None),  # no image, 0.01 charged
    (6, 3, "cancelled", "0.12", None, None),  # nothing
    (7, 1, "interrupted", "0.04", None, None),  # nothing
]


async def _version_6_database(url: str) -> None:
    dialect = "postgresql" if url.startswith("postgresql") else "sqlite"
    migrations = [m for m in load_migrations(dialect) if m.version <= 6]
    insert = ("INSERT INTO jobs (id, requester_id, guild_id, is_dm, prompt, model, image_size, count, status,"
              " created_at, finished_at, reserved_cost, cost, images) VALUES"
              " (?, 1001, 2002, FALSE, 'a secret prompt', 'some/model', NULL, ?, ?, 900.0, ?, ?, ?, ?)")
    rows = [(job_id, count, status, None if status in ("queued", "running") else 950.0, reserved, cost, images)
            for job_id, count, status, reserved, cost, images in _OLD_JOBS]
    if dialect == "sqlite":
        async with aiosqlite.connect(Path(url.removeprefix("sqlite:///")), isolation_level=None) as db:
            await run_migrations(SqliteMigrationTarget(db), migrations)
            await db.executemany(insert, rows)
        return
    connection = await asyncpg.connect(url)
    try:
        await run_migrations(PostgresMigrationTarget(connection), migrations)
        numbered = insert
        for number in range(1, 8):
            numbered = numbered.replace("?", f"${number}", 1)
        await connection.executemany(numbered, rows)
    finally:
        await connection.close()


async def test_the_migration_carries_every_existing_jobs_spend_into_the_ledger(database_url: str) -> None:
    await _version_6_database(database_url)

    async with await open_store(database_url) as store:
        totals = await store.usage.member(1001, guild_id=GUILD, since=0.0)
        await store.usage.forget(1001)
        after = await store.usage.member(1001, guild_id=GUILD, since=0.0)
        [migrated] = await store.ledger.entries(3)
        columns = await store.database.fetch("SELECT * FROM usage_ledger WHERE job_id = 1")

    # 2 + 1 + 3 + 2 images; 0.08 + 0.039 + 0.10 + 0.01 dollars, exactly what version 6 counted
    assert totals == UsageTotals(jobs=7, images=8, cost=Decimal("0.229"))
    assert after == totals  # the spend stays when the history goes
    assert (migrated.image_size, migrated.settled_cost, migrated.images) == ("1K", Decimal("0.10"), 3)
    assert "a secret prompt" not in str([tuple(row) for row in columns])  # no prompt in the ledger
