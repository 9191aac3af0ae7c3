"""The PostgreSQL `Database`: an asyncpg pool, `?` placeholders numbered for it, advisory locks that make
exclusive transactions exclusive across processes, and every call bounded by the database timeout."""

from __future__ import annotations

import asyncio
import functools
import hashlib
import itertools
import re
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
from asyncpg.transaction import Transaction

from bot.storage.outage import DEFAULT_DATABASE_TIMEOUT, OutageLog
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


def server_settings(timeout: float) -> dict[str, str]:
    """What each pooled connection asks the server for, from the database timeout: a lock wait (the advisory lock
    of exclusive transactions, a row lock) gives up after half of it, so the server names the cause before the
    client's own deadline; a session idle inside a transaction for three times it is ended by the server, so a
    frozen bot process cannot hold the advisory lock against every other one."""
    return {"lock_timeout": f"{max(1, round(timeout * 500))}ms",
            "idle_in_transaction_session_timeout": f"{max(1, round(timeout * 3000))}ms"}


_UNREACHABLE = (asyncpg.PostgresConnectionError, asyncpg.exceptions.OperatorInterventionError,
                asyncpg.TooManyConnectionsError, asyncpg.IdleInTransactionSessionTimeoutError, OSError)


class PostgresDatabase:
    """`Database` over an asyncpg pool. A statement on its own runs on any free connection; a transaction or
    snapshot holds one connection until it ends.

    Every call, from waiting for a pooled connection to giving it back, is bounded by `timeout` seconds; a call
    that runs out of it, waits too long for a lock or loses its connection raises `DatabaseUnavailable`. A
    connection cut off mid-call is dropped rather than given back, so the server rolls back whatever it had
    not committed."""

    dialect = "postgresql"

    def __init__(self, pool: asyncpg.Pool, *, address: str = "?", timeout: float = DEFAULT_DATABASE_TIMEOUT) -> None:
        self.pool = pool
        self.timeout = timeout
        self._outage = OutageLog(f"PostgreSQL {address}", timeout,
                                 check="check that the server runs, is reachable and is not overloaded")

    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        async with self._connection() as connection:
            return await _PostgresSession(connection).fetch(sql, params)

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        async with self._connection() as connection:
            return await _PostgresSession(connection).execute(sql, params)

    @asynccontextmanager
    async def transaction(self, *, exclusive: bool = False) -> AsyncIterator[Session]:
        """READ COMMITTED; `exclusive` first takes the transaction-scoped advisory lock, so the next holder
        starts after this one committed and (each statement taking a fresh snapshot) sees what it wrote."""
        async with self._connection() as connection, self._within(connection.transaction()):
            if exclusive:
                await connection.execute("SELECT pg_advisory_xact_lock($1)", LIMITS_LOCK)
            yield _PostgresSession(connection)

    @asynccontextmanager
    async def snapshot(self) -> AsyncIterator[Session]:
        """A read-only REPEATABLE READ transaction: one snapshot for every query in it."""
        async with (self._connection() as connection,
                    self._within(connection.transaction(isolation="repeatable_read", readonly=True))):
            yield _PostgresSession(connection)

    @asynccontextmanager
    async def _connection(self) -> AsyncIterator[asyncpg.Connection]:
        """A pooled connection for the block, the whole of it within `timeout`; its database failures as
        `DatabaseUnavailable`."""
        try:
            async with asyncio.timeout(self.timeout):
                connection = await self.pool.acquire()
                try:
                    yield connection
                except (asyncio.CancelledError, TimeoutError):
                    connection.terminate()  # it may still wait for an answer: never reuse it, never wait for it
                    raise
                finally:
                    await self.pool.release(connection)
        except TimeoutError:
            raise self._outage.failed(f"no answer within {self.timeout:g} s") from None
        except asyncpg.LockNotAvailableError:
            raise self._outage.failed(f"a lock was held by another connection for over {self.timeout / 2:g} s") \
                from None
        except asyncpg.ClientConfigurationError:
            raise
        except (*_UNREACHABLE, asyncpg.InterfaceError) as exc:
            raise self._outage.failed(f"the connection failed ({type(exc).__name__})", timed_out=False) from None
        self._outage.answered()

    @staticmethod
    @asynccontextmanager
    async def _within(transaction: Transaction) -> AsyncIterator[None]:
        """The block in `transaction`: committed at its end, rolled back on an error; when the block was cut off
        (timeout, cancellation) nothing more is sent, since `_connection` drops the connection."""
        await transaction.start()
        try:
            yield
        except (asyncio.CancelledError, TimeoutError):
            raise
        except BaseException:
            await transaction.rollback()
            raise
        await transaction.commit()
