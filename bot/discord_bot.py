"""The discord.py Bot subclass. It receives every service through its constructor (built in `bot.app`)."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.i18n import default_catalog, msg
from bot.jobs.describe import DescribeService
from bot.jobs.history import HistoryService
from bot.jobs.service import ImagineService
from bot.jobs.throttle import EditScheduler
from bot.jobs.usage import UsageService
from bot.messages import explain
from bot.metrics import Metrics, MetricsServer
from bot.policy.settings import SettingsService
from bot.storage import Store
from cogs.language import private_speaker
from cogs.translator import CatalogTranslator

if TYPE_CHECKING:
    from bot.config import Settings

log = logging.getLogger(__name__)

EXTENSIONS = ("cogs.imagine", "cogs.settings", "cogs.usage", "cogs.describe", "cogs.history")
INVITE_PERMISSIONS = discord.Permissions(
    view_channel=True, send_messages=True, send_messages_in_threads=True, attach_files=True, embed_links=True,
    read_message_history=True,
)
HEALTH_INTERVAL = 30.0
PRUNE_INTERVAL = 24 * 60 * 60
STARTUP_MODELS_TIMEOUT = 10.0  # the bot connects without the model list rather than wait longer for it


@dataclass(frozen=True, slots=True)
class Services:
    """What the bot and its cogs are given. Cogs use the services; `store` is for the bot's own
    bookkeeping (command sync)."""

    settings: Settings
    store: Store
    imagine: ImagineService
    edits: EditScheduler
    guild_settings: SettingsService
    usage: UsageService
    describe: DescribeService
    history: HistoryService
    metrics: Metrics = field(default_factory=Metrics)


class ImagineTree(app_commands.CommandTree):
    """Turns every unexpected command failure into an honest message, logged once with the job id."""

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        original = getattr(error, "original", error)
        job_id = interaction.extras.get("job_id")
        speak = private_speaker(interaction)  # only the member sees it
        if isinstance(error, app_commands.CheckFailure):
            text = speak(msg("You can't use this command here."))
        else:
            log.error("command %s failed (job %s, user %s)",
                      interaction.command.qualified_name if interaction.command else "?", job_id,
                      interaction.user.id, exc_info=original)
            text = speak(explain(original).message)
        await send_notice(interaction, text)


async def send_notice(interaction: discord.Interaction, text: str) -> None:
    """Tell the user something, whatever state the interaction is in; never raises."""
    try:
        if not interaction.response.is_done():
            await interaction.response.send_message(text, ephemeral=True,
                                                    allowed_mentions=discord.AllowedMentions.none())
        elif interaction.response.type is discord.InteractionResponseType.deferred_channel_message:
            # replace "is thinking…" rather than leave it spinning next to a followup
            await interaction.edit_original_response(content=text, attachments=[], view=None,
                                                     allowed_mentions=discord.AllowedMentions.none())
        else:
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())
    except discord.HTTPException as exc:
        log.warning("could not tell user %s about an error: %s", interaction.user.id, exc)


def command_tree_hash(payload: list[dict[str, Any]]) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


class ImagineBot(commands.AutoShardedBot):
    def __init__(self, *, services: Services, shard_count: int | None = None,
                 shard_ids: tuple[int, ...] | None = None) -> None:
        # the bot has no voice features: discord.py's start-up warnings about missing voice libraries are noise
        discord.VoiceClient.warn_nacl = False
        discord.VoiceClient.warn_dave = False
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents(guilds=True),  # interactions need no privileged or message intents
            help_command=None,
            tree_cls=ImagineTree,
            allowed_mentions=discord.AllowedMentions.none(),
            shard_count=shard_count,
            shard_ids=list(shard_ids) if shard_ids is not None else None,
            max_messages=None,
            http_trace=services.metrics.discord_trace(),  # counts every 429 discord.py meets
            chunk_guilds_at_startup=False,
        )
        self.services = services
        self.started_at = time.monotonic()
        self._tasks: list[asyncio.Task[None]] = []
        self._metrics_server: MetricsServer | None = None

    async def setup_hook(self) -> None:
        self._remove_stale_health_file()
        await self._start_metrics()
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        # command names and descriptions in every language of the catalogue
        await self.tree.set_translator(CatalogTranslator(default_catalog()))
        if self.services.settings.runs_shard_zero:
            await self.sync_commands()
        else:  # one process syncs: several syncing the same tree would only spend the rate limit
            log.info("not syncing application commands: the process running shard 0 does")
        log.info("invite: %s", self.invite_url())
        await self._load_models()
        self._tasks.append(asyncio.create_task(self._keep_health_file(), name="health-file"))
        # retention (RETENTION_DAYS, 0 keeps jobs) and the usage ledger's own 32 days
        self._tasks.append(asyncio.create_task(self._prune_daily(), name="retention"))
        if self.services.settings.models_refresh_minutes:
            self._tasks.append(asyncio.create_task(self._refresh_models_regularly(), name="models-refresh"))

    async def _start_metrics(self) -> None:
        """METRICS_PORT: /metrics and /healthz (healthy while every shard of this process is connected)."""
        settings = self.services.settings
        if settings.metrics_port is None:
            return
        server = MetricsServer(self.services.metrics, host=settings.metrics_host, port=settings.metrics_port,
                               healthy=self.is_connected)
        await server.start()  # a port in use stops the start-up with a line naming it
        self._metrics_server = server

    def _remove_stale_health_file(self) -> None:
        # a file left by the last run would report this one healthy before it connected
        path = self.services.settings.health_file
        if path is not None:
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                log.warning("cannot remove the old health file %s: %s", path, exc)

    async def _prune_daily(self) -> None:
        """Retention of jobs and of the usage ledger: once at start-up, then once a day."""
        days = self.services.settings.retention_days
        while not self.is_closed():
            try:
                await self.services.imagine.prune(days)
            except Exception:
                log.exception("retention: pruning old jobs failed; will try again tomorrow")
            await asyncio.sleep(PRUNE_INTERVAL)

    async def _load_models(self) -> None:
        """At start-up: load the image model list, which checks the configured models against it (a missing
        default is a WARNING before the bot goes online)."""
        try:
            async with asyncio.timeout(STARTUP_MODELS_TIMEOUT):
                models = await self.services.imagine.catalog.refresh()
        except Exception as exc:  # the first request loads it again
            log.warning("could not load the image model list: %s", explain(exc).text)
            return
        log.info("%d image models available", len(models))

    async def _refresh_models_regularly(self) -> None:
        """MODELS_REFRESH_MINUTES: the provider's model list changes (ids are renamed, retired, added)."""
        minutes = self.services.settings.models_refresh_minutes
        while not self.is_closed():
            await asyncio.sleep(minutes * 60)
            try:
                await self.services.imagine.catalog.refresh()
            except Exception as exc:
                log.warning("could not refresh the image model list: %s; trying again in %d minutes",
                            explain(exc).text, minutes)

    async def sync_commands(self) -> bool:
        """Sync the command tree (to DEV_GUILD_ID when set) only when it changed since the last sync."""
        settings = self.services.settings
        guild = discord.Object(settings.dev_guild_id) if settings.dev_guild_id else None
        if guild is not None:
            self.tree.copy_global_to(guild=guild)
        # what tree.sync sends: the translations included, so a changed translation is registered too
        translator = self.tree.translator
        payload = [await command.get_translated_payload(self.tree, translator) if translator is not None
                   else command.to_dict(self.tree) for command in self.tree.get_commands(guild=guild)]
        scope = f"guild:{guild.id}" if guild else "global"
        digest = command_tree_hash(payload)
        key = f"command_tree_hash:{self.application_id}:{scope}"
        if await self.services.store.meta.get(key) == digest:
            log.info("application commands unchanged (%s); not syncing", scope)
            return False
        await self.tree.sync(guild=guild)
        await self.services.store.meta.set(key, digest)
        log.info("synced %d application command(s) (%s)", len(payload), scope)
        return True

    def invite_url(self) -> str:
        return discord.utils.oauth_url(self.application_id or 0, permissions=INVITE_PERMISSIONS,
                                       scopes=("bot", "applications.commands"))

    async def on_ready(self) -> None:
        log.info("connected as %s (id %s) in %d server(s)", self.user, self.user.id if self.user else "?",
                 len(self.guilds))
        self._touch_health()

    def _touch_health(self) -> None:
        path: Path | None = self.services.settings.health_file
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"{time.time():.0f}\n")
        except OSError as exc:
            log.warning("cannot write the health file %s: %s", path, exc)

    def is_connected(self) -> bool:
        """Every shard has a live gateway connection."""
        return self.is_ready() and bool(self.shards) and not any(s.is_closed() for s in self.shards.values())

    async def _keep_health_file(self) -> None:
        # a fresh file means "connected"; the Docker HEALTHCHECK (`imagine-bot health`) reads its age
        await self.wait_until_ready()
        while not self.is_closed():
            if self.is_connected():
                self._touch_health()
            await asyncio.sleep(HEALTH_INTERVAL)

    async def close(self) -> None:
        # stop taking jobs and let results already received finish uploading, then disconnect; what is
        # left is reported as interrupted at the next start
        try:
            await self.services.imagine.shutdown(self.services.settings.shutdown_grace)
        finally:
            for task in self._tasks:
                task.cancel()
            try:
                await super().close()
            finally:
                if self._metrics_server is not None:
                    await self._metrics_server.stop()
