"""The usage queries, all from the usage ledger: totals per member, server and day, top members, a model's cost
history; and forgetting a user's history (never their spend)."""

from __future__ import annotations

import logging
import math
from decimal import Decimal

from bot.records.job import JobStatus
from bot.records.ledger import DEFAULT_IMAGE_SIZE, CostSource, drawn_size
from bot.records.usage import Forgotten, ModelHistory, UsageTotals
from bot.storage.sql.counting import (
    _IMAGES_SQL,
    _SPENT_SQL,
    _UNFINISHED_SQL,
    DAY,
    _member_place,
    _money,
    _place,
    _totals,
)
from bot.storage.sql.database import Database
from bot.storage.sql.inputs import DISCARD_IMAGE
from bot.storage.sql.ledger import mark_forgotten

log = logging.getLogger(__name__)


class SqlUsageRepository:
    """`UsageRepository` over a `Database`."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def member(self, requester_id: int, *, guild_id: int | None, since: float) -> UsageTotals:
        """The requester's jobs in that server (`guild_id` None: their DM jobs) created at or after `since`."""
        mine, params = _member_place(requester_id, guild_id=guild_id, is_dm=guild_id is None)
        async with self._db.snapshot() as db:
            return await _totals(db, f"{mine} AND created_at >= ?", (*params, since))

    async def guild(self, guild_id: int, *, since: float) -> UsageTotals:
        """Every job asked for in that server at or after `since`."""
        place, params = _place(guild_id=guild_id, is_dm=False)
        async with self._db.snapshot() as db:
            return await _totals(db, f"{place} AND created_at >= ?", (*params, since))

    async def everywhere(self, *, since: float) -> UsageTotals:
        """Every job created at or after `since`, DMs included."""
        async with self._db.snapshot() as db:
            return await _totals(db, "created_at >= ?", (since,))

    async def top_members(self, guild_id: int, *, since: float, limit: int = 5) -> list[tuple[int, UsageTotals]]:
        """The server's biggest users since `since`: most images first, then most jobs, then the lowest id."""
        if limit < 1:
            return []
        place, params = _place(guild_id=guild_id, is_dm=False)
        where, where_params = f"{place} AND created_at >= ?", (*params, since)
        async with self._db.snapshot() as db:
            top = await db.fetch(
                "SELECT requester_id, COUNT(DISTINCT job_id) AS job_count, COALESCE(SUM(n), 0) AS image_count"
                f" FROM (SELECT requester_id, job_id, {_IMAGES_SQL} AS n FROM usage_ledger WHERE {where}) AS counted"
                " GROUP BY requester_id ORDER BY image_count DESC, job_count DESC, requester_id LIMIT ?",
                (*where_params, limit))
            if not top:
                return []
            ids = [row["requester_id"] for row in top]
            money = await db.fetch(
                f"SELECT requester_id, spent, COUNT(*) FROM (SELECT requester_id, {_SPENT_SQL} AS spent"
                f" FROM usage_ledger WHERE {where} AND requester_id IN ({', '.join('?' for _ in ids)})) AS counted"
                " WHERE spent IS NOT NULL GROUP BY requester_id, spent",
                (*where_params, *ids))
        costs = dict.fromkeys(ids, Decimal(0))
        for requester_id, spent, times in money:
            costs[requester_id] += _money(spent) * times
        return [(row["requester_id"], UsageTotals(jobs=int(row["job_count"]), images=int(row["image_count"]),
                                                  cost=costs[row["requester_id"]])) for row in top]

    async def daily(self, guild_id: int, *, days: int, now: float) -> list[tuple[float, UsageTotals]]:
        """The server's totals per UTC day, `days` entries keyed by the day's midnight, oldest first, ending
        with the day of `now`."""
        if days < 1:
            raise ValueError(f"days must be at least 1, got {days}")
        today = math.floor(now / DAY) * DAY  # unix time has no leap seconds: every UTC day is DAY long
        first = today - (days - 1) * DAY
        place, params = _place(guild_id=guild_id, is_dm=False)
        async with self._db.snapshot() as db:
            rows = await db.fetch(
                f"SELECT created_at, job_id, {_IMAGES_SQL} AS n, {_SPENT_SQL} AS spent FROM usage_ledger"
                f" WHERE {place} AND created_at >= ? AND created_at < ?", (*params, first, today + DAY))
        jobs: list[set[int]] = [set() for _ in range(days)]
        images, costs = [0] * days, [Decimal(0)] * days
        for created_at, job_id, counted, spent in rows:
            day = min(int((created_at - first) // DAY), days - 1)
            jobs[day].add(job_id)
            images[day] += counted
            if spent is not None:
                costs[day] += _money(spent)
        return [(float(first + day * DAY), UsageTotals(jobs=len(jobs[day]), images=images[day], cost=costs[day]))
                for day in range(days)]

    async def last_request_at(self, requester_id: int, *, guild_id: int | None) -> float | None:
        """When the requester's latest job in that server (`guild_id` None: DMs) was created, or None."""
        mine, params = _member_place(requester_id, guild_id=guild_id, is_dm=guild_id is None)
        async with self._db.snapshot() as db:
            [(latest,)] = await db.fetch(f"SELECT MAX(created_at) FROM usage_ledger WHERE {mine}", params)
        return latest

    async def model_history(self, model: str, *, image_size: str | None = None, last: int = 20) -> ModelHistory:
        """The model at that size (None: the API's default): the average cost per image over its `last`
        settled requests whose cost is known (reported or looked up) and that produced images, and the average
        seconds from start to finish of its `last` most recently finished succeeded jobs."""
        if last < 1:
            raise ValueError(f"last must be at least 1, got {last}")
        size = drawn_size(image_size)
        async with self._db.snapshot() as db:
            priced = await db.fetch(
                "SELECT settled_cost, images FROM usage_ledger WHERE model = ? AND image_size = ?"
                " AND cost_source IN (?, ?) AND images > 0 ORDER BY settled_at DESC LIMIT ?",
                (model, size, CostSource.REPORTED.value, CostSource.LOOKED_UP.value, last))
            timed = await db.fetch(
                "SELECT started_at, finished_at FROM jobs WHERE model = ? AND status = ?"
                " AND COALESCE(UPPER(image_size), ?) = ? ORDER BY finished_at DESC NULLS LAST, id DESC LIMIT ?",
                (model, JobStatus.SUCCEEDED.value, DEFAULT_IMAGE_SIZE, size, last))
        cost = sum((_money(row["settled_cost"]) for row in priced), Decimal(0))
        images = sum(row["images"] for row in priced)
        durations = [row["finished_at"] - row["started_at"] for row in timed
                     if row["started_at"] is not None and row["finished_at"] is not None]
        return ModelHistory(samples=len(timed), avg_cost=cost / images if images else None,
                            avg_seconds=sum(durations) / len(durations) if durations else None)

    async def forget(self, user_id: int) -> Forgotten:
        """Delete the user's finished jobs (their regenerations by others lose only their parent link) and the
        input images only those jobs referenced. Their spend stays in the usage ledger, flagged as forgotten;
        unfinished jobs are left to finish."""
        async with self._db.transaction() as db:
            finished = f"requester_id = ? AND status NOT IN ({_UNFINISHED_SQL})"
            images = await db.fetch(f"SELECT input_sha256 FROM jobs WHERE {finished} AND input_sha256 IS NOT NULL"
                                    f" UNION SELECT extra.sha256 FROM job_extra_inputs AS extra JOIN jobs"
                                    f" ON jobs.id = extra.job_id WHERE jobs.{finished}", (user_id, user_id))
            deleted = [row[0] for row in await db.fetch(f"DELETE FROM jobs WHERE {finished} RETURNING id",
                                                        (user_id,))]
            await mark_forgotten(db, deleted)
            await db.executemany(DISCARD_IMAGE, [(sha256,) for (sha256,) in images])
            [(unfinished,)] = await db.fetch(
                f"SELECT COUNT(*) FROM jobs WHERE requester_id = ? AND status IN ({_UNFINISHED_SQL})", (user_id,))
        log.info("Forgot user %d: deleted %d finished job(s), left %d unfinished", user_id, len(deleted),
                 unfinished)
        return Forgotten(jobs=len(deleted), unfinished=int(unfinished))
