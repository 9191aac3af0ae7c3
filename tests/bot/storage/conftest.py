from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.storage import SqlStore, open_store


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[SqlStore]:
    """A fresh, fully migrated store: once on SQLite, once on PostgreSQL."""
    opened = await open_store(database_url)
    assert isinstance(opened, SqlStore)
    yield opened
    await opened.close()


async def scalar(store: SqlStore, sql: str, params: tuple[object, ...] = ()) -> object:
    """The single value a query gives, read straight from the database."""
    [(value,)] = await store.database.fetch(sql, params)
    return value
