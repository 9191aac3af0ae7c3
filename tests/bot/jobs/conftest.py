"""Every async test in this package runs on a `VirtualTimeLoop`: `loop.time` is the clock and
`asyncio.sleep` the sleep handed to the code under test, so schedules are exact and take no real time."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from tests.bot.jobs.virtual_time import VirtualTimeLoop


def pytest_asyncio_loop_factories(config: pytest.Config, item: pytest.Item) -> Mapping[str, Any]:
    """pytest-asyncio hook: build the event loop of each test in this directory."""
    return {"virtual_time": VirtualTimeLoop}
