"""The API's connection pool: as large as the running jobs' requests by default, and a request waiting for a
free connection is not failed by the first-byte timeout (only the total deadline bounds that wait)."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

import pytest
from aiohttp import web

from bot.config import OpenRouteSettings, Secret, Timeouts, load_settings, settings_from_env
from bot.openroute.client import OpenRouteClient, create_session
from bot.openroute.errors import RequestTimedOut
from tests.bot.openroute.helpers import API_KEY, CHAT, DONE, KEEPALIVE, REQUEST, FakeAPI, chunk, image_chunk, png, sse


def slow_stream(image: bytes, *, answering: asyncio.Event, seconds: float):
    """A model that starts its stream at once (keep-alives) and sends the image `seconds` later: its
    connection stays taken meanwhile."""

    async def handler(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        await response.write(KEEPALIVE)
        answering.set()
        await asyncio.sleep(seconds)
        for piece in (image_chunk(image), chunk(finish="stop"), DONE):
            await response.write(piece)
        await response.write_eof()
        return response

    return handler


async def test_a_request_waiting_for_a_free_connection_is_not_failed_by_the_first_byte_timeout(api: FakeAPI,
                                                                                                 make_client):
    harness = make_client(max_connections=1, timeouts=Timeouts(connect=5, first_byte=0.2, idle=20, total=60))
    first, second = png("red"), png("blue")
    answering = asyncio.Event()
    # the first request holds the only connection five times as long as the first-byte timeout
    api.on(CHAT, slow_stream(first, answering=answering, seconds=1.0),
           sse(image_chunk(second), chunk(finish="stop"), DONE))
    running = asyncio.create_task(harness.client.generate(REQUEST))
    await answering.wait()

    waited = await harness.client.generate(REQUEST)

    assert waited.images[0].data == second
    assert (await running).images[0].data == first


async def test_a_request_waiting_for_a_free_connection_still_ends_at_the_total_deadline(api: FakeAPI):
    settings = OpenRouteSettings(base_url=api.base_url, api_key=Secret(API_KEY), max_connections=1, max_retries=0)
    session = create_session(settings)
    try:
        patient = OpenRouteClient(session, settings)
        hasty = OpenRouteClient(session, dataclasses.replace(settings, timeouts=Timeouts(connect=5, first_byte=20,
                                                                                          idle=20, total=0.3)))
        answering = asyncio.Event()
        api.on(CHAT, slow_stream(png(), answering=answering, seconds=2.0))
        running = asyncio.create_task(patient.generate(REQUEST))
        await answering.wait()

        with pytest.raises(RequestTimedOut) as caught:
            await hasty.generate(REQUEST)
        await running
    finally:
        await session.close()

    assert caught.value.phase == "total"


def test_the_pool_has_a_connection_for_every_request_the_running_jobs_may_have_open():
    assert settings_from_env({}).openroute.max_connections == 32 * 4 + 4
    assert settings_from_env({"MAX_CONCURRENT_JOBS": "10"}).openroute.max_connections == 10 * 4 + 4
    assert settings_from_env({"MAX_CONCURRENT_JOBS": "10",
                              "OPENROUTE_MAX_CONNECTIONS": "7"}).openroute.max_connections == 7
    assert OpenRouteSettings().max_connections == 132


def test_an_env_file_copied_from_the_example_keeps_the_pool_sized_from_the_job_limits():
    example = Path(__file__).resolve().parents[3] / ".env.example"

    assert load_settings(example, environ={}).openroute.max_connections == 132


async def test_the_session_pool_is_the_configured_size():
    session = create_session(settings_from_env({"MAX_CONCURRENT_JOBS": "5"}).openroute)
    try:
        assert session.connector is not None
        assert session.connector.limit == 24
    finally:
        await session.close()
