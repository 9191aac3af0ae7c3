"""The SQLite job repository, with the quota checks made when a job is created."""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from collections.abc import Sequence
from decimal import Decimal

import aiosqlite

from bot.jobs.spec import InputRef, JobSpec, ResponseHandle
from bot.policy.quota import Quota, QuotaExceeded, QuotaKind
from bot.storage.base import (
    NO_HANDLE,
    JobRecord,
    JobStatus,
    check_finished_status,
    clip_error,
    decode_cost,
    decode_generation_ids,
    encode_cost,
    encode_generation_ids,
)
from bot.storage.sqlite.connection import _Connection, _fetch
from bot.storage.sqlite.counting import _IMAGES_SQL, _UNFINISHED_SQL, DAY, _member_place, _place, _spent

log = logging.getLogger(__name__)

_JOB_COLUMNS = """id, requester_id, guild_id, channel_id, is_dm, prompt, model, aspect_ratio, image_size, count,
       input_sha256, input_mime, parent_job_id, application_id, interaction_token, interaction_created_at,
       status, error, created_at, started_at, finished_at, cost, generation_ids, result_channel_id,
       result_message_id"""
_SELECT_JOBS = f"SELECT {_JOB_COLUMNS} FROM jobs"


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

    async def shown_in(self, message_id: int) -> JobRecord | None:
        """The job whose result message is this message, or None."""
        async with self._conn.lock:
            rows = list(await self._conn.db.execute_fetchall(
                _SELECT_JOBS + " WHERE result_message_id = ? ORDER BY id DESC LIMIT 1", (message_id,)))
        return _record(rows[0]) if rows else None

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
