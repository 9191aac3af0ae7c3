"""METRICS_PORT end to end: what Prometheus scrapes from the running bot, and what /healthz tells Docker."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.jobs.service import ImagineService
from bot.metrics import MetricsServerError
from playground.discord.ratelimit import RateLimitRule
from playground.openroute.emulator import COST_PER_IMAGE
from tests.e2e.harness import png_files, shown_reply, started_fake, wait_final

pytestmark = pytest.mark.e2e

Samples = dict[str, dict[frozenset[tuple[str, str]], float]]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def labels(**pairs: str) -> frozenset[tuple[str, str]]:
    return frozenset(pairs.items())


NONE = labels()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def scrape(http: aiohttp.ClientSession, port: int) -> Samples:
    async with http.get(f"http://127.0.0.1:{port}/metrics") as response:
        assert response.status == 200
        text = await response.text()
    values: Samples = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            values.setdefault(sample.name, {})[frozenset(sample.labels.items())] = sample.value
    return values


async def health(http: aiohttp.ClientSession, port: int) -> tuple[int, str]:
    async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
        return response.status, (await response.text()).strip()


class Deliveries:
    """Observes the real `ImagineService.delivered` (called once the chat shows a job's outcome, just after
    its last edit reached Discord), so a test knows when a job's end has been counted."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, service: ImagineService) -> None:
        self.count = 0
        self._changed = asyncio.Condition()
        original = service.delivered

        async def delivered(*args: Any, **kwargs: Any) -> Any:
            try:
                return await original(*args, **kwargs)
            finally:
                self.count += 1
                async with self._changed:
                    self._changed.notify_all()

        monkeypatch.setattr(service, "delivered", delivered)

    async def wait(self, count: int) -> None:
        async with asyncio.timeout(30), self._changed:
            await self._changed.wait_for(lambda: self.count >= count)


async def refusal_shown(fake: Any, interaction: Any) -> Any:
    return await fake.wait_for(lambda: shown_reply(interaction))


async def test_a_delivered_job_and_a_refused_request_show_in_the_metrics(runner, discord_fake, http, monkeypatch):
    port = free_port()
    bot = await runner.start(METRICS_PORT=str(port), OPERATOR_BLOCKED_WORDS="forbidden")
    deliveries = Deliveries(monkeypatch, bot.services.imagine)

    it = await discord_fake.run_command("imagine", {"prompt": "a fox in the snow", "model": "emu/png"})
    final = await wait_final(discord_fake, it)
    assert png_files(final)
    await deliveries.wait(1)
    refused = await discord_fake.run_command("imagine", {"prompt": "a forbidden fruit"})  # the default model
    assert "🚫" in (await refusal_shown(discord_fake, refused)).content

    values = await scrape(http, port)
    assert values["imagine_jobs_total"] == {labels(status="succeeded", model="emu/png", kind="imagine"): 1,
                                            labels(status="refused", model="emu/png", kind="imagine"): 1}
    assert values["imagine_cost_usd_total"] == {labels(model="emu/png"): pytest.approx(COST_PER_IMAGE)}
    assert values["imagine_job_duration_seconds_count"][NONE] == 1
    assert values["imagine_time_to_first_byte_seconds_count"][NONE] == 1  # one generation request
    edits = values["imagine_progress_edits_total"][NONE]
    assert edits > 0
    assert edits == final.edit_count  # every edit of the job's message, progress and result
    assert values["imagine_jobs_running"][NONE] == 0
    assert values["imagine_queue_depth"][NONE] == 0
    assert values["imagine_discord_rate_limited_total"][NONE] == len(discord_fake.rate_limited) == 0
    assert "imagine_openroute_errors_total" not in values


async def test_a_running_job_shows_in_the_running_gauge(runner, discord_fake, emulator, http):
    port = free_port()
    await runner.start(METRICS_PORT=str(port))
    it = await discord_fake.run_command("imagine", {"prompt": "take your time", "model": "emu/hold"})
    await emulator.wait_held(1)
    values = await scrape(http, port)
    assert values["imagine_jobs_running"][NONE] == 1
    assert values["imagine_queue_depth"][NONE] == 0
    emulator.release()
    assert png_files(await wait_final(discord_fake, it))


async def test_healthz_is_ok_while_connected_and_503_while_the_gateway_connection_is_gone(runner, discord_fake,
                                                                                          http):
    port = free_port()
    bot = await runner.start(METRICS_PORT=str(port))
    assert await health(http, port) == (200, "ok")

    # Discord drops the session (op 7 RECONNECT); the bot's way back in is held at the gateway
    back_in = discord_fake.hold_requests(lambda request: request.path.rstrip("/") == "/gateway")
    await discord_fake.request_reconnect()
    await discord_fake.wait_for(lambda: back_in.held)
    assert await health(http, port) == (503, "not connected to Discord")

    resumed = asyncio.ensure_future(bot.wait_for("resumed", timeout=30))
    back_in.release()
    await resumed
    assert await health(http, port) == (200, "ok")


async def test_openroute_errors_are_counted_by_kind(runner, discord_fake, http, monkeypatch):
    port = free_port()
    bot = await runner.start(METRICS_PORT=str(port))
    deliveries = Deliveries(monkeypatch, bot.services.imagine)
    for number, model in enumerate(("emu/error-502", "emu/mid-stream-error"), start=1):
        it = await discord_fake.run_command("imagine", {"prompt": "a storm", "model": model})
        await wait_final(discord_fake, it)
        await deliveries.wait(number)

    values = await scrape(http, port)
    assert values["imagine_openroute_errors_total"] == {labels(kind="provider_unavailable"): 1,
                                                        labels(kind="stream_error"): 1}
    assert values["imagine_jobs_total"] == {labels(status="failed", model="emu/error-502", kind="imagine"): 1,
                                            labels(status="failed", model="emu/mid-stream-error", kind="imagine"): 1}


@pytest.fixture
async def stingy_discord():
    """Discord answering 429 to all but one edit per message every 3 s (a limit no header announces)."""
    async with started_fake(message_edit_rate_limit=RateLimitRule(1, 3.0)) as fake:
        yield fake


async def test_every_429_discord_answers_is_counted(runner, stingy_discord, http, monkeypatch):
    runner.use(stingy_discord)
    port = free_port()
    bot = await runner.start(METRICS_PORT=str(port), EDIT_INTERVAL="1.0")
    deliveries = Deliveries(monkeypatch, bot.services.imagine)
    it = await stingy_discord.run_command("imagine", {"prompt": "under pressure", "model": "emu/slow"})
    assert png_files(await wait_final(stingy_discord, it))
    await deliveries.wait(1)
    assert stingy_discord.rate_limited, "the strict fake should have answered some 429s"
    values = await scrape(http, port)
    assert values["imagine_discord_rate_limited_total"][NONE] == len(stingy_discord.rate_limited)


async def test_a_metrics_port_in_use_stops_the_start_before_connecting(runner, discord_fake):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(MetricsServerError) as raised:
            await runner.start(METRICS_PORT=str(port))
    runner.task = None  # it ended with the error above; nothing is left to stop
    assert f"port {port} is already in use" in raised.value.strerror
    assert discord_fake.connections == []  # it never went online half-configured
