"""The PostgreSQL `Database`: an asyncpg pool, `?` placeholders numbered for it, and advisory locks that make
exclusive transactions exclusive across processes."""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from typing import Any

import asyncpg

from bot.storage.sql.database import Row, Session


def lock_key(name: str) -> int:
    """A stable 64-bit advisory lock key for `name` (the same in every process and release)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


LIMITS_LOCK = lock_key("imagine-bot: quota checks and the running-jobs cap")

# what a `?` may hide inside: string literals, quoted identifiers and comments are copied as they are
_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/|\?", re.DOTALL)


@functools.lru_cache(maxsize=1024)
def numbered_placeholders(sql: str) -> str:
    """`sql` with each `?` placeholder replaced by `$1`, `$2`, ... in order (the same SQL, translated once)."""
    numbers = itertools.count(1)
    return _TOKENS.sub(lambda match: f"${next(numbers)}" if match[0] == "?" else match[0], sql)


def _rows_changed(status: str) -> int:
    """The row count of a command status such as "UPDATE 3" or "INSERT 0 1" (0 when it has none)."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0


class _PostgresSession:
    """Statements on one pooled connection."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return await self._connection.fetch(numbered_placeholders(sql), *params)

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        return _rows_changed(await self._connection.execute(numbered_placeholders(sql), *params))

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        await self._connection.executemany(numbered_placeholders(sql), rows)


class PostgresDatabase:
    """`Database` over an asyncpg pool. A statement on its own runs on any free connection; a transaction or
    snapshot holds one connection until it ends."""

    dialect = "postgresql"

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        async with self.pool.acquire() as connection:
            return await _PostgresSession(connection).fetch(sql, params)

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        async with self.pool.acquire() as connection:
            return await _PostgresSession(connection).execute(sql, params)

    @asynccontextmanager
    async def transaction(self, *, exclusive: bool = False) -> AsyncIterator[Session]:
        """READ COMMITTED; `exclusive` first takes the transaction-scoped advisory lock, so the next holder
        starts after this one committed and (each statement taking a fresh snapshot) sees what it wrote."""
        async with self.pool.acquire() as connection, connection.transaction():
            if exclusive:
                await connection.execute("SELECT pg_advisory_xact_lock($1)", LIMITS_LOCK)
            yield _PostgresSession(connection)

    @asynccontextmanager
    async def snapshot(self) -> AsyncIterator[Session]:
        """A read-only REPEATABLE READ transaction: one snapshot for every query in it."""
        async with self.pool.acquire() as connection, connection.transaction(isolation="repeatable_read",
                                                                             readonly=True):
            yield _PostgresSession(connection)
