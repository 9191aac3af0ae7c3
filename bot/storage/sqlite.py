"""The SQLite store: one aiosqlite connection (queries run on its own thread, so the event loop never
blocks), WAL journal, foreign keys on, migrations applied at open."""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
from collections.abc import AsyncIterator, Collection, Sequence
from contextlib import asynccontextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import aiosqlite

from bot.storage.base import (
    UNFINISHED_STATUSES,
    JobRecord,
    JobStatus,
    NewJob,
    Store,
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
BUSY_TIMEOUT_MS = 5000  # wait this long for another process's write lock before failing

_SELECT_JOBS = """
SELECT j.id, j.requester_id, j.guild_id, j.channel_id, j.is_dm, j.prompt, j.model, j.aspect_ratio,
       j.image_size, j.count, j.parent_job_id, j.application_id, j.interaction_token,
       j.interaction_created_at, j.status, j.error, j.created_at, j.started_at, j.finished_at, j.cost,
       j.generation_ids, j.result_channel_id, j.result_message_id,
       i.mime AS input_mime, i.job_id IS NOT NULL AS has_input
FROM jobs AS j LEFT JOIN job_inputs AS i ON i.job_id = j.id
"""

_UNFINISHED_SQL = ", ".join(f"'{status.value}'" for status in sorted(UNFINISHED_STATUSES))


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


def _record(row: sqlite3.Row) -> JobRecord:
    return JobRecord(
        id=row["id"],
        requester_id=row["requester_id"],
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        is_dm=bool(row["is_dm"]),
        prompt=row["prompt"],
        model=row["model"],
        created_at=row["created_at"],
        status=JobStatus(row["status"]),
        aspect_ratio=row["aspect_ratio"],
        image_size=row["image_size"],
        count=row["count"],
        parent_job_id=row["parent_job_id"],
        has_input=bool(row["has_input"]),
        input_mime=row["input_mime"],
        application_id=row["application_id"],
        interaction_token=row["interaction_token"],
        interaction_created_at=row["interaction_created_at"],
        error=row["error"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        cost=decode_cost(row["cost"]),
        generation_ids=decode_generation_ids(row["generation_ids"]),
        result_channel_id=row["result_channel_id"],
        result_message_id=row["result_message_id"],
    )


class SqliteJobRepository:
    """`JobRepository` over SQLite."""

    def __init__(self, connection: _Connection) -> None:
        self._conn = connection

    async def create(self, job: NewJob) -> JobRecord:
        """Record a new QUEUED job (and its input image) in one transaction."""
        params = (
            job.requester_id, job.guild_id, job.channel_id, job.is_dm, job.prompt, job.model,
            job.aspect_ratio, job.image_size, job.count, job.parent_job_id, job.application_id,
            job.interaction_token, job.interaction_created_at, JobStatus.QUEUED.value, job.created_at,
        )
        async with self._conn.lock, self._conn.transaction() as db:
            rows = await db.execute_fetchall(
                "INSERT INTO jobs (requester_id, guild_id, channel_id, is_dm, prompt, model, aspect_ratio,"
                " image_size, count, parent_job_id, application_id, interaction_token,"
                " interaction_created_at, status, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                params,
            )
            job_id = next(iter(rows))[0]
            if job.input_image is not None:
                await db.execute("INSERT INTO job_inputs (job_id, mime, data) VALUES (?, ?, ?)",
                                 (job_id, job.input_mime, job.input_image))
            record = await self._select_one(job_id)
        assert record is not None  # just inserted inside the same transaction
        return record

    async def get(self, job_id: int) -> JobRecord | None:
        """The job with this id, or None."""
        async with self._conn.lock:
            return await self._select_one(job_id)

    async def input_image(self, job_id: int) -> tuple[bytes, str] | None:
        """The (bytes, mime type) of the job's input image, or None."""
        async with self._conn.lock:
            rows = list(await self._conn.db.execute_fetchall(
                "SELECT data, mime FROM job_inputs WHERE job_id = ?", (job_id,)))
        if not rows:
            return None
        return bytes(rows[0]["data"]), rows[0]["mime"]

    async def mark_running(self, job_id: int, *, started_at: float) -> bool:
        """QUEUED -> RUNNING; False if the job is unknown or no longer queued."""
        return await self._update(
            "UPDATE jobs SET status = ?, started_at = ? WHERE id = ? AND status = ?",
            (JobStatus.RUNNING.value, started_at, job_id, JobStatus.QUEUED.value),
        )

    async def finish(self, job_id: int, *, status: JobStatus, finished_at: float, error: str | None = None,
                     cost: Decimal | None = None, generation_ids: Sequence[str] = ()) -> bool:
        """Unfinished -> `status` (terminal); the first finish wins, later ones return False."""
        status = check_finished_status(status)
        return await self._update(
            "UPDATE jobs SET status = ?, finished_at = ?, error = ?, cost = ?, generation_ids = ?"
            f" WHERE id = ? AND status IN ({_UNFINISHED_SQL})",
            (status.value, finished_at, clip_error(error), encode_cost(cost),
             encode_generation_ids(generation_ids), job_id),
        )

    async def set_result_message(self, job_id: int, *, channel_id: int, message_id: int) -> bool:
        """Remember where the result was posted; False if the job is unknown."""
        return await self._update(
            "UPDATE jobs SET result_channel_id = ?, result_message_id = ? WHERE id = ?",
            (channel_id, message_id, job_id),
        )

    async def interrupt_unfinished(self, *, now: float) -> list[JobRecord]:
        """Mark every QUEUED/RUNNING job INTERRUPTED (finished at `now`) and return them, oldest first."""
        async with self._conn.lock, self._conn.transaction() as db:
            rows = await db.execute_fetchall(
                f"UPDATE jobs SET status = ?, finished_at = ? WHERE status IN ({_UNFINISHED_SQL})"
                " RETURNING id",
                (JobStatus.INTERRUPTED.value, now),
            )
            ids = sorted(row[0] for row in rows)
            records = [record for job_id in ids if (record := await self._select_one(job_id)) is not None]
        if records:
            log.info("Marked %d unfinished job(s) as interrupted: %s", len(records), ids)
        return records

    async def count_since(self, *, requester_id: int, since: float, dm_only: bool = False,
                          statuses: Collection[JobStatus] | None = None) -> int:
        """How many jobs the user created at or after `since` (optionally DM-only / given statuses)."""
        sql = "SELECT COUNT(*) FROM jobs WHERE requester_id = ? AND created_at >= ?"
        params: list[Any] = [requester_id, since]
        if dm_only:
            sql += " AND is_dm = 1"
        if statuses is not None:
            values = sorted({JobStatus(status).value for status in statuses})
            if not values:
                return 0
            sql += f" AND status IN ({', '.join('?' * len(values))})"
            params.extend(values)
        async with self._conn.lock:
            rows = list(await self._conn.db.execute_fetchall(sql, params))
        return int(rows[0][0])

    async def recent(self, *, requester_id: int, limit: int = 10) -> list[JobRecord]:
        """The user's latest `limit` jobs, newest first."""
        if limit <= 0:
            return []
        async with self._conn.lock:
            rows = await self._conn.db.execute_fetchall(
                _SELECT_JOBS + " WHERE j.requester_id = ? ORDER BY j.created_at DESC, j.id DESC LIMIT ?",
                (requester_id, limit),
            )
        return [_record(row) for row in rows]

    async def _select_one(self, job_id: int) -> JobRecord | None:
        rows = list(await self._conn.db.execute_fetchall(_SELECT_JOBS + " WHERE j.id = ?", (job_id,)))
        return _record(rows[0]) if rows else None

    async def _update(self, sql: str, params: Sequence[Any]) -> bool:
        async with self._conn.lock, self._conn.db.execute(sql, params) as cursor:
            return cursor.rowcount > 0


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
        super().__init__(jobs=SqliteJobRepository(self._conn), meta=SqliteMetaRepository(self._conn))

    @classmethod
    async def open(cls, path: str | Path) -> SqliteStore:
        """Open (creating parent directories and the file if needed), configure, and migrate."""
        path = Path(path)
        if str(path) != MEMORY:
            await asyncio.to_thread(path.parent.mkdir, parents=True, exist_ok=True)
        # isolation_level=None: no implicit transactions, we BEGIN/COMMIT explicitly
        db = await aiosqlite.connect(str(path), isolation_level=None)
        try:
            db.row_factory = sqlite3.Row
            await _configure(db, in_memory=str(path) == MEMORY)
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
