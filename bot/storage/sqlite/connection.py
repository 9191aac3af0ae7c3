"""The SQLite `Database` (one connection, a lock, transactions, snapshots, every wait bounded by the database
timeout), PRAGMA setup, and creating and checking the database file."""

from __future__ import annotations

import asyncio
import errno
import logging
import os
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

from bot.config import ConfigError
from bot.storage.outage import DEFAULT_DATABASE_TIMEOUT, OutageLog
from bot.storage.sql.database import Row, Session

log = logging.getLogger(__name__)

MEMORY = ":memory:"
_BUSY = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)  # another connection holds the lock we wait for
FILE_MODE = 0o600  # the database holds prompts and live interaction tokens: owner only


class _SqliteSession:
    """Statements on the connection by a coroutine that holds the database's lock."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return list(await self._db.execute_fetchall(sql, params))

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        async with self._db.execute(sql, params) as cursor:
            return cursor.rowcount

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        await self._db.executemany(sql, rows)


class SqliteDatabase:
    """`Database` over the store's single connection, plus the lock that keeps one coroutine's transaction
    from interleaving with another's statements.

    A call waits at most `timeout` seconds for its turn on the connection, and SQLite waits at most as long for
    another process's write lock (the busy timeout set by `_configure`); running out of either raises
    `DatabaseUnavailable` (a transaction is rolled back first)."""

    dialect = "sqlite"

    def __init__(self, db: aiosqlite.Connection, *, path: str = MEMORY,
                 timeout: float = DEFAULT_DATABASE_TIMEOUT) -> None:
        self.db = db
        self.lock = asyncio.Lock()
        self.timeout = timeout
        self._session = _SqliteSession(db)
        self._outage = OutageLog(f"SQLite {path}", timeout,
                                 check="check for another program holding the database file's write lock "
                                       "(a second bot process, a backup or an open sqlite3 shell) and for "
                                       "a slow disk")

    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        async with self._turn():
            return await self._session.fetch(sql, params)

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        async with self._turn():
            return await self._session.execute(sql, params)

    @asynccontextmanager
    async def transaction(self, *, exclusive: bool = False) -> AsyncIterator[Session]:
        """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error). Every write transaction is exclusive here."""
        # IMMEDIATE takes the write lock up front, so a second process waits (busy_timeout) instead
        # of failing when it later tries to upgrade a read transaction
        async with self._turn(), self._between("BEGIN IMMEDIATE") as session:
            yield session

    @asynccontextmanager
    async def snapshot(self) -> AsyncIterator[Session]:
        """Take the lock and read in one transaction, so several queries see the same data."""
        async with self._turn(), self._between("BEGIN") as session:
            yield session

    @asynccontextmanager
    async def _turn(self) -> AsyncIterator[None]:
        """Hold the connection's lock for the block; a busy database as `DatabaseUnavailable`."""
        try:
            async with asyncio.timeout(self.timeout):
                await self.lock.acquire()
        except TimeoutError:
            raise self._outage.failed(f"no turn on its connection within {self.timeout:g} s") from None
        try:
            yield
        except sqlite3.OperationalError as exc:
            if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) not in _BUSY:
                raise
            raise self._outage.failed(f"another connection held its write lock for over {self.timeout:g} s") \
                from None
        finally:
            self.lock.release()
        self._outage.answered()

    @asynccontextmanager
    async def _between(self, begin: str) -> AsyncIterator[Session]:
        await self.db.execute(begin)
        try:
            yield self._session
        except BaseException:
            await self.db.rollback()
            raise
        await self.db.commit()


def busy_timeout_ms(timeout: float) -> int:
    """SQLite's busy timeout for a database timeout of `timeout` seconds: the same wait, in milliseconds."""
    return max(1, round(timeout * 1000))


async def _configure(db: aiosqlite.Connection, *, in_memory: bool,
                     timeout: float = DEFAULT_DATABASE_TIMEOUT) -> None:
    await db.execute(f"PRAGMA busy_timeout = {busy_timeout_ms(timeout)}")
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
