"""Following a job in Discord: throttled progress edits of the original response, the result delivered
exactly once, and the fallbacks when the original response is gone (a channel message, then DMs)."""

from __future__ import annotations

import asyncio
import io
import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import discord

from bot.images.errors import ImageError
from bot.jobs.engine import JobState
from bot.jobs.errors import JobCancelled, JobError
from bot.jobs.generation import GenerationOutput
from bot.jobs.service import ImagineService, Submitted
from bot.jobs.throttle import EditScheduler
from bot.messages import explain
from bot.openroute.errors import OpenRouteError
from bot.records.job import JobRecord
from bot.records.spec import JobSpec
from cogs.audit import post_audit
from cogs.imagine import render
from cogs.imagine.views import failure_view, result_view, running_view
from cogs.language import public_speaker

if TYPE_CHECKING:
    from bot.discord_bot import ImagineBot

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
PROGRESS_TICK = 5.0  # seconds between progress refreshes when nothing else changed
TOKEN_LIFETIME = 15 * 60
TOKEN_SAFETY = 30  # stop editing through the token a little before Discord invalidates it
# Discord error codes meaning "the original response can no longer be edited"
GONE_CODES = {10008, 10015, 10062, 50027}


@dataclass
class Target:
    """Where a job talks: the interaction's original response, until that is gone (token expired, message
    deleted); then the final result goes to a channel message that mentions the requester."""

    interaction: discord.Interaction
    received_at: float
    message: discord.Message | None = None
    via_channel: bool = False
    source_url: str | None = None  # the result an Upscale, Vary or Remix came from

    def token_usable(self) -> bool:
        return time.monotonic() - self.received_at < TOKEN_LIFETIME - TOKEN_SAFETY


@dataclass(frozen=True, slots=True)
class Delivery:
    payload: dict[str, Any]
    final: bool = False


def _is_gone(exc: discord.HTTPException) -> bool:
    return isinstance(exc, discord.NotFound) or exc.code in GONE_CODES or exc.status == 401


def _mention(user_id: int) -> discord.AllowedMentions:
    return discord.AllowedMentions(users=[discord.Object(user_id)], roles=False, everyone=False,
                                   replied_user=False)


def failure_payload(record: JobRecord, error: BaseException) -> dict[str, Any]:
    speak = public_speaker(record.spec)
    return {"content": render.failure_content(record.spec, error, speak), "attachments": [], "embeds": [],
            "view": failure_view(record.id, retryable=explain(error).retryable, speak=speak)}


class Presenter:
    """Renders jobs into Discord messages. One per cog; holds no per-job state between calls."""

    def __init__(self, bot: ImagineBot, service: ImagineService, edits: EditScheduler) -> None:
        self.bot = bot
        self.service = service
        self.edits = edits

    async def follow(self, target: Target, submitted: Submitted) -> None:
        """Render progress with throttled edits, then deliver the result (or the error) exactly once."""
        record, job = submitted.record, submitted.job
        spec = record.spec
        speak = public_speaker(spec)
        recorded: int | None = None  # the message stored as this job's: its buttons act only there

        async def remember_message() -> None:
            nonlocal recorded
            if target.message is not None and target.message.id != recorded:
                recorded = target.message.id
                await self.service.record_message(record.id, channel_id=target.message.channel.id,
                                                  message_id=target.message.id)

        async def send(delivery: Delivery) -> None:
            await self._deliver(target, spec, delivery)
            await remember_message()

        stream = self.edits.stream(("interaction", target.interaction.id), send)
        shown: tuple[str, bool] | None = None

        def show_progress() -> None:
            nonlocal shown
            content = render.progress_content(spec, job.progress, now=time.monotonic(),
                                              created_at=job.created_at or time.monotonic(),
                                              typical_seconds=submitted.typical_seconds, speak=speak)
            cancellable = job.progress.cancel_saves_money  # once every request answered, the result comes
            if (content, cancellable) != shown:  # an identical edit would only spend rate limit
                shown = (content, cancellable)
                view = running_view(record.id, speak=speak) if cancellable else None
                stream.update(Delivery({"content": content, "view": view}))

        async def tick() -> None:
            # the elapsed time keeps moving while the model thinks, even when nothing else changes
            while not job.done:
                await asyncio.sleep(PROGRESS_TICK)
                if not job.done:
                    show_progress()

        ticker = asyncio.create_task(tick(), name=f"progress-tick-{record.id}")
        output = job.result if job.state is JobState.SUCCEEDED else None
        delivered = False
        try:
            async for snapshot in job.changes():
                if snapshot.done:
                    break
                show_progress()
            ticker.cancel()
            output = job.result if job.state is JobState.SUCCEEDED else None
            if isinstance(job.error, JobCancelled) and job.error.by_shutdown:
                return  # the bot is stopping; the next start-up tells the user
            try:
                final = await self._final_payload(target, submitted, stream)
            except Exception as exc:  # e.g. an image that cannot be re-encoded for upload
                log.exception("job %d: preparing the result failed", record.id)
                final = failure_payload(record, exc)
            try:
                await stream.finish(Delivery(final, final=True))
                delivered = "attachments" in final and bool(final["attachments"])
                if delivered and output is not None:
                    await self._audit(submitted, output, target.message)
            except discord.HTTPException as exc:
                # Discord refused the result itself: say so in place of the progress rather than go silent
                log.warning("job %d: Discord refused the result (%s %s)", record.id, exc.status, exc.code)
                await self._deliver(target, spec, Delivery(failure_payload(record, exc), final=True))
        except Exception as exc:
            if self.service.stopping:  # the grace ran out: reported as interrupted at the next start
                log.warning("job %d: delivery cut off by shutdown (%s)", record.id, type(exc).__name__)
            else:
                log.exception("job %d: could not deliver the result", record.id)
        finally:
            ticker.cancel()
            await stream.aclose()
            alert = await self.service.delivered(record, output, ok=delivered)
            if alert is not None:
                await post_audit(self.bot, alert.channel_id,
                                 render.budget_warning(alert.spent, alert.budget, speak))
        await remember_message()  # the result may have moved to a channel message or DM

    async def _audit(self, submitted: Submitted, output: GenerationOutput, message: discord.Message | None) -> None:
        """Every generation goes to the server's audit channel when it has one."""
        if submitted.audit_channel_id is None:
            return
        link = message.jump_url if message is not None else None
        await post_audit(self.bot, submitted.audit_channel_id, render.audit_line(submitted.record.spec, output, link,
                                                                                  public_speaker(submitted.record.spec)))

    async def _final_payload(self, target: Target, submitted: Submitted, stream: Any) -> dict[str, Any]:
        record, job = submitted.record, submitted.job
        spec = record.spec
        speak = public_speaker(spec)
        if job.state is JobState.SUCCEEDED and job.result is not None:
            output = job.result
            stream.update(Delivery({"content": render.uploading_content(spec, speak), "view": None}))  # paid: no Cancel
            package = await self.service.package(record.id, output, max_bytes=target.interaction.filesize_limit)
            files = [discord.File(io.BytesIO(image.data), filename=image.filename, spoiler=submitted.spoiler)
                     for image in package.fit.images]
            embeds = []
            if package.grid is not None and not submitted.spoiler:  # an embedded grid would show what is hidden
                files.append(discord.File(io.BytesIO(package.grid), filename="grid.png"))
                embed = discord.Embed(colour=discord.Colour.blurple())
                embed.set_image(url="attachment://grid.png")
                embeds.append(embed)
            return {"content": render.final_content(spec, output, render.fit_notes(package.fit),
                                                    source_url=target.source_url, speak=speak),
                    "attachments": files, "embeds": embeds,
                    "view": result_view(record.id, images=len(package.fit.images), upscale_to=submitted.upscale_to,
                                        speak=speak)}
        if job.state is JobState.CANCELLED:
            return {"content": render.cancelled_content(spec, speak),
                    "view": failure_view(record.id, retryable=True, speak=speak)}
        error = job.error if job.error is not None else RuntimeError("job ended without a result")
        if not isinstance(error, OpenRouteError | ImageError | JobError):
            log.error("job %d failed unexpectedly", record.id, exc_info=error)
        return failure_payload(record, error)

    async def _deliver(self, target: Target, spec: JobSpec, delivery: Delivery) -> None:
        """Edit the original response; when it is gone, post the final result as a channel message."""
        if not target.via_channel:
            if target.token_usable():
                try:
                    target.message = await target.interaction.edit_original_response(
                        allowed_mentions=NO_MENTIONS, **delivery.payload)
                    self.bot.services.metrics.progress_edit()
                    return
                except discord.HTTPException as exc:
                    if not _is_gone(exc):
                        raise
                    log.info("original response unavailable (%s); using a channel message", exc.code or exc.status)
            target.via_channel = True
            target.message = None
        if not delivery.final:
            return  # progress alone is not worth a new message
        content = f"<@{spec.requester_id}> {delivery.payload.get('content', '')}"[:render.MESSAGE_LIMIT]
        files = delivery.payload.get("attachments") or []
        for file in files:
            file.reset()
        target.message = await self.post(spec, content=content, files=files, embeds=delivery.payload.get("embeds", []),
                                         view=delivery.payload.get("view"),
                                         allowed_mentions=_mention(spec.requester_id))

    async def post(self, spec: JobSpec, **message: Any) -> discord.Message:
        """A normal bot message in the job's channel; in the requester's DMs when the bot can't post there
        (a DM job, or a user-installed app in a server the bot is not in)."""
        if spec.channel_id is not None and not spec.is_dm:
            try:
                return await self.bot.get_partial_messageable(spec.channel_id).send(**message)
            except discord.Forbidden:
                log.info("cannot post in channel %d; sending to the requester's DMs", spec.channel_id)
                for file in message.get("files") or []:
                    file.reset()
        user = self.bot.get_user(spec.requester_id) or await self.bot.fetch_user(spec.requester_id)
        return await (await user.create_dm()).send(**message)

    async def tell_interrupted(self, records: list[JobRecord]) -> None:
        """Tell each requester that a restart cut their job off, with a Retry button."""
        await self.bot.wait_until_ready()
        for record in records:
            spec, handle = record.spec, record.handle
            speak = public_speaker(spec)
            view = failure_view(record.id, retryable=render.retry_after_restart(spec), speak=speak)
            try:
                issued = handle.interaction_created_at or record.created_at
                if handle.interaction_token and handle.application_id and \
                        time.time() - issued < TOKEN_LIFETIME - TOKEN_SAFETY:
                    webhook = discord.Webhook.partial(handle.application_id, handle.interaction_token,
                                                      client=self.bot)
                    message = await webhook.edit_message("@original", content=render.interrupted_content(spec, speak),
                                                         view=view, allowed_mentions=NO_MENTIONS, attachments=[])
                else:
                    message = await self.post(spec, content=render.interrupted_content(
                                                  spec, speak, mention=f"<@{spec.requester_id}>"), view=view,
                                              allowed_mentions=_mention(spec.requester_id))
                await self.service.record_message(record.id, channel_id=message.channel.id, message_id=message.id)
                log.info("job %d: told user %d it was interrupted", record.id, spec.requester_id)
            except (discord.HTTPException, discord.ClientException) as exc:
                log.warning("job %d: could not tell user %d about the interruption: %s", record.id,
                            spec.requester_id, exc)
