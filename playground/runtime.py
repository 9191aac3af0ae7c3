"""`imagine-bot playground` in one process: the Discord stand-in, the bot connected to it exactly as it connects to
Discord (the same `run_bot`, an unmodified discord.py), the OpenRoute emulator unless a real key is set, and the page.

    async with Playground(PlaygroundSettings(port=0, folder=path), env={}) as pg:
        pg.url, pg.fake, pg.bot
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from bot.app import run_bot
from bot.config import IGNORED_IN_PLAYGROUND, PlaygroundSettings, Settings, settings_from_env
from bot.discord_bot import ImagineBot
from cogs.imagine.render import format_cost
from playground.discord import FakeDiscord
from playground.discord.model import MANAGE_GUILD, MANAGE_MESSAGES
from playground.openroute import OpenRouteEmulator, default_models
from playground.web import Persona, PlaygroundWeb

log = logging.getLogger(__name__)

GUILD_NAME = "imagine-bot playground"
PERSONAS = (Persona(key="member", user="alice", label="Alice · member"),
            Persona(key="moderator", user="morgan", label="Morgan · moderator"))
# the emulator's pictures take about this long, like a real model's, so progress can be watched
PICTURE_SECONDS = 1.5
DESCRIBE_MODEL = "emu/describe"
# the emulator's models shown in the playground: the real-looking ones (normal pictures), a describer, and a few
# of its fault scenarios, so the bot's answers to a provider's failures can be tried too
EMULATED_MODELS = ("emu/slow", "emu/refusal", "emu/error-429", "emu/error-402", "emu/mid-stream-error",
                   DESCRIBE_MODEL)
START_TIMEOUT = 60.0
STOP_TIMEOUT = 30.0


def emulated_models() -> list[dict[str, Any]]:
    return [model for model in default_models()
            if not model["id"].startswith("emu/") or model["id"] in EMULATED_MODELS]


class Playground:
    """Starts and stops the stand-in, the emulator (when no OPENROUTE_API_KEY is set), the bot and the page."""

    def __init__(self, settings: PlaygroundSettings, env: Mapping[str, str]) -> None:
        self.settings = settings
        self.env = {key: value for key, value in env.items() if key not in IGNORED_IN_PLAYGROUND}
        self.emulated = not (self.env.get("OPENROUTE_API_KEY") or "").strip()
        self.fake = FakeDiscord(token=secrets.token_urlsafe(24))
        self.emulator: OpenRouteEmulator | None = None
        self.web: PlaygroundWeb | None = None
        self.bot: ImagineBot | None = None
        self.bot_settings: Settings | None = None
        self.url = ""
        self._task: asyncio.Task[None] | None = None
        self._emulator_key = ""
        self._started_at = 0.0  # time.time() when the bot started

    async def __aenter__(self) -> Playground:
        try:
            await self.start()
        except BaseException:
            await self.close()
            raise
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def stopped(self) -> asyncio.Task[None] | None:
        """The bot's task: done when the bot stopped (by itself or by `close`)."""
        return self._task

    async def start(self) -> None:
        self.settings.folder.mkdir(parents=True, exist_ok=True)
        self._build_world()
        await self.fake.start()
        # the page first: a port in use fails at once, before anything else starts
        self.web = PlaygroundWeb(self.fake, personas=list(PERSONAS), emulated=self.emulated,
                                 spend=None if self.emulated else self.spend)
        self.url = await self.web.start(host="127.0.0.1", port=self.settings.port)
        if self.emulated:
            self._emulator_key = secrets.token_urlsafe(24)
            self.emulator = OpenRouteEmulator(api_key=self._emulator_key, keepalive_interval=PICTURE_SECONDS,
                                              models=emulated_models())
            await self.emulator.start()
        self.bot_settings = settings_from_env(self._bot_env())
        self.bot_settings.require_discord()
        await self._start_bot(self.bot_settings)

    def _build_world(self) -> None:
        """The stand-in's world: a server with `general` and the age-restricted `nsfw`, a plain member (alice) and a
        moderator who may change the server's settings (morgan); DMs open on demand."""
        self.fake.guild.name = GUILD_NAME
        self.fake.add_role("moderators", "Moderators", permissions=MANAGE_GUILD | MANAGE_MESSAGES)
        self.fake.add_user("morgan", roles=["moderators"], global_name="Morgan")

    def _bot_env(self) -> dict[str, str]:
        env = {**self.env,
               "DISCORD_TOKEN": self.fake.token,
               "DISCORD_API_BASE_URL": self.fake.api_base_url,
               "DATABASE_URL": f"sqlite:///{(self.settings.folder / 'playground.db').resolve()}"}
        if self.emulator is not None:
            env.update(OPENROUTE_BASE_URL=self.emulator.base_url, OPENROUTE_API_KEY=self._emulator_key,
                       DESCRIBE_MODELS=DESCRIBE_MODEL)
        elif not _positive(env.get("GLOBAL_DAILY_BUDGET_USD")) and self.settings.budget_usd > 0:
            # real money: the playground's own cap unless the operator set a budget for the whole bot
            env["GLOBAL_DAILY_BUDGET_USD"] = str(self.settings.budget_usd)
        return env

    async def _start_bot(self, settings: Settings) -> None:
        loop = asyncio.get_running_loop()
        created: asyncio.Future[ImagineBot] = loop.create_future()
        self._started_at = time.time()
        self._task = asyncio.create_task(run_bot(settings, started=created.set_result), name="playground-bot")
        done, _ = await asyncio.wait({created, self._task}, timeout=START_TIMEOUT,
                                     return_when=asyncio.FIRST_COMPLETED)
        if self._task in done:
            self._task.result()  # raises what stopped the bot
            raise RuntimeError("the bot stopped while starting")
        if created not in done:
            raise TimeoutError("the bot did not start")
        self.bot = created.result()
        ready = asyncio.ensure_future(self.fake.wait_ready(timeout=START_TIMEOUT))
        done, _ = await asyncio.wait({ready, self._task}, timeout=START_TIMEOUT, return_when=asyncio.FIRST_COMPLETED)
        if self._task in done:
            ready.cancel()
            self._task.result()
            raise RuntimeError("the bot stopped before it connected to the Discord stand-in")
        ready.result()
        # the page offers the commands the bot registered: wait for its first sync
        await self.fake.wait_for(lambda: self.fake.sync_count > 0, timeout=START_TIMEOUT)

    async def spend(self) -> dict[str, str | None]:
        """With a real key: what the playground's jobs cost, this run and in the last 24 h, and the budget."""
        assert self.bot is not None
        assert self.bot_settings is not None
        usage = self.bot.services.store.usage
        this_run = await usage.everywhere(since=self._started_at)
        day = await usage.everywhere(since=time.time() - 24 * 3600)
        budget = self.bot_settings.global_daily_budget_usd
        return {"total": format_cost(this_run.cost), "day": format_cost(day.cost),
                "budget": format_cost(budget) if budget > 0 else None}

    async def close(self) -> None:
        """Stop the page, the bot (its running jobs get their grace), the emulator and the stand-in."""
        if self.web is not None:
            await self.web.close()
            self.web = None
        if self.bot is not None:
            await self.bot.close()
        if self._task is not None:
            try:
                await asyncio.wait_for(asyncio.shield(self._task), STOP_TIMEOUT)
            except Exception:
                log.exception("the bot did not stop cleanly")
        if self.emulator is not None:
            self.emulator.release()
            await self.emulator.close()
            self.emulator = None
        await self.fake.close()


def _positive(raw: str | None) -> bool:
    try:
        return Decimal((raw or "0").strip().removeprefix("$")) > 0
    except ArithmeticError:
        return False
