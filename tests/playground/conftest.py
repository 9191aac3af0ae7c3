"""Fixtures shared by the tests of the fakes."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from playground.discord import FakeDiscord


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    """A started fake Discord that must not have failed internally by the end of the test."""
    async with FakeDiscord() as server:
        yield server
        assert server.server_errors == []
