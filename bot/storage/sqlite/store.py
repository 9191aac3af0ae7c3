"""The SQLite store: one aiosqlite connection, WAL, foreign keys on, migrated at open, an owner-only file."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path

import aiosqlite

from bot.storage.migrate import load_migrations, run_migrations
from bot.storage.outage import DEFAULT_DATABASE_TIMEOUT
from bot.storage.sql.store import SqlStore
from bot.storage.sqlite.connection import MEMORY, SqliteDatabase, _configure, _prepare_file, _raise_if_about_the_file
from bot.storage.sqlite.migrations import SqliteMigrationTarget

log = logging.getLogger(__name__)


class SqliteStore(SqlStore):
    """The bot's store in one SQLite database file (or in memory)."""

    def __init__(self, db: aiosqlite.Connection, path: Path, *, timeout: float = DEFAULT_DATABASE_TIMEOUT) -> None:
        self._conn = SqliteDatabase(db, path=str(path), timeout=timeout)
        self._path = path
        self._closed = False
        super().__init__(self._conn)

    @classmethod
    async def open(cls, path: str | Path, *, timeout: float = DEFAULT_DATABASE_TIMEOUT) -> SqliteStore:
        """Open (creating parent directories and an owner-only file if needed), configure, and migrate.
        `timeout` (DATABASE_TIMEOUT) bounds every later call (see `SqliteDatabase`) and is the busy timeout.

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
                await _configure(db, in_memory=in_memory, timeout=timeout)
            except sqlite3.Error as exc:
                _raise_if_about_the_file(path, exc)
                raise
            await run_migrations(SqliteMigrationTarget(db), load_migrations("sqlite"))
        except BaseException:
            await db.close()
            raise
        log.debug("Opened SQLite store at %s", path)
        return cls(db, path, timeout=timeout)

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
