"""The job repository: a job's lifecycle, its owner's heartbeat, and the limits checked as it is created or
started."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from bot.i18n.locales import SOURCE_LOCALE
from bot.records.history import HistoryCursor, HistoryPage
from bot.records.job import JobRecord, JobStatus
from bot.records.quota import Quota
from bot.records.spec import InputRef, JobKind, JobSpec, ResponseHandle
from bot.storage.base import (
    NO_HANDLE,
    check_finished_status,
    clip_error,
    decode_cost,
    decode_generation_ids,
    encode_cost,
    encode_generation_ids,
)
from bot.storage.sql.counting import _UNFINISHED_SQL
from bot.storage.sql.database import Database, Row, Session
from bot.storage.sql.history import results_page
from bot.storage.sql.ledger import close_open_requests, open_requests, settle_as_one
from bot.storage.sql.quota import check_quota

log = logging.getLogger(__name__)

_JOB_COLUMNS = """id, requester_id, guild_id, channel_id, is_dm, prompt, model, aspect_ratio, image_size, count,
       input_sha256, input_mime, parent_job_id, application_id, interaction_token, interaction_created_at,
       status, error, created_at, started_at, finished_at, cost, generation_ids, result_channel_id,
       result_message_id, owner, kind, style, style_text, source_image, locale"""
_SELECT_JOBS = f"SELECT {_JOB_COLUMNS} FROM jobs"
_INSERT_COLUMNS = ("requester_id", "guild_id", "channel_id", "is_dm", "prompt", "model", "aspect_ratio", "image_size",
                   "count", "input_sha256", "input_mime", "parent_job_id", "application_id", "interaction_token",
                   "interaction_created_at", "status", "created_at", "reserved_cost", "owner", "kind", "style",
                   "style_text", "source_image", "locale")
# heartbeats are written and judged by the database's own clock, never a host's: two hosts' clocks may differ
DATABASE_NOW = {
    "sqlite": "((julianday('now') - 2440587.5) * 86400.0)",
    "postgresql": "CAST(EXTRACT(EPOCH FROM clock_timestamp()) AS DOUBLE PRECISION)",
}
_IDS_PER_STATEMENT = 500  # well below every backend's limit on parameters


def _record(row: Row, extra_inputs: Sequence[InputRef] = ()) -> JobRecord:
    sha256 = row["input_sha256"]
    first = () if sha256 is None else (InputRef(sha256=sha256, mime_type=row["input_mime"]),)
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
        inputs=(*first, *extra_inputs),
        parent_job_id=row["parent_job_id"],
        kind=JobKind(row["kind"]),
        style=row["style"],
        style_text=row["style_text"],
        source_image=row["source_image"],
        locale=row["locale"] or SOURCE_LOCALE,
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
        owner=row["owner"],
    )


async def _records(db: Session, rows: Sequence[Row]) -> list[JobRecord]:
    """The jobs of `rows`, with their further input images (a blend's) read in one query."""
    ids = [row["id"] for row in rows]
    extra: dict[int, list[InputRef]] = {}
    for start in range(0, len(ids), _IDS_PER_STATEMENT):
        chunk = ids[start:start + _IDS_PER_STATEMENT]
        for job_id, sha256, mime in await db.fetch(
                f"SELECT job_id, sha256, mime FROM job_extra_inputs WHERE job_id IN ({', '.join('?' for _ in chunk)})"
                " ORDER BY job_id, position", chunk):
            extra.setdefault(job_id, []).append(InputRef(sha256=sha256, mime_type=mime))
    return [_record(row, extra.get(row["id"], ())) for row in rows]


def _interruptible(owner: str | None, stale_after: float | None, now: str) -> tuple[str, tuple[Any, ...]]:
    """Which unfinished jobs a start-up may interrupt (see `JobRepository.interrupt_unfinished`); `now` is the
    database's clock."""
    where = f"status IN ({_UNFINISHED_SQL})"
    stale = f"heartbeat_at < {now} - ?"
    if owner is None:
        if stale_after is None:
            return where, ()
        return f"{where} AND {stale}", (stale_after,)
    if stale_after is None:
        return f"{where} AND (owner = ? OR owner IS NULL)", (owner,)
    return f"{where} AND (owner = ? OR owner IS NULL OR {stale})", (owner, stale_after)


class SqlJobRepository:
    """`JobRepository` over a `Database`."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._now = DATABASE_NOW[database.dialect]
        self._insert = (f"INSERT INTO jobs ({', '.join(_INSERT_COLUMNS)}, heartbeat_at)"
                        f" VALUES ({', '.join('?' for _ in _INSERT_COLUMNS)}, {self._now}) RETURNING {_JOB_COLUMNS}")

    async def create(self, spec: JobSpec, *, created_at: float, handle: ResponseHandle = NO_HANDLE,
                     quota: Quota | None = None, owner: str | None = None) -> JobRecord:
        """Record a new QUEUED job holding its reservation, owned by `owner` (its heartbeat starts at
        `created_at`); QuotaExceeded (nothing recorded) if it does not fit `quota`. The limits are counted
        inside the inserting exclusive transaction, so no other create can slip in between."""
        reserve = Decimal(0) if quota is None else quota.reserve
        reserved_cost = encode_cost(reserve)
        if reserved_cost is None or reserve < 0:
            raise ValueError(f"a reservation must be a Decimal >= 0, got {reserve!r}")
        params = (
            spec.requester_id, spec.guild_id, spec.channel_id, spec.is_dm, spec.prompt, spec.model,
            spec.aspect_ratio, spec.image_size, spec.count,
            None if spec.input is None else spec.input.sha256, None if spec.input is None else spec.input.mime_type,
            spec.parent_job_id, handle.application_id, handle.interaction_token, handle.interaction_created_at,
            JobStatus.QUEUED.value, created_at, reserved_cost, owner, spec.kind.value, spec.style, spec.style_text,
            spec.source_image, spec.locale,
        )
        async with self._db.transaction(exclusive=quota is not None) as db:
            if quota is not None:
                await check_quota(db, spec, quota)
            [row] = await db.fetch(self._insert, params)
            await db.executemany(
                "INSERT INTO job_extra_inputs (job_id, position, sha256, mime) VALUES (?, ?, ?, ?)",
                [(row["id"], position, ref.sha256, ref.mime_type) for position, ref in enumerate(spec.inputs[1:], 1)])
            await open_requests(db, spec, job_id=row["id"], reserve=reserve, created_at=created_at)
        return _record(row, spec.inputs[1:])

    async def check(self, spec: JobSpec, quota: Quota) -> None:
        """QuotaExceeded if a job like `spec` would not fit `quota` now; records nothing (`create` checks again
        atomically)."""
        async with self._db.snapshot() as db:
            await check_quota(db, spec, quota)

    async def get(self, job_id: int) -> JobRecord | None:
        """The job with this id, or None."""
        async with self._db.snapshot() as db:
            rows = await db.fetch(_SELECT_JOBS + " WHERE id = ?", (job_id,))
            return (await _records(db, rows))[0] if rows else None

    async def shown_in(self, message_id: int) -> JobRecord | None:
        """The job whose result message is this message, or None."""
        async with self._db.snapshot() as db:
            rows = await db.fetch(_SELECT_JOBS + " WHERE result_message_id = ? ORDER BY id DESC LIMIT 1",
                                  (message_id,))
            return (await _records(db, rows))[0] if rows else None

    async def results(self, requester_id: int, *, guild_id: int | None, limit: int,
                      older_than: HistoryCursor | None = None, newer_than: HistoryCursor | None = None) -> HistoryPage:
        """A page of the requester's results in one place (bot.storage.sql.history), read in one snapshot."""
        async with self._db.snapshot() as db:
            return await results_page(db, requester_id, guild_id=guild_id, limit=limit, older_than=older_than,
                                      newer_than=newer_than)

    async def claim_running(self, job_id: int, *, started_at: float, max_running: int | None,
                            stale_after: float | None = None) -> bool | None:
        """QUEUED -> RUNNING if fewer than `max_running` jobs run in the whole database (those whose heartbeat
        is older than `stale_after` seconds not counted): True = started, False = the cap is reached (still queued),
        None = unknown or no longer queued. Counted and changed in one exclusive transaction."""
        if max_running is not None and max_running < 1:
            raise ValueError(f"max_running must be at least 1 (or None for no cap), got {max_running}")
        # only a capped claim must be serialized with the other processes' claims
        async with self._db.transaction(exclusive=max_running is not None) as db:
            if max_running is not None:
                where, params = "status = ?", (JobStatus.RUNNING.value,)
                if stale_after is not None:
                    where = f"{where} AND (heartbeat_at IS NULL OR heartbeat_at >= {self._now} - ?)"
                    params = (*params, stale_after)
                [(running,)] = await db.fetch(f"SELECT COUNT(*) FROM jobs WHERE {where}", params)
                if running >= max_running:
                    queued = await db.fetch("SELECT 1 FROM jobs WHERE id = ? AND status = ?",
                                            (job_id, JobStatus.QUEUED.value))
                    return False if queued else None
            changed = await db.execute(
                f"UPDATE jobs SET status = ?, started_at = ?, heartbeat_at = {self._now} WHERE id = ? AND status = ?",
                (JobStatus.RUNNING.value, started_at, job_id, JobStatus.QUEUED.value))
        return True if changed else None

    async def heartbeat(self, owner: str) -> int:
        """Renew the heartbeat of `owner`'s unfinished jobs; how many there are."""
        return await self._db.execute(
            f"UPDATE jobs SET heartbeat_at = {self._now} WHERE owner = ? AND status IN ({_UNFINISHED_SQL})", (owner,))

    async def finish(self, job_id: int, *, status: JobStatus, finished_at: float, error: str | None = None,
                     cost: Decimal | None = None, generation_ids: Sequence[str] = (),
                     images: int | None = None) -> bool:
        """Unfinished -> `status` (terminal) with its cost and images delivered, forgetting the interaction
        token; the first finish wins, later ones return False."""
        status = check_finished_status(status)
        if images is not None and images < 0:
            raise ValueError(f"images delivered cannot be negative, got {images}")
        async with self._db.transaction() as db:
            changed = await db.execute(
                "UPDATE jobs SET status = ?, finished_at = ?, error = ?, cost = ?, generation_ids = ?, images = ?,"
                f" interaction_token = NULL WHERE id = ? AND status IN ({_UNFINISHED_SQL})",
                (status.value, finished_at, clip_error(error), encode_cost(cost),
                 encode_generation_ids(generation_ids), images, job_id),
            )
            if changed:
                succeeded = status is JobStatus.SUCCEEDED
                if succeeded or cost is not None or images:
                    [(count,)] = await db.fetch("SELECT count FROM jobs WHERE id = ?", (job_id,))
                    produced = images if images is not None else (count if succeeded else 0)
                    await settle_as_one(db, job_id, cost=cost, images=produced, settled_at=finished_at)
                await close_open_requests(db, job_id, settled_at=finished_at, keep_reservation=False)
        return changed > 0

    async def record_cost(self, job_id: int, *, cost: Decimal | None, generation_ids: Sequence[str] = ()) -> bool:
        """The reported cost of an unfinished job's generation; False if the job is unknown or finished."""
        changed = await self._db.execute(
            f"UPDATE jobs SET cost = ?, generation_ids = ? WHERE id = ? AND status IN ({_UNFINISHED_SQL})",
            (encode_cost(cost), encode_generation_ids(generation_ids), job_id),
        )
        return changed > 0

    async def set_result_message(self, job_id: int, *, channel_id: int, message_id: int) -> bool:
        """Remember where the result was posted; False if the job is unknown."""
        changed = await self._db.execute(
            "UPDATE jobs SET result_channel_id = ?, result_message_id = ? WHERE id = ?",
            (channel_id, message_id, job_id),
        )
        return changed > 0

    async def interrupt_unfinished(self, *, now: float, owner: str | None = None,
                                   stale_after: float | None = None) -> list[JobRecord]:
        """Mark the unfinished jobs this start-up may take over INTERRUPTED (finished at `now`) and return them,
        oldest first, each still with the token it had; the stored token is cleared."""
        where, params = _interruptible(owner, stale_after, self._now)
        async with self._db.transaction() as db:
            found = await db.fetch(f"SELECT id, interaction_token, status FROM jobs WHERE {where}", params)
            tokens = {row[0]: row[1] for row in found}
            started = {row[0] for row in found if row[2] == JobStatus.RUNNING.value}
            ids = sorted(tokens)
            rows: list[Row] = []
            for start in range(0, len(ids), _IDS_PER_STATEMENT):
                # only jobs read above (whose token we hold), and only if still unfinished
                chunk = ids[start:start + _IDS_PER_STATEMENT]
                rows += await db.fetch(
                    "UPDATE jobs SET status = ?, finished_at = ?, interaction_token = NULL"
                    f" WHERE id IN ({', '.join('?' for _ in chunk)}) AND status IN ({_UNFINISHED_SQL})"
                    f" RETURNING {_JOB_COLUMNS}", (JobStatus.INTERRUPTED.value, now, *chunk))
            for row in rows:
                # a request cut off while it ran may have been paid: it keeps its reservation as its cost
                await close_open_requests(db, row["id"], settled_at=now, keep_reservation=row["id"] in started)
            found_records = await _records(db, rows)
        records = sorted(found_records, key=lambda record: (record.created_at, record.id))
        records = [dataclasses.replace(record, handle=dataclasses.replace(
            record.handle, interaction_token=tokens[record.id])) for record in records]
        if records:
            log.info("Marked %d unfinished job(s) as interrupted: %s", len(records),
                     [record.id for record in records])
        return records

    async def delete_finished_before(self, cutoff: float) -> int:
        """Delete the finished jobs created before `cutoff`; how many were deleted."""
        deleted = await self._db.execute(
            f"DELETE FROM jobs WHERE created_at < ? AND status NOT IN ({_UNFINISHED_SQL})", (cutoff,))
        if deleted:
            log.info("Deleted %d finished job(s) created before %s", deleted, cutoff)
        return deleted
