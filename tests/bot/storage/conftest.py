from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.storage import SqliteStore


@pytest.fixture
async def store() -> AsyncIterator[SqliteStore]:
    """A fresh, fully migrated in-memory store."""
    opened = await SqliteStore.open(":memory:")
    yield opened
    await opened.close()
