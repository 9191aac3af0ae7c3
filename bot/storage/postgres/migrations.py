"""Migrations on PostgreSQL: the migration target, and one process at a time running them."""

from __future__ import annotations

import asyncpg

from bot.storage.migrate import SCHEMA_MIGRATIONS_DDL, Migration, load_migrations, run_migrations
from bot.storage.postgres.database import lock_key

MIGRATIONS_LOCK = lock_key("imagine-bot: schema migrations")


class PostgresMigrationTarget:
    """`MigrationTarget` over one asyncpg connection."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def ensure_migrations_table(self) -> None:
        """Create `schema_migrations` if needed."""
        await self._connection.execute(SCHEMA_MIGRATIONS_DDL)

    async def applied_versions(self) -> set[int]:
        """The versions recorded in `schema_migrations`."""
        return {row[0] for row in await self._connection.fetch("SELECT version FROM schema_migrations")}

    async def apply(self, migration: Migration, *, applied_at: float) -> bool:
        """Run the migration's script and record it, in one transaction (PostgreSQL's DDL is transactional)."""
        async with self._connection.transaction():
            if await self._connection.fetchval("SELECT 1 FROM schema_migrations WHERE version = $1",
                                               migration.version):
                return False
            await self._connection.execute(migration.sql)  # no arguments: the whole script in one go
            await self._connection.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                migration.version, migration.name, applied_at)
        return True


async def migrate(connection: asyncpg.Connection) -> list[Migration]:
    """Apply the pending migrations, holding a session advisory lock so that processes starting together take
    turns (the next one finds the work done); the ones this call applied."""
    await connection.execute("SELECT pg_advisory_lock($1)", MIGRATIONS_LOCK)
    try:
        return await run_migrations(PostgresMigrationTarget(connection), load_migrations("postgresql"))
    finally:
        if not connection.is_closed():  # a closed connection has released its locks already
            await connection.execute("SELECT pg_advisory_unlock($1)", MIGRATIONS_LOCK)
