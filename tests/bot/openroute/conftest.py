from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from aiohttp import web

from bot.config import OpenRouteSettings, Secret, Timeouts
from bot.openroute.client import OpenRouteClient, create_session
from tests.bot.openroute.helpers import API_KEY, FakeAPI


@pytest.fixture
async def api() -> AsyncIterator[FakeAPI]:
    fake = FakeAPI()
    # handler_cancellation: a handler learns at once that the client closed the connection.
    runner = web.AppRunner(fake.app(), handler_cancellation=True, shutdown_timeout=1.0)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    fake.base_url = f"http://{host}:{port}/api/v1"
    yield fake
    await runner.cleanup()


@dataclasses.dataclass
class Harness:
    client: OpenRouteClient
    settings: OpenRouteSettings
    sleeps: list[float]
    now: list[float]


@pytest.fixture
async def make_client(api: FakeAPI) -> AsyncIterator[Callable[..., Harness]]:
    sessions = []

    def make(*, timeouts: Timeouts | None = None, **overrides: Any) -> Harness:
        settings = OpenRouteSettings(
            base_url=api.base_url, api_key=Secret(API_KEY), app_name="imagine-test",
            app_url="https://bot.example/imagine",
            timeouts=timeouts or Timeouts(connect=5, first_byte=20, idle=20, total=60),
            max_retries=2, retry_base_delay=1.0, retry_max_delay=30.0, models_cache_ttl=600.0)
        settings = dataclasses.replace(settings, **overrides)
        session = create_session(settings)
        sessions.append(session)
        sleeps: list[float] = []
        now = [1000.0]

        async def fake_sleep(delay: float) -> None:
            sleeps.append(delay)  # record instead of waiting

        client = OpenRouteClient(session, settings, sleep=fake_sleep, random=lambda: 0.5,
                                 clock=lambda: now[0])
        return Harness(client, settings, sleeps, now)

    yield make
    for session in sessions:
        await session.close()


@pytest.fixture
async def harness(make_client: Callable[..., Harness]) -> Harness:
    return make_client()
