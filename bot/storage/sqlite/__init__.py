"""The SQLite backend, one module per concern; this package re-exports its public names."""

from __future__ import annotations

from bot.storage.sqlite.connection import BUSY_TIMEOUT_MS, FILE_MODE, MEMORY
from bot.storage.sqlite.counting import DAY
from bot.storage.sqlite.guilds import SqliteGuildSettingsRepository
from bot.storage.sqlite.inputs import SqliteInputImageRepository
from bot.storage.sqlite.jobs import SqliteJobRepository
from bot.storage.sqlite.meta import SqliteMetaRepository
from bot.storage.sqlite.migrations import SqliteMigrationTarget, split_statements
from bot.storage.sqlite.store import SqliteStore
from bot.storage.sqlite.usage import SqliteUsageRepository

__all__ = [
    "BUSY_TIMEOUT_MS",
    "DAY",
    "FILE_MODE",
    "MEMORY",
    "SqliteGuildSettingsRepository",
    "SqliteInputImageRepository",
    "SqliteJobRepository",
    "SqliteMetaRepository",
    "SqliteMigrationTarget",
    "SqliteStore",
    "SqliteUsageRepository",
    "split_statements",
]
