"""The SQLite store: one aiosqlite connection (queries run on its own thread, so the event loop never
blocks), WAL journal, foreign keys on, migrations applied at open, the file readable by its owner only."""

from __future__ import annotations

import asyncio
import dataclasses
import errno
import hashlib
import logging
import math
import os
import re
import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import aiosqlite

from bot.config import ConfigError
from bot.jobs.spec import InputRef, JobSpec, ResponseHandle
from bot.policy.guild import GuildSettings
from bot.policy.quota import Quota, QuotaExceeded, QuotaKind
from bot.storage.base import (
    NO_HANDLE,
    UNFINISHED_STATUSES,
    JobRecord,
    JobStatus,
    ModelHistory,
    Store,
    UsageTotals,
    check_finished_status,
    clip_error,
    decode_cost,
    decode_generation_ids,
    encode_cost,
    encode_generation_ids,
)
from bot.storage.migrate import (
    SCHEMA_MIGRATIONS_DDL,
    Migration,
    MigrationError,
    load_migrations,
    run_migrations,
)

log = logging.getLogger(__name__)

MEMORY = ":memory:"
DAY = 24 * 60 * 60
BUSY_TIMEOUT_MS = 5000  # wait this long for another process's write lock before failing
FILE_MODE = 0o600  # the database holds prompts and live interaction tokens: owner only

_JOB_COLUMNS = """id, requester_id, guild_id, channel_id, is_dm, prompt, model, aspect_ratio, image_size, count,
       input_sha256, input_mime, parent_job_id, application_id, interaction_token, interaction_created_at,
       status, error, created_at, started_at, finished_at, cost, generation_ids, result_channel_id,
       result_message_id"""
_SELECT_JOBS = f"SELECT {_JOB_COLUMNS} FROM jobs"

_UNFINISHED_SQL = ", ".join(f"'{status.value}'" for status in sorted(UNFINISHED_STATUSES))
# the images a job counts: its count while unfinished, the images delivered once succeeded, else none
_IMAGES_SQL = (f"CASE WHEN status IN ({_UNFINISHED_SQL}) THEN count"
               f" WHEN status = '{JobStatus.SUCCEEDED.value}' THEN COALESCE(images, count) ELSE 0 END")
# the money a job counts (decimal text, summed in Python): its reservation while unfinished, else its cost
_SPENT_SQL = f"CASE WHEN status IN ({_UNFINISHED_SQL}) THEN reserved_cost ELSE cost END"


class _Connection:
    """The store's single connection plus the lock that keeps one coroutine's transaction from
    interleaving with another's statements."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self.db = db
        self.lock = asyncio.Lock()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error). The caller must hold `lock`."""
        # IMMEDIATE takes the write lock up front, so a second process waits (busy_timeout) instead
        # of failing when it later tries to upgrade a read transaction
        await self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            await self.db.rollback()
            raise
        await self.db.commit()

    @asynccontextmanager
    async def snapshot(self) -> AsyncIterator[aiosqlite.Connection]:
        """Take the lock and read in one transaction, so several queries see the same data."""
        async with self.lock:
            await self.db.execute("BEGIN")
            try:
                yield self.db
            except BaseException:
                await self.db.rollback()
                raise
            await self.db.commit()

    async def execute(self, sql: str, params: Sequence[Any]) -> int:
        """One statement on its own; the number of rows it changed."""
        async with self.lock, self.db.execute(sql, params) as cursor:
            return cursor.rowcount


def _record(row: sqlite3.Row) -> JobRecord:
    sha256 = row["input_sha256"]
    spec = JobSpec(
        requester_id=row["requester_id"],
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        is_dm=bool(row["is_dm"]),
        prompt=row["prompt"],
        model=row["model"],
        aspect_ratio=row["aspect_ratio"],
        image_size=row["image_size"],
        count=row["count"],
        input=None if sha256 is None else InputRef(sha256=sha256, mime_type=row["input_mime"]),
        parent_job_id=row["parent_job_id"],
    )
    handle = ResponseHandle(
        application_id=row["application_id"],
        interaction_token=row["interaction_token"],
        interaction_created_at=row["interaction_created_at"],
    )
    return JobRecord(
        id=row["id"],
        spec=spec,
        status=JobStatus(row["status"]),
        created_at=row["created_at"],
        handle=handle,
        error=row["error"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        cost=decode_cost(row["cost"]),
        generation_ids=decode_generation_ids(row["generation_ids"]),
        result_channel_id=row["result_channel_id"],
        result_message_id=row["result_message_id"],
    )


async def _fetch(db: aiosqlite.Connection, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
    return list(await db.execute_fetchall(sql, params))


def _place(*, guild_id: int | None, is_dm: bool) -> tuple[str, tuple[Any, ...]]:
    """The condition selecting the jobs of one scope: all DM jobs, or the (non-DM) jobs of one server."""
    if is_dm:
        return "is_dm = ?", (True,)
    if guild_id is None:
        return "guild_id IS NULL AND is_dm = ?", (False,)
    return "guild_id = ? AND is_dm = ?", (guild_id, False)


def _member_place(requester_id: int, *, guild_id: int | None, is_dm: bool) -> tuple[str, tuple[Any, ...]]:
    place, params = _place(guild_id=guild_id, is_dm=is_dm)
    return f"requester_id = ? AND {place}", (requester_id, *params)


def _money(text: str) -> Decimal:
    return decode_cost(text) or Decimal(0)


async def _spent(db: aiosqlite.Connection, where: str, params: Sequence[Any]) -> Decimal:
    """The money the jobs matching `where` count. Equal amounts are grouped in SQL, summed exactly here."""
    rows = await _fetch(db, f"SELECT spent, COUNT(*) FROM (SELECT {_SPENT_SQL} AS spent FROM jobs WHERE {where})"
                            " AS counted WHERE spent IS NOT NULL GROUP BY spent", params)
    return sum((_money(spent) * times for spent, times in rows), Decimal(0))


async def _totals(db: aiosqlite.Connection, where: str, params: Sequence[Any]) -> UsageTotals:
    [(jobs, images)] = await _fetch(db, f"SELECT COUNT(*), COALESCE(SUM({_IMAGES_SQL}), 0) FROM jobs WHERE {where}",
                                    params)
    return UsageTotals(jobs=int(jobs), images=int(images), cost=await _spent(db, where, params))


def _check_budget(kind: QuotaKind, budget: Decimal, *, spent: Decimal, reserve: Decimal) -> None:
    # used up refuses even a job that reserves nothing; otherwise the reservation must fit
    if spent >= budget or spent + reserve > budget:
        raise QuotaExceeded(kind, limit=budget)


async def _check_quota(db: aiosqlite.Connection, spec: JobSpec, quota: Quota) -> None:
    """Raise QuotaExceeded for the first limit of `quota` the new job does not fit (see `JobRepository`)."""
    mine, mine_params = _member_place(spec.requester_id, guild_id=spec.guild_id, is_dm=spec.is_dm)
    if quota.cooldown:
        [(latest,)] = await _fetch(db, f"SELECT MAX(created_at) FROM jobs WHERE {mine}", mine_params)
        if latest is not None and (left := latest + quota.cooldown - quota.now) > 0:
            raise QuotaExceeded("cooldown", limit=quota.cooldown, retry_after=left)
    if quota.daily_images:
        [(used, oldest)] = await _fetch(
            db, "SELECT COALESCE(SUM(n), 0), MIN(CASE WHEN n > 0 THEN created_at END)"
                f" FROM (SELECT created_at, {_IMAGES_SQL} AS n FROM jobs WHERE {mine} AND created_at > ?)"
                " AS counted", (*mine_params, quota.now - DAY))
        if used + spec.count > quota.daily_images:
            raise QuotaExceeded("daily", limit=quota.daily_images,
                                retry_after=None if oldest is None else oldest + DAY - quota.now)
    if quota.concurrent:
        [(unfinished,)] = await _fetch(
            db, f"SELECT COUNT(*) FROM jobs WHERE {mine} AND status IN ({_UNFINISHED_SQL})", mine_params)
        if unfinished >= quota.concurrent:
            raise QuotaExceeded("concurrent", limit=quota.concurrent)
    if quota.guild_budget and not spec.is_dm and spec.guild_id is not None:
        place, place_params = _place(guild_id=spec.guild_id, is_dm=False)
        spent = await _spent(db, f"{place} AND created_at >= ?", (*place_params, quota.month_start))
        _check_budget("guild_budget", quota.guild_budget, spent=spent, reserve=quota.reserve)
    if quota.global_budget:
        spent = await _spent(db, "created_at > ?", (quota.now - DAY,))
        _check_budget("global_budget", quota.global_budget, spent=spent, reserve=quota.reserve)


async def _count_since(db: aiosqlite.Connection, *, requester_id: int, since: float, dm_only: bool) -> int:
    sql = "SELECT COUNT(*) FROM jobs WHERE requester_id = ? AND created_at >= ?"
    params: tuple[Any, ...] = (requester_id, since)
    if dm_only:
        sql += " AND is_dm = ?"
        params += (True,)
    rows = await _fetch(db, sql, params)
    return int(rows[0][0])


class SqliteJobRepository:
    """`JobRepository` over SQLite."""

    def __init__(self, connection: _Connection) -> None:
        self._conn = connection

    async def create(self, spec: JobSpec, *, created_at: float, handle: ResponseHandle = NO_HANDLE,
                     quota: Quota | None = None) -> JobRecord:
        """Record a new QUEUED job holding its reservation; QuotaExceeded (nothing recorded) if it does not
        fit `quota`. The limits are counted inside the inserting write transaction, so no other create
        can slip in between."""
        reserve = Decimal(0) if quota is None else quota.reserve
        reserved_cost = encode_cost(reserve)
        if reserved_cost is None or reserve < 0:
            raise ValueError(f"a reservation must be a Decimal >= 0, got {reserve!r}")
        params = (
            spec.requester_id, spec.guild_id, spec.channel_id, spec.is_dm, spec.prompt, spec.model,
            spec.aspect_ratio, spec.image_size, spec.count,
            None if spec.input is None else spec.input.sha256, None if spec.input is None else spec.input.mime_type,
            spec.parent_job_id, handle.application_id, handle.interaction_token, handle.interaction_created_at,
            JobStatus.QUEUED.value, created_at, reserved_cost,
        )
        async with self._conn.lock, self._conn.transaction() as db:
            if quota is not None:
                await _check_quota(db, spec, quota)
            rows = await db.execute_fetchall(
                "INSERT INTO jobs (requester_id, guild_id, channel_id, is_dm, prompt, model, aspect_ratio,"
                " image_size, count, input_sha256, input_mime, parent_job_id, application_id,"
                " interaction_token, interaction_created_at, status, created_at, reserved_cost)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                params,
            )
            job_id = next(iter(rows))[0]
            record = await self._select_one(job_id)
        assert record is not None  # just inserted inside the same transaction
        return record

    async def check(self, spec: JobSpec, quota: Quota) -> None:
        """QuotaExceeded if a job like `spec` would not fit `quota` now; records nothing (`create` checks again
        atomically)."""
        async with self._conn.lock:
            await _check_quota(self._conn.db, spec, quota)

    async def get(self, job_id: int) -> JobRecord | None:
        """The job with this id, or None."""
        async with self._conn.lock:
            return await self._select_one(job_id)

    async def mark_running(self, job_id: int, *, started_at: float) -> bool:
        """QUEUED -> RUNNING; False if the job is unknown or no longer queued."""
        changed = await self._conn.execute(
            "UPDATE jobs SET status = ?, started_at = ? WHERE id = ? AND status = ?",
            (JobStatus.RUNNING.value, started_at, job_id, JobStatus.QUEUED.value),
        )
        return changed > 0

    async def finish(self, job_id: int, *, status: JobStatus, finished_at: float, error: str | None = None,
                     cost: Decimal | None = None, generation_ids: Sequence[str] = (),
                     images: int | None = None) -> bool:
        """Unfinished -> `status` (terminal) with its cost and images delivered, forgetting the interaction
        token; the first finish wins, later ones return False."""
        status = check_finished_status(status)
        if images is not None and images < 0:
            raise ValueError(f"images delivered cannot be negative, got {images}")
        changed = await self._conn.execute(
            "UPDATE jobs SET status = ?, finished_at = ?, error = ?, cost = ?, generation_ids = ?, images = ?,"
            f" interaction_token = NULL WHERE id = ? AND status IN ({_UNFINISHED_SQL})",
            (status.value, finished_at, clip_error(error), encode_cost(cost),
             encode_generation_ids(generation_ids), images, job_id),
        )
        return changed > 0

    async def record_cost(self, job_id: int, *, cost: Decimal | None, generation_ids: Sequence[str] = ()) -> bool:
        """The reported cost of an unfinished job's generation; False if the job is unknown or finished."""
        changed = await self._conn.execute(
            f"UPDATE jobs SET cost = ?, generation_ids = ? WHERE id = ? AND status IN ({_UNFINISHED_SQL})",
            (encode_cost(cost), encode_generation_ids(generation_ids), job_id),
        )
        return changed > 0

    async def set_result_message(self, job_id: int, *, channel_id: int, message_id: int) -> bool:
        """Remember where the result was posted; False if the job is unknown."""
        changed = await self._conn.execute(
            "UPDATE jobs SET result_channel_id = ?, result_message_id = ? WHERE id = ?",
            (channel_id, message_id, job_id),
        )
        return changed > 0

    async def interrupt_unfinished(self, *, now: float) -> list[JobRecord]:
        """Mark every QUEUED/RUNNING job INTERRUPTED (finished at `now`) and return them, oldest first,
        each still with the token it had; the stored token is cleared."""
        async with self._conn.lock, self._conn.transaction() as db:
            tokens = {row[0]: row[1] for row in await db.execute_fetchall(
                f"SELECT id, interaction_token FROM jobs WHERE status IN ({_UNFINISHED_SQL})")}
            rows = await db.execute_fetchall(
                "UPDATE jobs SET status = ?, finished_at = ?, interaction_token = NULL"
                f" WHERE status IN ({_UNFINISHED_SQL}) RETURNING {_JOB_COLUMNS}",
                (JobStatus.INTERRUPTED.value, now),
            )
        records = sorted((_record(row) for row in rows), key=lambda record: (record.created_at, record.id))
        records = [dataclasses.replace(record, handle=dataclasses.replace(
            record.handle, interaction_token=tokens.get(record.id))) for record in records]
        if records:
            log.info("Marked %d unfinished job(s) as interrupted: %s", len(records),
                     [record.id for record in records])
        return records

    async def count_since(self, *, requester_id: int, since: float, dm_only: bool = False) -> int:
        """How many jobs the user created at or after `since` (only DM jobs if `dm_only`)."""
        async with self._conn.lock:
            return await _count_since(self._conn.db, requester_id=requester_id, since=since, dm_only=dm_only)

    async def delete_finished_before(self, cutoff: float) -> int:
        """Delete the finished jobs created before `cutoff`; how many were deleted."""
        deleted = await self._conn.execute(
            f"DELETE FROM jobs WHERE created_at < ? AND status NOT IN ({_UNFINISHED_SQL})", (cutoff,))
        if deleted:
            log.info("Deleted %d finished job(s) created before %s", deleted, cutoff)
        return deleted

    async def _select_one(self, job_id: int) -> JobRecord | None:
        rows = list(await self._conn.db.execute_fetchall(_SELECT_JOBS + " WHERE id = ?", (job_id,)))
        return _record(rows[0]) if rows else None


class SqliteInputImageRepository:
    """`InputImageRepository` over SQLite."""

    def __init__(self, connection: _Connection) -> None:
        self._conn = connection

    async def put(self, data: bytes, mime_type: str, *, now: float) -> InputRef:
        """Store the bytes once per SHA-256; storing them again only renews their `created_at`."""
        ref = await asyncio.to_thread(InputRef.of, data, mime_type)  # hashing megabytes: off the event loop
        await self._conn.execute(
            "INSERT INTO input_images (sha256, mime, created_at, data) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (sha256) DO UPDATE SET created_at = max(created_at, excluded.created_at)",
            (ref.sha256, ref.mime_type, now, data),
        )
        return ref

    async def get(self, sha256: str) -> bytes | None:
        """The stored bytes with this hash, or None."""
        async with self._conn.lock:
            rows = list(await self._conn.db.execute_fetchall(
                "SELECT data FROM input_images WHERE sha256 = ?", (sha256,)))
        return bytes(rows[0][0]) if rows else None

    async def discard(self, sha256: str) -> bool:
        """Delete this image unless a job references it; True if it was deleted."""
        return bool(await self._conn.execute(
            "DELETE FROM input_images WHERE sha256 = ?"
            " AND NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.input_sha256 = input_images.sha256)",
            (sha256,),
        ))

    async def delete_unreferenced(self, *, created_before: float) -> int:
        """Delete the images no job references that were stored before `created_before`."""
        deleted = await self._conn.execute(
            "DELETE FROM input_images WHERE created_at < ?"
            " AND NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.input_sha256 = input_images.sha256)",
            (created_before,),
        )
        if deleted:
            log.info("Deleted %d input image(s) no job refers to", deleted)
        return deleted


class SqliteMetaRepository:
    """`MetaRepository` over SQLite."""

    def __init__(self, connection: _Connection) -> None:
        self._conn = connection

    async def get(self, key: str) -> str | None:
        """The stored value, or None."""
        async with self._conn.lock:
            rows = list(await self._conn.db.execute_fetchall("SELECT value FROM meta WHERE key = ?", (key,)))
        return rows[0][0] if rows else None

    async def set(self, key: str, value: str) -> None:
        """Insert or replace the value."""
        async with self._conn.lock:
            await self._conn.db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )


_GUILD_COLUMNS = ("default_model", "daily_limit", "cooldown_seconds", "max_concurrent", "max_count", "max_size",
                  "monthly_budget_usd", "log_channel_id", "spoiler", "updated_at")


class SqliteGuildSettingsRepository:
    """`GuildSettingsRepository` over SQLite."""

    def __init__(self, connection: _Connection) -> None:
        self._conn = connection

    async def get(self, guild_id: int) -> GuildSettings:
        """The server's settings; the defaults when it never saved any."""
        async with self._conn.snapshot() as db:
            rows = await _fetch(db, f"SELECT {', '.join(_GUILD_COLUMNS)} FROM guild_settings WHERE guild_id = ?",
                                (guild_id,))
            if not rows:
                return GuildSettings(guild_id=guild_id)
            models = await _fetch(db, "SELECT model, allowed, age_restricted FROM guild_models WHERE guild_id = ?",
                                  (guild_id,))
            channels = await _fetch(db, "SELECT channel_id FROM guild_channels WHERE guild_id = ?", (guild_id,))
            roles = await _fetch(db, "SELECT role_id FROM guild_roles WHERE guild_id = ?", (guild_id,))
        row = rows[0]
        return GuildSettings(
            guild_id=guild_id,
            allowed_models=frozenset(model for model, allowed, _ in models if allowed),
            age_restricted_models=frozenset(model for model, _, restricted in models if restricted),
            default_model=row["default_model"],
            channel_ids=frozenset(channel_id for (channel_id,) in channels),
            role_ids=frozenset(role_id for (role_id,) in roles),
            daily_limit=row["daily_limit"],
            cooldown_seconds=row["cooldown_seconds"],
            max_concurrent=row["max_concurrent"],
            max_count=row["max_count"],
            max_size=row["max_size"],
            monthly_budget_usd=decode_cost(row["monthly_budget_usd"]),
            log_channel_id=row["log_channel_id"],
            spoiler=bool(row["spoiler"]),
            updated_at=row["updated_at"],
        )

    async def save(self, settings: GuildSettings, *, now: float) -> GuildSettings:
        """Replace everything stored for the server in one transaction; the settings with `updated_at=now`."""
        guild_id = settings.guild_id
        values = (settings.default_model, settings.daily_limit, settings.cooldown_seconds, settings.max_concurrent,
                  settings.max_count, settings.max_size, encode_cost(settings.monthly_budget_usd),
                  settings.log_channel_id, bool(settings.spoiler), now)
        models = [(guild_id, model, model in settings.allowed_models, model in settings.age_restricted_models)
                  for model in sorted(settings.allowed_models | settings.age_restricted_models)]
        updates = ", ".join(f"{column} = excluded.{column}" for column in _GUILD_COLUMNS)
        async with self._conn.lock, self._conn.transaction() as db:
            await db.execute(
                f"INSERT INTO guild_settings (guild_id, {', '.join(_GUILD_COLUMNS)})"
                f" VALUES (?, {', '.join('?' for _ in _GUILD_COLUMNS)})"
                f" ON CONFLICT (guild_id) DO UPDATE SET {updates}",
                (guild_id, *values),
            )
            for table in ("guild_models", "guild_channels", "guild_roles"):
                await db.execute(f"DELETE FROM {table} WHERE guild_id = ?", (guild_id,))
            await db.executemany(
                "INSERT INTO guild_models (guild_id, model, allowed, age_restricted) VALUES (?, ?, ?, ?)", models)
            await db.executemany("INSERT INTO guild_channels (guild_id, channel_id) VALUES (?, ?)",
                                 [(guild_id, channel_id) for channel_id in sorted(settings.channel_ids)])
            await db.executemany("INSERT INTO guild_roles (guild_id, role_id) VALUES (?, ?)",
                                 [(guild_id, role_id) for role_id in sorted(settings.role_ids)])
        return settings.replace(updated_at=now)


class SqliteUsageRepository:
    """`UsageRepository` over SQLite."""

    def __init__(self, connection: _Connection) -> None:
        self._conn = connection

    async def member(self, requester_id: int, *, guild_id: int | None, since: float) -> UsageTotals:
        """The requester's jobs in that server (`guild_id` None: their DM jobs) created at or after `since`."""
        mine, params = _member_place(requester_id, guild_id=guild_id, is_dm=guild_id is None)
        async with self._conn.snapshot() as db:
            return await _totals(db, f"{mine} AND created_at >= ?", (*params, since))

    async def guild(self, guild_id: int, *, since: float) -> UsageTotals:
        """Every job asked for in that server at or after `since`."""
        place, params = _place(guild_id=guild_id, is_dm=False)
        async with self._conn.snapshot() as db:
            return await _totals(db, f"{place} AND created_at >= ?", (*params, since))

    async def everywhere(self, *, since: float) -> UsageTotals:
        """Every job created at or after `since`, DMs included."""
        async with self._conn.snapshot() as db:
            return await _totals(db, "created_at >= ?", (since,))

    async def top_members(self, guild_id: int, *, since: float, limit: int = 5) -> list[tuple[int, UsageTotals]]:
        """The server's biggest users since `since`: most images first, then most jobs, then the lowest id."""
        if limit < 1:
            return []
        place, params = _place(guild_id=guild_id, is_dm=False)
        where, where_params = f"{place} AND created_at >= ?", (*params, since)
        async with self._conn.snapshot() as db:
            top = await _fetch(
                db, "SELECT requester_id, COUNT(*) AS job_count, COALESCE(SUM(n), 0) AS image_count"
                    f" FROM (SELECT requester_id, {_IMAGES_SQL} AS n FROM jobs WHERE {where}) AS counted"
                    " GROUP BY requester_id ORDER BY image_count DESC, job_count DESC, requester_id LIMIT ?",
                (*where_params, limit))
            if not top:
                return []
            ids = [row["requester_id"] for row in top]
            money = await _fetch(
                db, f"SELECT requester_id, spent, COUNT(*) FROM (SELECT requester_id, {_SPENT_SQL} AS spent"
                    f" FROM jobs WHERE {where} AND requester_id IN ({', '.join('?' for _ in ids)})) AS counted"
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
        async with self._conn.snapshot() as db:
            rows = await _fetch(
                db, f"SELECT created_at, {_IMAGES_SQL} AS n, {_SPENT_SQL} AS spent FROM jobs"
                    f" WHERE {place} AND created_at >= ? AND created_at < ?", (*params, first, today + DAY))
        jobs, images, costs = [0] * days, [0] * days, [Decimal(0)] * days
        for created_at, counted, spent in rows:
            day = min(int((created_at - first) // DAY), days - 1)
            jobs[day] += 1
            images[day] += counted
            if spent is not None:
                costs[day] += _money(spent)
        return [(float(first + day * DAY), UsageTotals(jobs=jobs[day], images=images[day], cost=costs[day]))
                for day in range(days)]

    async def last_request_at(self, requester_id: int, *, guild_id: int | None) -> float | None:
        """When the requester's latest job in that server (`guild_id` None: DMs) was created, or None."""
        mine, params = _member_place(requester_id, guild_id=guild_id, is_dm=guild_id is None)
        async with self._conn.snapshot() as db:
            [(latest,)] = await _fetch(db, f"SELECT MAX(created_at) FROM jobs WHERE {mine}", params)
        return latest

    async def model_history(self, model: str, *, last: int = 20) -> ModelHistory:
        """Over the model's `last` most recently finished succeeded jobs: the average cost per image of those
        that reported a cost, and the average seconds from start to finish."""
        if last < 1:
            raise ValueError(f"last must be at least 1, got {last}")
        async with self._conn.snapshot() as db:
            rows = await _fetch(
                db, "SELECT cost, COALESCE(images, count) AS delivered, started_at, finished_at FROM jobs"
                    " WHERE model = ? AND status = ? ORDER BY finished_at DESC, id DESC LIMIT ?",
                (model, JobStatus.SUCCEEDED.value, last))
        cost, images = Decimal(0), 0
        durations: list[float] = []
        for row in rows:
            if (reported := decode_cost(row["cost"])) is not None:
                cost += reported
                images += row["delivered"]
            if row["started_at"] is not None and row["finished_at"] is not None:
                durations.append(row["finished_at"] - row["started_at"])
        return ModelHistory(samples=len(rows), avg_cost=cost / images if images else None,
                            avg_seconds=sum(durations) / len(durations) if durations else None)

    async def forget(self, user_id: int) -> int:
        """Delete the user's jobs (their regenerations by others lose only their parent link) and the input
        images only those jobs referenced; how many jobs were deleted."""
        async with self._conn.lock, self._conn.transaction() as db:
            images = await _fetch(db, "SELECT DISTINCT input_sha256 FROM jobs"
                                      " WHERE requester_id = ? AND input_sha256 IS NOT NULL", (user_id,))
            async with db.execute("DELETE FROM jobs WHERE requester_id = ?", (user_id,)) as cursor:
                deleted = cursor.rowcount
            await db.executemany(
                "DELETE FROM input_images WHERE sha256 = ?"
                " AND NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.input_sha256 = input_images.sha256)",
                [(sha256,) for (sha256,) in images])
        log.info("Forgot user %d: deleted %d job(s)", user_id, deleted)
        return deleted


class SqliteMigrationTarget:
    """`MigrationTarget` over one aiosqlite connection opened with `isolation_level=None`."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def ensure_migrations_table(self) -> None:
        """Create `schema_migrations` if needed."""
        await self._db.execute(SCHEMA_MIGRATIONS_DDL)

    async def applied_versions(self) -> set[int]:
        """The versions recorded in `schema_migrations`."""
        rows = await self._db.execute_fetchall("SELECT version FROM schema_migrations")
        return {row[0] for row in rows}

    async def apply(self, migration: Migration, *, applied_at: float) -> bool:
        """Run the migration's statements and record it, all in one transaction."""
        statements = split_statements(migration.sql)
        # SQL functions the SQLite migrations may call (SQLite has no hash functions of its own)
        await self._db.create_function("sha256_hex", 1, _sha256_hex, deterministic=True)
        # executescript() would commit our transaction first, so statements run one by one
        await self._db.execute("BEGIN IMMEDIATE")
        try:
            rows = await self._db.execute_fetchall(
                "SELECT 1 FROM schema_migrations WHERE version = ?", (migration.version,))
            if list(rows):
                await self._db.rollback()
                return False
            for statement in statements:
                await self._db.execute(statement)
            await self._db.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, applied_at),
            )
        except BaseException:
            await self._db.rollback()
            raise
        await self._db.commit()
        return True


def _sha256_hex(value: bytes | str | None) -> str | None:
    if value is None:
        return None
    return hashlib.sha256(value.encode() if isinstance(value, str) else value).hexdigest()


_COMMENTS = re.compile(r"--[^\n]*|/\*.*?\*/", re.DOTALL)


def split_statements(script: str) -> list[str]:
    """Split an SQL script into single statements (semicolons inside strings, comments and trigger
    bodies are respected, because SQLite itself decides where each statement is complete)."""
    statements: list[str] = []
    pieces = script.split(";")
    buffer = ""
    for index, piece in enumerate(pieces):
        buffer += piece
        if index == len(pieces) - 1:
            break
        buffer += ";"
        if sqlite3.complete_statement(buffer):
            if _has_code(buffer):
                statements.append(buffer.strip())
            buffer = ""
    if _has_code(buffer):
        raise MigrationError("the SQL script ends with an incomplete statement (missing ';'?)")
    return statements


def _has_code(sql: str) -> bool:
    return bool(_COMMENTS.sub("", sql).strip().strip(";").strip())


class SqliteStore(Store):
    """The bot's store in one SQLite database file (or in memory)."""

    def __init__(self, db: aiosqlite.Connection, path: Path) -> None:
        self._conn = _Connection(db)
        self._path = path
        self._closed = False
        super().__init__(jobs=SqliteJobRepository(self._conn), meta=SqliteMetaRepository(self._conn),
                         inputs=SqliteInputImageRepository(self._conn),
                         guilds=SqliteGuildSettingsRepository(self._conn), usage=SqliteUsageRepository(self._conn))

    @classmethod
    async def open(cls, path: str | Path) -> SqliteStore:
        """Open (creating parent directories and an owner-only file if needed), configure, and migrate.

        Raises ConfigError, naming the file, when it cannot be used at all (a directory, no permission,
        not a database, ...)."""
        path = Path(path)
        in_memory = str(path) == MEMORY
        if not in_memory:
            await asyncio.to_thread(_prepare_file, path)
        try:
            # isolation_level=None: no implicit transactions, we BEGIN/COMMIT explicitly
            db = await aiosqlite.connect(str(path), isolation_level=None)
        except sqlite3.Error as exc:
            _raise_if_about_the_file(path, exc)
            raise
        try:
            db.row_factory = sqlite3.Row
            try:
                await _configure(db, in_memory=in_memory)
            except sqlite3.Error as exc:
                _raise_if_about_the_file(path, exc)
                raise
            await run_migrations(SqliteMigrationTarget(db), load_migrations("sqlite"))
        except BaseException:
            await db.close()
            raise
        log.debug("Opened SQLite store at %s", path)
        return cls(db, path)

    @property
    def path(self) -> Path:
        """The database file (or `:memory:`)."""
        return self._path

    @property
    def connection(self) -> aiosqlite.Connection:
        """The underlying connection, for diagnostics (PRAGMA checks) and tests."""
        return self._conn.db

    async def close(self) -> None:
        """Wait for the running query, refresh the planner statistics, and close. Idempotent."""
        async with self._conn.lock:
            if self._closed:
                return
            self._closed = True
            try:
                await self._conn.db.execute("PRAGMA optimize")
            except sqlite3.Error:
                log.warning("PRAGMA optimize failed while closing the store", exc_info=True)
            await self._conn.db.close()


async def _configure(db: aiosqlite.Connection, *, in_memory: bool) -> None:
    await db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    rows = list(await db.execute_fetchall("PRAGMA journal_mode = WAL"))
    mode = str(rows[0][0]).lower()
    if mode != "wal" and not in_memory:
        # e.g. a network file system; it still works, only readers and the writer block each other
        log.warning("SQLite refused WAL mode (journal_mode is %s)", mode)
    # with WAL, NORMAL never corrupts the database; a power cut may only lose the last commits
    await db.execute("PRAGMA synchronous = NORMAL")
    await db.execute("PRAGMA foreign_keys = ON")
    # take the write lock once: a file that can be read but not written fails here, not mid-migration
    await db.execute("BEGIN IMMEDIATE")
    await db.execute("ROLLBACK")


# --- the database file -----------------------------------------------------------------------------------

def _prepare_file(path: Path) -> None:
    """Make sure `path` can be a database file: create its directory, and the file itself with mode 0600
    (SQLite gives the -wal and -shm files the database file's mode). An existing file is left as it is."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _unusable_file(path, _os_reason(exc)) from None
    if path.is_dir():
        raise _unusable_file(path, "it is a directory")
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        _warn_if_shared(path)
        return
    except OSError as exc:
        raise _unusable_file(path, _os_reason(exc)) from None
    try:
        os.fchmod(fd, FILE_MODE)  # os.open's mode went through the umask, which may have removed owner bits
    finally:
        os.close(fd)
    log.info("Created the database file %s (mode 600)", path)


def _warn_if_shared(path: Path) -> None:
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # SQLite reports it in its own words when it opens the file
    if mode & 0o077:
        log.warning("The database file %s can be read by other users (mode %o); it holds prompts and "
                    "interaction tokens: consider chmod 600", path, mode & 0o777)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "it is a directory"
    if isinstance(exc, NotADirectoryError | FileExistsError):  # from mkdir: a file where a folder should be
        return "a part of its path is a file, not a directory"
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    return (exc.strerror or type(exc).__name__).lower()


_SQLITE_REASONS = {
    sqlite3.SQLITE_CANTOPEN: "SQLite cannot open it (check the file and its directory are writable)",
    sqlite3.SQLITE_PERM: "permission denied",
    sqlite3.SQLITE_READONLY: "it is read-only (check the file and its directory are writable)",
    sqlite3.SQLITE_NOTADB: "it is not an SQLite database",
    sqlite3.SQLITE_CORRUPT: "it is corrupt",
    sqlite3.SQLITE_IOERR: "disk I/O error",
    sqlite3.SQLITE_FULL: "the disk is full",
}


def _raise_if_about_the_file(path: Path, exc: sqlite3.Error) -> None:
    """Raise a ConfigError when `exc` is about the file itself (other errors, e.g. a busy lock, are not)."""
    code = getattr(exc, "sqlite_errorcode", None)
    reason = None if code is None else _SQLITE_REASONS.get(code & 0xFF)  # the primary code of an extended one
    if reason is not None:
        raise _unusable_file(path, reason) from None


def _unusable_file(path: Path, reason: str) -> ConfigError:
    return ConfigError(f"cannot open the database file {path}: {reason}; check DATABASE_URL")
