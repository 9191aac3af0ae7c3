"""Persistence: generation jobs, their input images, server settings, usage and bot metadata behind small
repository interfaces.

`open_store(settings.database_url, pool_size=..., timeout=...)` gives the bot a `Store` over SQLite or
PostgreSQL; only this package knows which database is behind it. A call the database does not answer in time
raises `DatabaseUnavailable`, whichever it is.
"""

from __future__ import annotations

import logging
from pathlib import Path

from bot.config import ConfigError
from bot.storage.base import (
    MAX_ERROR_LENGTH,
    DescribeRepository,
    GuildSettingsRepository,
    InputImageRepository,
    JobRepository,
    LedgerRepository,
    MetaRepository,
    Store,
    UsageRepository,
)
from bot.storage.errors import DatabaseUnavailable
from bot.storage.migrate import MigrationError
from bot.storage.outage import DEFAULT_DATABASE_TIMEOUT, until_answered
from bot.storage.postgres import PostgresStore
from bot.storage.sql import SqlStore
from bot.storage.sqlite import SqliteStore

__all__ = [
    "DEFAULT_DATABASE_TIMEOUT",
    "MAX_ERROR_LENGTH",
    "DatabaseUnavailable",
    "DescribeRepository",
    "GuildSettingsRepository",
    "InputImageRepository",
    "JobRepository",
    "LedgerRepository",
    "MetaRepository",
    "MigrationError",
    "PostgresStore",
    "SqlStore",
    "SqliteStore",
    "Store",
    "UsageRepository",
    "open_store",
    "sqlite_path_from_url",
    "until_answered",
]

log = logging.getLogger(__name__)

_SQLITE_PREFIX = "sqlite:///"
_POSTGRES_SCHEMES = ("postgresql", "postgres")


def sqlite_path_from_url(database_url: str, *, cwd: Path | None = None) -> Path:
    """The database file a `sqlite:///` URL names: `sqlite:///rel/x.db` is relative to `cwd` (default:
    the current directory), `sqlite:////abs/x.db` is absolute, `sqlite:///:memory:` is in memory
    (returned as `Path(":memory:")`). Raises ConfigError for anything else."""
    if not database_url.startswith(_SQLITE_PREFIX):
        raise ConfigError("DATABASE_URL for SQLite must look like sqlite:///relative/path.db, "
                          "sqlite:////absolute/path.db or sqlite:///:memory:")
    rest = database_url[len(_SQLITE_PREFIX):]
    if rest in ("", ":memory:"):
        return Path(":memory:")
    path = Path(rest).expanduser()
    if path.is_absolute():
        return path
    return (Path.cwd() if cwd is None else cwd) / path


async def open_store(database_url: str, *, pool_size: int = 10, timeout: float = DEFAULT_DATABASE_TIMEOUT) -> Store:
    """Open the store named by `database_url`, creating and migrating the database as needed:
    `sqlite:///...` a database file, `postgresql://` or `postgres://` a PostgreSQL database through a pool of
    up to `pool_size` connections. `timeout` (DATABASE_TIMEOUT, seconds) bounds each later call; one that runs
    out of it raises `DatabaseUnavailable`.

    Raises ConfigError for a URL this release cannot use (the message never repeats the URL, which may hold
    a password), for a database file that cannot be used (the message names the file) and for a PostgreSQL
    server that cannot be reached or refuses the login or has no such database (the message names host,
    port and database)."""
    scheme = database_url.split("://", 1)[0].split("+", 1)[0].lower() if "://" in database_url else ""
    if scheme in _POSTGRES_SCHEMES:
        postgres = await PostgresStore.open(database_url, pool_size=pool_size, timeout=timeout)
        log.info("Using PostgreSQL database %s", postgres.address)
        return postgres
    if scheme != "sqlite":
        raise ConfigError("DATABASE_URL is not a database this release supports; use sqlite:///path.db or "
                          "postgresql://user:password@host:port/database")
    path = sqlite_path_from_url(database_url)
    store = await SqliteStore.open(path, timeout=timeout)
    log.info("Using SQLite database %s", path)
    return store
