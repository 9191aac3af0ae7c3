"""The SQLite repository of bot metadata (key/value pairs)."""

from __future__ import annotations

from bot.storage.sqlite.connection import _Connection


class SqliteMetaRepository:
    """`MetaRepository` over SQLite."""

    def __init__(self, connection: _Connection) -> None:
        self._conn = connection

    async def get(self, key: str) -> str | None:
        """The stored value, or None."""
        async with self._conn.lock:
            rows = list(await self._conn.db.execute_fetchall("SELECT value FROM meta WHERE key = ?", (key,)))
        return rows[0][0] if rows else None

    async def set(self, key: str, value: str) -> None:
        """Insert or replace the value."""
        async with self._conn.lock:
            await self._conn.db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
