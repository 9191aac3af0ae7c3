"""The SQLite backend: the connection and its file, the migration target and the store (the repositories
themselves are shared, in bot.storage.sql)."""

from __future__ import annotations

from bot.storage.sqlite.connection import BUSY_TIMEOUT_MS, FILE_MODE, MEMORY, SqliteDatabase
from bot.storage.sqlite.migrations import SqliteMigrationTarget, split_statements
from bot.storage.sqlite.store import SqliteStore

__all__ = [
    "BUSY_TIMEOUT_MS",
    "FILE_MODE",
    "MEMORY",
    "SqliteDatabase",
    "SqliteMigrationTarget",
    "SqliteStore",
    "split_statements",
]
