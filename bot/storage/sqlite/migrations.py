"""Migrations on SQLite: the migration target and splitting a script into statements."""

from __future__ import annotations

import hashlib
import re
import sqlite3

import aiosqlite

from bot.storage.migrate import SCHEMA_MIGRATIONS_DDL, Migration, MigrationError


class SqliteMigrationTarget:
    """`MigrationTarget` over one aiosqlite connection opened with `isolation_level=None`."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def ensure_migrations_table(self) -> None:
        """Create `schema_migrations` if needed."""
        await self._db.execute(SCHEMA_MIGRATIONS_DDL)

    async def applied_versions(self) -> set[int]:
        """The versions recorded in `schema_migrations`."""
        rows = await self._db.execute_fetchall("SELECT version FROM schema_migrations")
        return {row[0] for row in rows}

    async def apply(self, migration: Migration, *, applied_at: float) -> bool:
        """Run the migration's statements and record it, all in one transaction."""
        statements = split_statements(migration.sql)
        # SQL functions the SQLite migrations may call (SQLite has no hash functions of its own)
        await self._db.create_function("sha256_hex", 1, _sha256_hex, deterministic=True)
        # executescript() would commit our transaction first, so statements run one by one
        await self._db.execute("BEGIN IMMEDIATE")
        try:
            rows = await self._db.execute_fetchall(
                "SELECT 1 FROM schema_migrations WHERE version = ?", (migration.version,))
            if list(rows):
                await self._db.rollback()
                return False
            for statement in statements:
                await self._db.execute(statement)
            await self._db.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, applied_at),
            )
        except BaseException:
            await self._db.rollback()
            raise
        await self._db.commit()
        return True


def _sha256_hex(value: bytes | str | None) -> str | None:
    if value is None:
        return None
    return hashlib.sha256(value.encode() if isinstance(value, str) else value).hexdigest()


_COMMENTS = re.compile(r"--[^\n]*|/\*.*?\*/", re.DOTALL)


def split_statements(script: str) -> list[str]:
    """Split an SQL script into single statements (semicolons inside strings, comments and trigger
    bodies are respected, because SQLite itself decides where each statement is complete)."""
    statements: list[str] = []
    pieces = script.split(";")
    buffer = ""
    for index, piece in enumerate(pieces):
        buffer += piece
        if index == len(pieces) - 1:
            break
        buffer += ";"
        if sqlite3.complete_statement(buffer):
            if _has_code(buffer):
                statements.append(buffer.strip())
            buffer = ""
    if _has_code(buffer):
        raise MigrationError("the SQL script ends with an incomplete statement (missing ';'?)")
    return statements


def _has_code(sql: str) -> bool:
    return bool(_COMMENTS.sub("", sql).strip().strip(";").strip())
