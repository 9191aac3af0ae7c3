"""The PostgreSQL backend (asyncpg): the pool-backed `Database`, the migration target and the store (the
repositories themselves are shared, in bot.storage.sql)."""

from __future__ import annotations

from bot.storage.postgres.database import LIMITS_LOCK, PostgresDatabase, numbered_placeholders
from bot.storage.postgres.migrations import MIGRATIONS_LOCK, PostgresMigrationTarget
from bot.storage.postgres.store import PostgresStore, database_address

__all__ = [
    "LIMITS_LOCK",
    "MIGRATIONS_LOCK",
    "PostgresDatabase",
    "PostgresMigrationTarget",
    "PostgresStore",
    "database_address",
    "numbered_placeholders",
]
