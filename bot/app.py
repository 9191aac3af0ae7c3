"""Builds the object graph for `imagine-bot run` and runs the bot until it is closed."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AsyncExitStack

import discord
import yarl

from bot.config import Settings
from bot.discord_bot import ImagineBot, Services
from bot.images.worker import ImageWorker
from bot.jobs.describe import DescribeService
from bot.jobs.engine import JobEngine
from bot.jobs.generation import ImageGenerator
from bot.jobs.history import HistoryService
from bot.jobs.inputs import InputFetcher, create_download_session
from bot.jobs.ownership import JobOwnership
from bot.jobs.service import ImagineService
from bot.jobs.throttle import EditScheduler
from bot.jobs.usage import UsageService
from bot.metrics import Metrics
from bot.openroute.client import OpenRouteClient, create_session
from bot.openroute.types import ImageModel
from bot.policy import Policy, PolicySettings
from bot.policy.settings import SettingsService
from bot.storage import open_store

log = logging.getLogger(__name__)


def point_discord_at(settings: Settings) -> int | None:
    """Apply DISCORD_API_BASE_URL / DISCORD_GATEWAY_URL (REST proxies, tests). Returns the shard count to use:
    SHARD_COUNT when set; else 1 with a gateway override (so the override is used as is); else None (ask
    Discord)."""
    if settings.discord_api_base_url:
        # discord.py builds every REST URL from this class attribute
        discord.http.Route.BASE = settings.discord_api_base_url
    if settings.discord_gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)
        return settings.shard_count or 1
    return settings.shard_count


def policy_settings(settings: Settings) -> PolicySettings:
    """The operator's policy, from the settings."""
    return PolicySettings(default_model=settings.default_model, dm_enabled=settings.dm_enabled,
                          dm_daily_limit=settings.dm_daily_limit, max_jobs_per_user=settings.max_jobs_per_user,
                          allowed_models=settings.allowed_models, dm_models=settings.dm_models,
                          default_daily_limit=settings.default_daily_limit,
                          global_daily_budget=settings.global_daily_budget_usd, owner_ids=settings.owner_ids,
                          blocked_words=settings.operator_blocked_words, model_image_sizes=settings.model_image_sizes,
                          upscale_model=settings.upscale_model)


async def run_bot(settings: Settings, *, started: Callable[[ImagineBot], None] | None = None) -> None:
    """Run the Discord bot with all its services; returns when the bot is closed. `started` receives the bot
    as soon as it exists (tests use it to close the bot)."""
    shard_count = point_discord_at(settings)
    async with AsyncExitStack() as stack:
        store = await open_store(settings.database_url, pool_size=settings.database_pool_size,
                                 timeout=settings.database_timeout)
        stack.push_async_callback(store.close)
        session = create_session(settings.openroute)
        stack.push_async_callback(session.close)
        # input images come over a pool of their own; a download waits for admission first, so the jobs that
        # can run or wait bound how many happen at once
        downloads = create_download_session(max_connections=settings.max_concurrent_jobs + settings.max_queue_size)
        stack.push_async_callback(downloads.close)
        # one pool for every CPU-heavy step (base64 of the stream, decoding, converting, fitting): IMAGE_WORKERS
        pixels = ThreadPoolExecutor(max_workers=settings.image_workers, thread_name_prefix="image-worker")
        stack.callback(pixels.shutdown, wait=False, cancel_futures=True)
        images = ImageWorker(max_workers=settings.image_workers, executor=pixels, chart_font=settings.chart_font)
        stack.callback(images.close)
        engine = JobEngine(max_concurrent=settings.max_concurrent_jobs, max_per_user=settings.max_jobs_per_user,
                           max_queue=settings.max_queue_size, memory_budget=settings.image_memory_bytes)
        stack.push_async_callback(engine.close)
        metrics = Metrics()  # exposed on METRICS_PORT by the bot's setup_hook; unread when that is off
        metrics.watch_jobs(running=lambda: engine.running_count, queued=lambda: engine.queued_count)
        client = OpenRouteClient(session, settings.openroute, metrics=metrics, executor=pixels)
        policy = Policy(policy_settings(settings))

        async def image_models() -> list[ImageModel] | None:
            return await imagine.catalog.known()

        guild_settings = SettingsService(store.guilds, policy, image_models, styles=settings.styles,
                                         describe_models=settings.describe_models)
        inputs = InputFetcher(downloads, images, max_bytes=settings.input_max_bytes,
                              max_pixels=settings.input_max_pixels, timeout=settings.input_download_timeout)
        ownership = JobOwnership(store.jobs, instance=settings.instance_name, max_running=settings.max_concurrent_jobs)
        imagine = ImagineService(store=store, engine=engine, generator=ImageGenerator(client, images),
                                 policy=policy, guilds=guild_settings, client=client, inputs=inputs, images=images,
                                 cost_estimate=settings.cost_estimate_usd, size_factor=settings.size_factor,
                                 metrics=metrics, ownership=ownership)
        # Describe shares the engine, the bot-wide slots and the accounting of image jobs
        describe = DescribeService(store=store, engine=engine, policy=policy, guilds=guild_settings, client=client,
                                   inputs=inputs, intake=imagine.intake, accounting=imagine.accounting,
                                   ownership=ownership,
                                   cost_estimate=settings.cost_estimate_usd, metrics=metrics)
        usage = UsageService(store.usage, guild_settings, policy, images=images)
        edits = EditScheduler(min_interval=settings.edit_interval)
        stack.push_async_callback(edits.aclose)
        services = Services(settings=settings, store=store, imagine=imagine, edits=edits,
                            guild_settings=guild_settings, usage=usage, describe=describe,
                            history=HistoryService(store.jobs), metrics=metrics)
        bot = ImagineBot(services=services, shard_count=shard_count, shard_ids=settings.shard_ids)
        if started is not None:
            started(bot)
        _close_on_sigterm(bot)
        async with bot:
            assert settings.discord_token is not None  # checked by Settings.require_discord
            await bot.start(settings.discord_token.get())


def _close_on_sigterm(bot: ImagineBot) -> None:
    """`docker stop` sends SIGTERM: close cleanly (running jobs are reported as interrupted at the next start)."""
    loop = asyncio.get_running_loop()

    def stop() -> None:
        log.info("SIGTERM received; shutting down")
        loop.create_task(bot.close())  # noqa: RUF006 - the bot's own shutdown ends run_bot

    try:
        loop.add_signal_handler(signal.SIGTERM, stop)
    except (NotImplementedError, RuntimeError):  # not the main thread, or no signal support here
        log.debug("SIGTERM handler not installed")
