"""End-to-end fixtures: the bot started as `imagine-bot run` starts it, against the fake Discord and the
OpenRoute emulator, over real sockets."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.discord_bot import ImagineBot
from playground.discord import FakeDiscord
from playground.openroute import OpenRouteEmulator
from tests.e2e.harness import API_KEY, BOT_TOKEN, BotRunner


@pytest.fixture
async def emulator() -> AsyncIterator[OpenRouteEmulator]:
    emu = OpenRouteEmulator(api_key=API_KEY, keepalive_interval=0.05)
    await emu.start()
    try:
        yield emu
    finally:
        emu.release()
        await emu.close()


@pytest.fixture
async def discord_fake() -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord(token=BOT_TOKEN)
    await fake.start()
    try:
        yield fake
    finally:
        await fake.close()


@pytest.fixture
async def runner(discord_fake, emulator, tmp_path) -> AsyncIterator[BotRunner]:
    runner = BotRunner(discord_fake, emulator, tmp_path)
    try:
        yield runner
    finally:
        await runner.stop()


@pytest.fixture
async def bot(runner) -> ImagineBot:
    return await runner.start()
