"""The bot started as `imagine-bot run` starts it, against the fakes (used by the e2e tests and benchmarks)."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from PIL import Image

from bot.app import run_bot
from bot.config import settings_from_env
from bot.discord_bot import ImagineBot
from playground.discord import FakeDiscord
from playground.openroute import OpenRouteEmulator

API_KEY = "sk-e2e-openroute-key-0123456789"
BOT_TOKEN = "e2e-bot-token.abcdef.0123456789"


class BotRunner:
    """Starts and stops bot processes-in-a-task exactly as `imagine-bot run` builds them."""

    def __init__(self, fake: FakeDiscord, emulator: OpenRouteEmulator, tmp_path: Path) -> None:
        self.fake = fake
        self.emulator = emulator
        self.env: dict[str, str] = {
            "DISCORD_TOKEN": BOT_TOKEN,
            "OPENROUTE_API_KEY": API_KEY,
            "OPENROUTE_BASE_URL": emulator.base_url,
            "OPENROUTE_MAX_RETRIES": "0",
            "DISCORD_API_BASE_URL": fake.api_base_url,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.db'}",
            "DEFAULT_MODEL": "emu/png",
            "EDIT_INTERVAL": "1.0",
            "HEALTH_FILE": str(tmp_path / "health"),
        }
        self.bot: ImagineBot | None = None
        self.task: asyncio.Task[None] | None = None

    def use(self, fake: FakeDiscord) -> None:
        """Point the next start at another fake Discord (one built with other limits)."""
        self.fake = fake
        self.env["DISCORD_API_BASE_URL"] = fake.api_base_url

    async def start(self, **overrides: str) -> ImagineBot:
        settings = settings_from_env({**self.env, **overrides})
        settings.require_discord()
        created: asyncio.Future[ImagineBot] = asyncio.get_running_loop().create_future()
        sessions_before = self.fake.ready_count
        self.task = asyncio.create_task(run_bot(settings, started=created.set_result))
        bot = await asyncio.wait_for(asyncio.shield(created), 30)
        waiter = asyncio.ensure_future(bot.wait_until_ready())
        done, _ = await asyncio.wait({waiter, self.task}, timeout=60, return_when=asyncio.FIRST_COMPLETED)
        if self.task in done:
            waiter.cancel()
            self.task.result()  # raises what stopped the bot
            raise AssertionError("the bot stopped before it was ready")
        assert waiter in done, "the bot did not become ready"
        await self.fake.wait_ready(sessions=sessions_before + 1)
        self.bot = bot
        return bot

    async def stop(self) -> None:
        if self.bot is not None:
            await self.bot.close()
        if self.task is not None:
            await asyncio.wait_for(self.task, 30)
        self.bot = None
        self.task = None


def decoded(data: bytes) -> tuple[tuple[int, int], bytes]:
    with Image.open(io.BytesIO(data)) as image:
        rgb = image.convert("RGB")
        return rgb.size, rgb.tobytes()


def png_files(message: Any) -> list[tuple[str, bytes]]:
    return [(name, data) for name, data in message.files if name.endswith(".png") and name != "grid.png"]


def shown_reply(interaction: Any) -> Any:
    """What the bot answered an interaction with, once it did: the @original once it is more than the
    "thinking…" placeholder, else the followup that replaced the placeholder (a refusal, which only the
    member who asked sees); None before either."""
    original = interaction.original
    if original is not None and not original.loading and (original.content or original.embeds):
        return original
    return next((m for m in reversed(interaction.followups) if m.content or m.embeds), None)


async def wait_final(fake: FakeDiscord, interaction: Any, timeout: float = 60) -> Any:
    """The @original once it carries the job's final state (buttons other than Cancel)."""

    def finished() -> Any:
        original = interaction.original
        if original is None or not original.custom_ids():
            return None
        return original if not any(cid.startswith("imagine:cancel:") for cid in original.custom_ids()) else None

    return await fake.wait_for(finished, timeout=timeout)


@asynccontextmanager
async def started_fake(**options: Any) -> AsyncIterator[FakeDiscord]:
    """A fake Discord with non-default limits, for one test."""
    fake = FakeDiscord(token=BOT_TOKEN, **options)
    await fake.start()
    try:
        yield fake
    finally:
        await fake.close()
