"""The PostgreSQL store: an asyncpg pool, migrated at open; connection problems become a `ConfigError`."""

from __future__ import annotations

import logging
import socket
from urllib.parse import unquote, urlsplit

import asyncpg

from bot.config import ConfigError
from bot.storage.postgres.database import PostgresDatabase
from bot.storage.postgres.migrations import migrate
from bot.storage.sql.store import SqlStore

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 10.0  # seconds to wait for the server at start-up before giving up


def database_address(url: str) -> str:
    """`host:port/database` of a PostgreSQL URL, with libpq's defaults filled in: never the password."""
    parts = urlsplit(url)
    try:
        port = parts.port or 5432
    except ValueError:
        raise ConfigError("DATABASE_URL has a port that is not a number") from None
    database = unquote(parts.path.lstrip("/")) or unquote(parts.username or "") or "postgres"
    return f"{parts.hostname or 'localhost'}:{port}/{database}"


def _reason(exc: BaseException) -> str:
    """Why connecting failed, in words that hold nothing from the URL."""
    reasons: list[tuple[type[BaseException], str]] = [
        (asyncpg.InvalidPasswordError, "password authentication failed"),
        (asyncpg.InvalidCatalogNameError, "the database does not exist"),
        (asyncpg.InvalidAuthorizationSpecificationError, "the server does not accept this user"),
        (asyncpg.TooManyConnectionsError, "the server has too many connections"),
        (socket.gaierror, "the host name cannot be resolved"),
        (ConnectionRefusedError, "connection refused (is PostgreSQL running and listening there?)"),
        (TimeoutError, f"no answer within {CONNECT_TIMEOUT:g} seconds"),
    ]
    for kind, reason in reasons:
        if isinstance(exc, kind):
            return reason
    if isinstance(exc, asyncpg.PostgresError):
        return f"the server refused the connection (SQLSTATE {exc.sqlstate})"
    if isinstance(exc, OSError):
        return (exc.strerror or type(exc).__name__).lower()
    return f"the URL's settings are not usable ({type(exc).__name__})"


class PostgresStore(SqlStore):
    """The bot's store in a PostgreSQL database, shared by every bot process that names it."""

    def __init__(self, pool: asyncpg.Pool, address: str) -> None:
        self._pool = pool
        self._address = address
        super().__init__(PostgresDatabase(pool))

    @classmethod
    async def open(cls, url: str, *, pool_size: int = 10) -> PostgresStore:
        """Connect a pool of up to `pool_size` connections and migrate (one process at a time).

        Raises ConfigError naming host, port and database (never the password) when the server cannot be
        reached, refuses the login, or has no such database."""
        address = database_address(url)
        dsn = "postgresql://" + url.split("://", 1)[1]  # asyncpg knows no postgresql+asyncpg:// and the like
        try:
            pool = await asyncpg.create_pool(dsn, min_size=1, max_size=pool_size, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError, ValueError) as exc:
            raise ConfigError(f"cannot connect to the PostgreSQL database {address}: {_reason(exc)}; "
                              "check DATABASE_URL") from None
        try:
            async with pool.acquire() as connection:
                await migrate(connection)
        except BaseException:
            await pool.close()
            raise
        log.debug("Opened PostgreSQL store at %s (pool of up to %d connections)", address, pool_size)
        return cls(pool, address)

    @property
    def address(self) -> str:
        """`host:port/database`, safe to log."""
        return self._address

    async def close(self) -> None:
        """Wait for the connections in use to be released and close them all. Idempotent."""
        if not self._pool.is_closing():
            await self._pool.close()
