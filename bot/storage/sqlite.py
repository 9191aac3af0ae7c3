"""The SQLite store: one aiosqlite connection (queries run on its own thread, so the event loop never
blocks), WAL journal, foreign keys on, migrations applied at open, the file readable by its owner only."""

from __future__ import annotations

import asyncio
import dataclasses
import errno
import hashlib
import logging
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
from bot.storage.base import (
    NO_HANDLE,
    UNFINISHED_STATUSES,
    DailyCap,
    JobRecord,
    JobStatus,
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
FILE_MODE = 0o600  # the database holds prompts and live interaction tokens: owner only

_JOB_COLUMNS = """id, requester_id, guild_id, channel_id, is_dm, prompt, model, aspect_ratio, image_size, count,
       input_sha256, input_mime, parent_job_id, application_id, interaction_token, interaction_created_at,
       status, error, created_at, started_at, finished_at, cost, generation_ids, result_channel_id,
       result_message_id"""
_SELECT_JOBS = f"SELECT {_JOB_COLUMNS} FROM jobs"

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


async def _count_since(db: aiosqlite.Connection, *, requester_id: int, since: float, dm_only: bool) -> int:
    sql = "SELECT COUNT(*) FROM jobs WHERE requester_id = ? AND created_at >= ?"
    if dm_only:
        sql += " AND is_dm = 1"
    rows = list(await db.execute_fetchall(sql, (requester_id, since)))
    return int(rows[0][0])


class SqliteJobRepository:
    """`JobRepository` over SQLite."""

    def __init__(self, connection: _Connection) -> None:
        self._conn = connection

    async def create(self, spec: JobSpec, *, created_at: float, handle: ResponseHandle = NO_HANDLE,
                     cap: DailyCap | None = None) -> JobRecord | None:
        """Record a new QUEUED job; None (nothing recorded) if `cap` is already reached. The cap is
        counted inside the inserting write transaction, so no other create can slip in between."""
        params = (
            spec.requester_id, spec.guild_id, spec.channel_id, spec.is_dm, spec.prompt, spec.model,
            spec.aspect_ratio, spec.image_size, spec.count,
            None if spec.input is None else spec.input.sha256, None if spec.input is None else spec.input.mime_type,
            spec.parent_job_id, handle.application_id, handle.interaction_token, handle.interaction_created_at,
            JobStatus.QUEUED.value, created_at,
        )
        async with self._conn.lock, self._conn.transaction() as db:
            if cap is not None:
                used = await _count_since(db, requester_id=spec.requester_id, since=cap.since,
                                          dm_only=cap.dm_only)
                if used >= cap.limit:
                    return None
            rows = await db.execute_fetchall(
                "INSERT INTO jobs (requester_id, guild_id, channel_id, is_dm, prompt, model, aspect_ratio,"
                " image_size, count, input_sha256, input_mime, parent_job_id, application_id,"
                " interaction_token, interaction_created_at, status, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                params,
            )
            job_id = next(iter(rows))[0]
            record = await self._select_one(job_id)
        assert record is not None  # just inserted inside the same transaction
        return record

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
                     cost: Decimal | None = None, generation_ids: Sequence[str] = ()) -> bool:
        """Unfinished -> `status` (terminal), forgetting the interaction token; the first finish wins,
        later ones return False."""
        status = check_finished_status(status)
        changed = await self._conn.execute(
            "UPDATE jobs SET status = ?, finished_at = ?, error = ?, cost = ?, generation_ids = ?,"
            f" interaction_token = NULL WHERE id = ? AND status IN ({_UNFINISHED_SQL})",
            (status.value, finished_at, clip_error(error), encode_cost(cost),
             encode_generation_ids(generation_ids), job_id),
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
                         inputs=SqliteInputImageRepository(self._conn))

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
