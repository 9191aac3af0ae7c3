"""The PostgreSQL store: an asyncpg pool with the database timeout, migrated at open; connection problems at
open become a `ConfigError`."""

from __future__ import annotations

import logging
import socket
from urllib.parse import unquote, urlsplit

import asyncpg

from bot.config import ConfigError
from bot.storage.outage import DEFAULT_DATABASE_TIMEOUT
from bot.storage.postgres.database import PostgresDatabase, server_settings
from bot.storage.postgres.migrations import migrate
from bot.storage.sql.store import SqlStore

log = logging.getLogger(__name__)

_CONNECTING = (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError, ValueError)


def database_address(url: str) -> str:
    """`host:port/database` of a PostgreSQL URL, with libpq's defaults filled in: never the password."""
    parts = urlsplit(url)
    try:
        port = parts.port or 5432
    except ValueError:
        raise ConfigError("DATABASE_URL has a port that is not a number") from None
    database = unquote(parts.path.lstrip("/")) or unquote(parts.username or "") or "postgres"
    return f"{parts.hostname or 'localhost'}:{port}/{database}"


def _reason(exc: BaseException, timeout: float) -> str:
    """Why connecting failed, in words that hold nothing from the URL."""
    reasons: list[tuple[type[BaseException], str]] = [
        (asyncpg.InvalidPasswordError, "password authentication failed"),
        (asyncpg.InvalidCatalogNameError, "the database does not exist"),
        (asyncpg.InvalidAuthorizationSpecificationError, "the server does not accept this user"),
        (asyncpg.TooManyConnectionsError, "the server has too many connections"),
        (socket.gaierror, "the host name cannot be resolved"),
        (ConnectionRefusedError, "connection refused (is PostgreSQL running and listening there?)"),
        (TimeoutError, f"no answer within {timeout:g} seconds"),
    ]
    for kind, reason in reasons:
        if isinstance(exc, kind):
            return reason
    if isinstance(exc, asyncpg.PostgresError):
        return f"the server refused the connection (SQLSTATE {exc.sqlstate})"
    if isinstance(exc, OSError):
        return (exc.strerror or type(exc).__name__).lower()
    return f"the URL's settings are not usable ({type(exc).__name__})"


def _unreachable(address: str, exc: BaseException, timeout: float) -> ConfigError:
    return ConfigError(f"cannot connect to the PostgreSQL database {address}: {_reason(exc, timeout)}; "
                       "check DATABASE_URL")


class PostgresStore(SqlStore):
    """The bot's store in a PostgreSQL database, shared by every bot process that names it."""

    def __init__(self, pool: asyncpg.Pool, address: str, *, timeout: float = DEFAULT_DATABASE_TIMEOUT) -> None:
        self._pool = pool
        self._address = address
        super().__init__(PostgresDatabase(pool, address=address, timeout=timeout))

    @classmethod
    async def open(cls, url: str, *, pool_size: int = 10, timeout: float = DEFAULT_DATABASE_TIMEOUT) -> PostgresStore:
        """Migrate (one process at a time) and connect a pool of up to `pool_size` connections.

        `timeout` (DATABASE_TIMEOUT) bounds connecting and, on the pool, every later call (see
        `PostgresDatabase`); the migrations run on a connection of their own, without it, since a migration or
        the wait for another process's may take longer. Raises ConfigError naming host, port and database
        (never the password) when the server cannot be reached, refuses the login, or has no such database."""
        address = database_address(url)
        dsn = "postgresql://" + url.split("://", 1)[1]  # asyncpg knows no postgresql+asyncpg:// and the like
        try:
            connection = await asyncpg.connect(dsn, timeout=timeout)
        except _CONNECTING as exc:
            raise _unreachable(address, exc, timeout) from None
        try:
            await migrate(connection)
        except BaseException:
            connection.terminate()
            raise
        await connection.close(timeout=timeout)
        try:
            pool = await asyncpg.create_pool(dsn, min_size=0, max_size=pool_size, timeout=timeout,
                                             command_timeout=timeout, server_settings=server_settings(timeout))
        except _CONNECTING as exc:
            raise _unreachable(address, exc, timeout) from None
        log.debug("Opened PostgreSQL store at %s (pool of up to %d connections, timeout %gs)", address, pool_size,
                  timeout)
        return cls(pool, address, timeout=timeout)

    @property
    def address(self) -> str:
        """`host:port/database`, safe to log."""
        return self._address

    async def close(self) -> None:
        """Wait for the connections in use to be released and close them all. Idempotent."""
        if not self._pool.is_closing():
            await self._pool.close()
