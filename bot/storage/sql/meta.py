"""The repository of bot metadata (key/value pairs)."""

from __future__ import annotations

from bot.storage.sql.database import Database


class SqlMetaRepository:
    """`MetaRepository` over a `Database`."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def get(self, key: str) -> str | None:
        """The stored value, or None."""
        rows = await self._db.fetch("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    async def set(self, key: str, value: str) -> None:
        """Insert or replace the value."""
        await self._db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value))
