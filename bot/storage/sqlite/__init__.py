"""The SQLite backend: the connection and its file, the migration target and the store (the repositories
themselves are shared, in bot.storage.sql)."""

from __future__ import annotations

from bot.storage.sqlite.connection import FILE_MODE, MEMORY, SqliteDatabase, busy_timeout_ms
from bot.storage.sqlite.migrations import SqliteMigrationTarget, split_statements
from bot.storage.sqlite.store import SqliteStore

__all__ = [
    "FILE_MODE",
    "MEMORY",
    "SqliteDatabase",
    "SqliteMigrationTarget",
    "SqliteStore",
    "busy_timeout_ms",
    "split_statements",
]
